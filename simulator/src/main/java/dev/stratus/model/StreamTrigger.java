package dev.stratus.model;

/**
 * A data stream of ordered records (Kinesis, Event Hubs, Pub/Sub Lite). Each shard is read by one
 * invocation at a time, in batches.
 *
 * @param shards number of shards (partitions), at least 1
 */
public record StreamTrigger(String id, String name, int shards) implements Trigger {
    public StreamTrigger {
        Checks.text(id, "id");
        name = name == null ? "" : name;
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be at least 1, not " + shards);
        }
    }

    @Override
    public NodeKind kind() {
        return NodeKind.STREAM_TRIGGER;
    }

    @Override
    public StreamTrigger withName(String name) {
        return new StreamTrigger(id, name, shards);
    }
}
