package dev.stratus.export.aws;

import dev.stratus.export.ExportPlan;
import dev.stratus.model.ApiGateway;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The Java type a generated Lambda handler takes, from the events that start its function. A
 * function started by one kind of event gets a handler typed for it; a function started by several
 * kinds, or by none (only other functions invoke it), gets a handler of {@code Map<String, Object>},
 * which the Lambda runtime fills from any event's JSON.
 */
public enum HandlerKind {
    /** HTTP API (payload 2.0) or a function URL, which uses the same payload. */
    HTTP_API("APIGatewayV2HTTPEvent", "APIGatewayV2HTTPResponse", "an HTTP request"),
    /** REST API (payload 1.0). */
    REST_API("APIGatewayProxyRequestEvent", "APIGatewayProxyResponseEvent", "an HTTP request through a REST API"),
    SCHEDULE("ScheduledEvent", "String", "a schedule"),
    QUEUE("SQSEvent", "SQSBatchResponse", "messages from an SQS queue"),
    STORAGE("S3Event", "String", "S3 object events"),
    STREAM("KinesisEvent", "String", "Kinesis records"),
    TOPIC("SNSEvent", "String", "SNS messages"),
    ANY("Map<String, Object>", "Object", "any event (several kinds, or direct invocation)");

    private final String input;
    private final String output;
    private final String description;

    HandlerKind(String input, String output, String description) {
        this.input = input;
        this.output = output;
        this.description = description;
    }

    /** The handler's input type, as written in Java. */
    public String input() {
        return input;
    }

    /** The handler's output type, as written in Java. */
    public String output() {
        return output;
    }

    public String description() {
        return description;
    }

    /** The kind for one event. */
    public static HandlerKind of(ExportPlan.Event event) {
        if (event instanceof ExportPlan.Http http) {
            return http.gateway() != null && http.gateway().type() == ApiGateway.Type.REST ? REST_API : HTTP_API;
        }
        if (event instanceof ExportPlan.Schedule) {
            return SCHEDULE;
        }
        if (event instanceof ExportPlan.QueueMessages) {
            return QUEUE;
        }
        if (event instanceof ExportPlan.StorageEvent) {
            return STORAGE;
        }
        if (event instanceof ExportPlan.StreamRecords) {
            return STREAM;
        }
        return TOPIC;
    }

    /** The kind for a function: its events' kind when they all agree, otherwise {@link #ANY}. */
    public static HandlerKind of(ExportPlan.Function function) {
        Set<HandlerKind> kinds = new LinkedHashSet<>();
        for (ExportPlan.Event event : function.events()) {
            kinds.add(of(event));
        }
        return kinds.size() == 1 ? kinds.iterator().next() : ANY;
    }
}
