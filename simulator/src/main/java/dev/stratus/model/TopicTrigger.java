package dev.stratus.model;

/** Messages published to a topic by systems outside the design; subscribers are invoked asynchronously. */
public record TopicTrigger(String id, String name) implements Trigger {
    public TopicTrigger {
        Checks.text(id, "id");
        name = name == null ? "" : name;
    }

    @Override
    public NodeKind kind() {
        return NodeKind.TOPIC_TRIGGER;
    }

    @Override
    public TopicTrigger withName(String name) {
        return new TopicTrigger(id, name);
    }
}
