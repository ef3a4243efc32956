package dev.stratus.sim.graph;

import dev.stratus.model.Service;
import dev.stratus.sim.random.DurationSampler;

/** One service during a run: its latency, its capacity, and who it starts (queues, topics, buckets). */
final class ServiceState {

    final Service node;
    /** Its index in the project's node list. */
    int nodeIndex;

    final DurationSampler latency;
    /** Requests per second it accepts, or {@code null} when unlimited. */
    final TokenBucket capacity;
    /** For a queue: the queue's index; otherwise {@link Invocations#NONE}. */
    int queue = Invocations.NONE;
    /** For a topic or bucket: the functions it starts, asynchronously. */
    int[] subscribers = new int[0];
    /** The edge to each subscriber, by index in the project's edges. */
    int[] subscriberEdges = new int[0];

    long calls;
    long throttles;

    ServiceState(Service node, DurationSampler latency) {
        this.node = node;
        this.latency = latency;
        this.capacity = TokenBucket.forCapacity(node.capacityPerSecond());
    }

    boolean tryCall(long now) {
        calls++;
        if (capacity != null && !capacity.tryTake(now)) {
            throttles++;
            return false;
        }
        return true;
    }
}
