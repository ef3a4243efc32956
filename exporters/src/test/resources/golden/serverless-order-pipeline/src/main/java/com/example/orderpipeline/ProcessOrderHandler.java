package com.example.orderpipeline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The Lambda handler of the function 'process-order' (Stratus node fn-process-order),
 * started by messages from the queue 'orders-queue' (batches of up to 10).
 *
 * <p>The function has no code of its own yet: the handler logs the event and answers with JSON
 * naming the function and the values of the environment variables of its connections.
 */
public class ProcessOrderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    static final String FUNCTION = "process-order";

    /** The environment variables that name what this function is connected to. */
    static final String[] CONNECTIONS = {"ORDERS_TABLE", "ORDER_EVENTS_TOPIC"};

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            context.getLogger()
                    .log(FUNCTION + " received message " + message.getMessageId() + ": " + EventJson.write(message));
        }
        context.getLogger().log(EventJson.answer(FUNCTION, CONNECTIONS));
        return new SQSBatchResponse(failures);
    }
}
