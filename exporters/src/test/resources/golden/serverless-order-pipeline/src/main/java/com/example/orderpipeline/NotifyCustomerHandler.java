package com.example.orderpipeline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;

/**
 * The Lambda handler of the function 'notify-customer' (Stratus node fn-notify-customer),
 * started by messages published to the topic 'order-events'.
 *
 * <p>The function has no code of its own yet: the handler logs the event and answers with JSON
 * naming the function and the values of the environment variables of its connections.
 */
public class NotifyCustomerHandler implements RequestHandler<SNSEvent, String> {

    static final String FUNCTION = "notify-customer";

    /** The environment variables that name what this function is connected to. */
    static final String[] CONNECTIONS = {};

    @Override
    public String handleRequest(SNSEvent event, Context context) {
        context.getLogger().log(FUNCTION + " received " + EventJson.write(event));
        return EventJson.answer(FUNCTION, CONNECTIONS);
    }
}
