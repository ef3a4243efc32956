package dev.stratus.sim.model;

import dev.stratus.sim.engine.BinaryHeapEventQueue;
import dev.stratus.sim.engine.CancelledException;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.pool.FunctionPool;
import dev.stratus.sim.pool.ScaleOutLimit;
import dev.stratus.sim.random.DurationSampler;
import dev.stratus.sim.random.DurationSamplers;
import dev.stratus.sim.random.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One function under a stationary load, as SimFaaS models it (see {@link ModelSettings}): the
 * engine's {@link FunctionPool} driven by arrival and departure events, and nothing else, so it runs
 * as fast as the engine can.
 */
public final class ModelSimulation {

    private static final int DEPARTURE = 0;
    private static final double MICROS = 1e6;

    private final ModelSettings settings;

    public ModelSimulation(ModelSettings settings) {
        this.settings = settings;
    }

    public ModelResult run() {
        return run(Monitor.NONE);
    }

    /** Runs the model; throws {@link CancelledException} if the monitor cancels it. */
    public ModelResult run(Monitor monitor) {
        long wallStart = System.nanoTime();
        RandomStreams streams = new RandomStreams(settings.seed());
        UniformRandomProvider arrivalsRng = streams.stream("function", "arrivals");
        UniformRandomProvider serviceRng = streams.stream("function", "service");
        long end = Math.round(settings.durationSeconds() * MICROS);
        DurationSampler gap = settings.arrival() == ModelSettings.Arrival.POISSON
                ? DurationSamplers.exponentialSeconds(1 / settings.arrivalRate(), arrivalsRng)
                : DurationSamplers.constantSeconds(1 / settings.arrivalRate());
        boolean exponential = settings.service() == ModelSettings.Service.EXPONENTIAL;
        DurationSampler warm = exponential
                ? DurationSamplers.exponentialSeconds(settings.warmSeconds(), serviceRng)
                : DurationSamplers.constantSeconds(settings.warmSeconds());
        DurationSampler cold = exponential
                ? DurationSamplers.exponentialSeconds(settings.coldSeconds(), serviceRng)
                : DurationSamplers.constantSeconds(settings.coldSeconds());
        long keepAlive = Math.round(settings.keepAliveSeconds() * MICROS);
        FunctionPool pool = new FunctionPool(
                settings.maxConcurrency(),
                1,
                keepAlive,
                0,
                settings.routing(),
                streams.stream("function", "routing"),
                ScaleOutLimit.NONE);

        // Departures wait in the event queue; the one next arrival is kept aside, which halves the
        // queue's work. At a tie the departure goes first, so a freed instance can take the arrival.
        BinaryHeapEventQueue departures = new BinaryHeapEventQueue(Math.min(1 << 16, settings.maxConcurrency() + 16));
        long requests = 0;
        long rejections = 0;
        long served = 0;
        long responseMicros = 0;
        long count = 0;
        // Constant arrivals start one gap in; Poisson ones at their first exponential gap.
        long nextArrival = gap.sampleMicros();
        if (nextArrival >= end) {
            nextArrival = Long.MAX_VALUE;
        }
        while (true) {
            long now;
            if (nextArrival < departures.peekTime()) {
                now = nextArrival;
                requests++;
                nextArrival = now + gap.sampleMicros();
                if (nextArrival >= end) {
                    nextArrival = Long.MAX_VALUE;
                }
                int slot = pool.acquire(now);
                if (slot < 0) {
                    rejections++;
                } else {
                    long service = pool.lastWasCold() ? cold.sampleMicros() : warm.sampleMicros();
                    // A request still running at the end is cut there; it counts as served.
                    departures.add(Math.min(now + service, end), 0, DEPARTURE, slot, 0);
                    served++;
                    responseMicros += service;
                }
            } else if (!departures.isEmpty()) {
                departures.poll();
                now = departures.time();
                pool.release(departures.target(), now);
            } else {
                break;
            }
            if ((++count & (Monitor.CHECK_EVERY - 1)) == 0) {
                if (monitor.cancelled()) {
                    throw new CancelledException();
                }
                monitor.progress((double) now / end);
            }
        }
        pool.close(end);
        monitor.progress(1);
        double seconds = end / MICROS;
        double instances = pool.instanceMicros() / MICROS / seconds;
        double busy = pool.busyInstanceMicros() / MICROS / seconds;
        return new ModelResult(
                requests,
                pool.coldStarts(),
                rejections,
                requests == 0 ? 0 : (double) pool.coldStarts() / requests,
                requests == 0 ? 0 : (double) rejections / requests,
                instances,
                busy,
                instances - busy,
                instances == 0 ? 0 : busy / instances,
                served == 0 ? 0 : responseMicros / MICROS / served,
                seconds,
                (System.nanoTime() - wallStart) / 1e9);
    }
}
