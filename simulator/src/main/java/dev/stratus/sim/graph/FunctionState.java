package dev.stratus.sim.graph;

import dev.stratus.model.FunctionNode;
import dev.stratus.sim.pool.FunctionPool;
import dev.stratus.sim.random.DurationSampler;
import org.HdrHistogram.Histogram;

/** One function during a run: its pool, samplers, outgoing steps and counters. */
final class FunctionState {

    /** A step of a function's run after its own work: what it calls, in edge order. */
    static final int CALL = 0;

    static final int SEND = 1;
    static final int PUBLISH = 2;
    static final int WRITE = 3;
    static final int INVOKE_SYNC = 4;
    static final int INVOKE_ASYNC = 5;

    final FunctionNode node;
    /** Its index in the project's node list. */
    int nodeIndex;

    final FunctionPool pool;
    final DurationSampler execution;
    final DurationSampler coldStart;
    final long timeoutMicros;
    /** Ints per step in {@link #steps}. */
    static final int STEP = 3;

    /**
     * Triples of (step type, target index, edge index): the target a service for CALL, SEND, PUBLISH
     * and WRITE, a function otherwise; the edge by its index in the project's edges.
     */
    int[] steps = new int[0];
    /** The queues and streams this function takes batches from. */
    int[] consumedQueues = new int[0];
    /** Provisioned instances it really has (none where the provider offers none). */
    int provisioned;

    long invocations;
    long errors;
    long timeouts;
    long throttledAsync;
    long retries;
    long dropped;
    /** Billed run time, rounded per run as the provider rounds it, µs; on provisioned instances apart. */
    long billedMicros;

    long provisionedBilledMicros;
    final Histogram latency = Histograms.create();

    FunctionState(FunctionNode node, FunctionPool pool, DurationSampler execution, DurationSampler coldStart) {
        this.node = node;
        this.pool = pool;
        this.execution = execution;
        this.coldStart = coldStart;
        this.timeoutMicros = Math.round(node.timeoutSeconds() * 1e6);
    }

    void addStep(int type, int target, int edge) {
        int[] more = java.util.Arrays.copyOf(steps, steps.length + STEP);
        more[steps.length] = type;
        more[steps.length + 1] = target;
        more[steps.length + 2] = edge;
        steps = more;
    }

    int stepCount() {
        return steps.length / STEP;
    }
}
