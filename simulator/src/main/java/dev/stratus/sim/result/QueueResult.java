package dev.stratus.sim.result;

/** A queue or stream: messages in and out, its depth, and how long messages waited. */
public record QueueResult(
        String id,
        String name,
        long sent,
        long taken,
        long remaining,
        long maxDepth,
        double averageDepth,
        Latency messageAge) {}
