/** {@code stratus bench}: the simulator's throughput and memory on standard scenarios. */
package dev.stratus.sim.bench;
