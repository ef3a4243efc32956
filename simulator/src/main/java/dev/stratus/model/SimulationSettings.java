package dev.stratus.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a simulation of the project runs unless the command line says otherwise; the studio's
 * Simulate settings edit the same record, so a run in the studio and {@code stratus simulate} on
 * the saved file agree. Settings left at their defaults are not written to the file.
 *
 * @param durationSeconds simulated time, seconds
 * @param seed the master seed; every component's random stream derives from it and the component's id
 * @param routing which idle instance takes a request (default {@link Routing#NEWEST})
 * @param freeTier whether the bill applies the providers' monthly free tier (default on, as on the
 *     providers' own examples)
 * @param compareProviders whether a run also simulates and prices the design on every provider, side
 *     by side (default off: the project's provider only)
 */
public record SimulationSettings(
        double durationSeconds,
        long seed,

        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = SimulationSettings.IsNewest.class)
        Routing routing,

        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = SimulationSettings.IsTrue.class)
        Boolean freeTier,

        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean compareProviders) {

    public static final SimulationSettings DEFAULT = new SimulationSettings(3600, 1);

    public SimulationSettings {
        Checks.positive(durationSeconds, "settings.durationSeconds");
        routing = routing == null ? Routing.NEWEST : routing;
        freeTier = freeTier == null ? Boolean.TRUE : freeTier;
    }

    /** The duration and seed given, every other setting at its default. */
    public SimulationSettings(double durationSeconds, long seed) {
        this(durationSeconds, seed, Routing.NEWEST, true, false);
    }

    /** Whether the free tier applies: {@link #freeTier()} as a primitive. */
    public boolean freeTierOn() {
        return freeTier;
    }

    public SimulationSettings withDurationSeconds(double seconds) {
        return new SimulationSettings(seconds, seed, routing, freeTier, compareProviders);
    }

    public SimulationSettings withSeed(long next) {
        return new SimulationSettings(durationSeconds, next, routing, freeTier, compareProviders);
    }

    public SimulationSettings withRouting(Routing next) {
        return new SimulationSettings(durationSeconds, seed, next, freeTier, compareProviders);
    }

    public SimulationSettings withFreeTier(boolean on) {
        return new SimulationSettings(durationSeconds, seed, routing, on, compareProviders);
    }

    public SimulationSettings withCompareProviders(boolean on) {
        return new SimulationSettings(durationSeconds, seed, routing, freeTier, on);
    }

    /** Leaves the default routing out of the file. */
    static final class IsNewest {
        @Override
        public boolean equals(Object value) {
            return value == null || value == Routing.NEWEST;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** Leaves the default free tier (on) out of the file. */
    static final class IsTrue {
        @Override
        public boolean equals(Object value) {
            return value == null || Boolean.TRUE.equals(value);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
