package dev.stratus.model;

/**
 * Messages arriving on a queue from outside the design (another system produces them). The
 * function it starts polls the queue in batches; work that cannot run waits in the queue.
 *
 * @param visibilityTimeoutSeconds how long a received message stays hidden before it is retried, s
 */
public record QueueTrigger(String id, String name, double visibilityTimeoutSeconds) implements Trigger {
    public static final double DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;

    public QueueTrigger {
        Checks.text(id, "id");
        name = name == null ? "" : name;
        Checks.positive(visibilityTimeoutSeconds, "visibilityTimeoutSeconds");
    }

    @Override
    public NodeKind kind() {
        return NodeKind.QUEUE_TRIGGER;
    }

    @Override
    public QueueTrigger withName(String name) {
        return new QueueTrigger(id, name, visibilityTimeoutSeconds);
    }
}
