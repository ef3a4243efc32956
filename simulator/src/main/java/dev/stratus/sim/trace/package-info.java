/**
 * The lifecycle of a window of a run, recorded for playback: containers created and reclaimed,
 * invocations started and ended, requests crossing edges, throttles, cache hits and queue depths, as
 * an immutable {@link dev.stratus.sim.trace.Trace} of primitive columns in time order. The engine
 * reports to a {@link dev.stratus.sim.trace.LifecycleListener}, which is a null object when nothing
 * records; a {@link dev.stratus.sim.trace.TraceRecorder} keeps the events of one window, up to a cap.
 * No JavaFX here: the studio draws a trace, it does not make one.
 */
package dev.stratus.sim.trace;
