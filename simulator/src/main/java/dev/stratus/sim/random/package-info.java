/**
 * Reproducible randomness for the simulator: {@link dev.stratus.sim.random.RandomStreams} gives each
 * component its own generator, seeded from the run's master seed and the component's stable id, and
 * {@link dev.stratus.sim.random.DurationSamplers} turns the model's latency distributions into
 * samplers of whole microseconds that allocate nothing per draw.
 */
package dev.stratus.sim.random;
