package dev.stratus.model;

/** The node a person gets when they place a new one of a kind: sensible, valid settings on every provider. */
public final class NodeDefaults {

    private NodeDefaults() {}

    public static Node of(NodeKind kind, String id, String name) {
        return switch (kind) {
            case HTTP_TRIGGER -> new HttpTrigger(id, name);
            case SCHEDULE_TRIGGER -> new ScheduleTrigger(id, name, "rate(5 minutes)");
            case QUEUE_TRIGGER -> new QueueTrigger(id, name, 60);
            case STORAGE_TRIGGER -> new StorageTrigger(id, name, StorageTrigger.Event.CREATED, "", "");
            case STREAM_TRIGGER -> new StreamTrigger(id, name, 1);
            case TOPIC_TRIGGER -> new TopicTrigger(id, name);
            case API_GATEWAY ->
                new ApiGateway(
                        id,
                        name,
                        ApiGateway.Type.HTTP,
                        ApiGateway.DEFAULT_RATE_LIMIT,
                        ApiGateway.DEFAULT_BURST,
                        null,
                        ApiGateway.Auth.NONE,
                        Distribution.lognormal(5, 0.3));
            case FUNCTION -> FunctionNode.of(id, name);
            case DATABASE -> new Database(id, name, Distribution.lognormal(8, 0.4), null);
            case BUCKET -> new Bucket(id, name, Distribution.lognormal(20, 0.5), null);
            case QUEUE -> new Queue(id, name, Queue.Type.STANDARD, Distribution.lognormal(10, 0.4), null, 60);
            case TOPIC -> new Topic(id, name, Distribution.lognormal(15, 0.4), null);
            case EMAIL -> new Email(id, name, Distribution.lognormal(40, 0.5), null);
            case EXTERNAL_API -> new ExternalApi(id, name, "", Distribution.lognormal(150, 0.6), null);
        };
    }
}
