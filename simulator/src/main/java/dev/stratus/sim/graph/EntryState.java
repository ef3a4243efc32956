package dev.stratus.sim.graph;

import dev.stratus.model.Trigger;
import dev.stratus.sim.workload.ArrivalProcess;
import org.HdrHistogram.Histogram;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * An entry trigger during a run: where its traffic comes from and where it goes, and the end-to-end
 * latency of what it started.
 */
final class EntryState {

    /** Where an arrival goes. */
    static final int TO_FUNCTIONS_SYNC = 0;

    static final int TO_FUNCTIONS_ASYNC = 1;
    static final int TO_GATEWAY = 2;
    static final int TO_QUEUE = 3;

    final Trigger node;
    /** Its index in the project's node list. */
    int nodeIndex;

    final ArrivalProcess arrivals;
    final UniformRandomProvider random;
    int route = TO_FUNCTIONS_ASYNC;
    /** The functions it starts; for a gateway route, the gateway's routes. */
    int[] targets = new int[0];
    /** The edge to each of {@link #targets}, by index in the project's edges. */
    int[] targetEdges = new int[0];

    int queue = Invocations.NONE;
    /** For traffic to an API gateway: which one. */
    int gateway = Invocations.NONE;

    int gatewayEdge = Invocations.NONE;

    long requests;
    long completed;
    long failed;
    long throttled;
    long cacheHits;
    /**
     * End-to-end latencies of the requests completed since the recorder's last window closed: the
     * simulation records here, and each window's end adds them to {@link #latency} and starts afresh.
     */
    final Histogram windowLatency = Histograms.create();
    /** The run's end-to-end latencies, complete once the recorder has closed the last window. */
    final Histogram latency = Histograms.create();

    EntryState(Trigger node, ArrivalProcess arrivals, UniformRandomProvider random) {
        this.node = node;
        this.arrivals = arrivals;
        this.random = random;
    }
}
