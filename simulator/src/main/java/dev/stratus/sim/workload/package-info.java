/**
 * Where a simulation's traffic comes from: {@link dev.stratus.sim.workload.ArrivalProcess}es that
 * turn the model's workloads (constant, Poisson, ramp, spike, diurnal, replayed traces) and schedule
 * triggers (rate and cron) into a non-decreasing sequence of arrival times in microseconds from the
 * start of the run. Processes allocate nothing per arrival; trace files are read once, up front, and
 * held compactly.
 */
package dev.stratus.sim.workload;
