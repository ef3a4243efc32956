package dev.stratus.sim.model;

import dev.stratus.model.Routing;

/**
 * The SimFaaS question for one function: Poisson (or constant) arrivals at {@code arrivalRate} per
 * second; a warm request takes {@code warmSeconds} on average, a cold one {@code coldSeconds} (its
 * whole response time, init included); an idle instance is reclaimed {@code keepAliveSeconds} after
 * its last request ended; a request that finds all {@code maxConcurrency} instances busy is rejected.
 *
 * @param arrival how requests arrive
 * @param service how service times vary around their means
 */
public record ModelSettings(
        double arrivalRate,
        double warmSeconds,
        double coldSeconds,
        double keepAliveSeconds,
        int maxConcurrency,
        double durationSeconds,
        long seed,
        Arrival arrival,
        Service service,
        Routing routing) {

    /** Arrival processes. */
    public enum Arrival {
        POISSON,
        CONSTANT
    }

    /** Service-time distributions. */
    public enum Service {
        EXPONENTIAL,
        CONSTANT
    }

    public ModelSettings {
        if (!(arrivalRate > 0) || Double.isInfinite(arrivalRate)) {
            throw new IllegalArgumentException("--arrival-rate must be a positive number of requests per second");
        }
        if (!(warmSeconds > 0) || !(coldSeconds > 0)) {
            throw new IllegalArgumentException("--warm and --cold must be positive numbers of seconds");
        }
        if (!(keepAliveSeconds >= 0)) {
            throw new IllegalArgumentException("--keep-alive must be zero or more seconds");
        }
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("--max-concurrency must be at least 1");
        }
        if (!(durationSeconds > 0) || durationSeconds > 1e12) {
            throw new IllegalArgumentException("--duration must be a positive number of seconds");
        }
    }
}
