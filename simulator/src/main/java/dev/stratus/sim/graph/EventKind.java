package dev.stratus.sim.graph;

/** What an event of a design's simulation does. Dispatch is a switch on this. */
enum EventKind {
    /** Traffic arrives at an entry trigger (target: entry index). */
    ARRIVAL,
    /** An invocation asks its function for an instance (target: invocation slot). */
    INVOKE,
    /** An invocation's run ends (target: invocation slot, data: its generation). */
    FINISH,
    /** A suspended invocation reaches its timeout (target: invocation slot, data: its generation). */
    TIMEOUT,
    /** A message lands on a queue, sent now (target: queue index, data: the number of its request). */
    ENQUEUE,
    /** A queue's batching window closes (target: queue index). */
    BATCH_WINDOW;

    static final EventKind[] ALL = values();
}
