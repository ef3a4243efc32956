package dev.stratus.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The traffic that arrives at one entry trigger over simulated time. Rates are requests (or events)
 * per second; times are seconds from the start of a simulation.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Workload.Constant.class, name = "constant"),
    @JsonSubTypes.Type(value = Workload.Poisson.class, name = "poisson"),
    @JsonSubTypes.Type(value = Workload.Ramp.class, name = "ramp"),
    @JsonSubTypes.Type(value = Workload.Spike.class, name = "spike"),
    @JsonSubTypes.Type(value = Workload.Diurnal.class, name = "diurnal"),
    @JsonSubTypes.Type(value = Workload.Trace.class, name = "trace")
})
public sealed interface Workload {

    /** Id of the trigger the traffic arrives at. */
    String trigger();

    /** The same traffic at another trigger. */
    Workload atTrigger(String trigger);

    /** The same shape of traffic with every rate multiplied by {@code factor} (a trace is kept as it is). */
    Workload scaledBy(double factor);

    /** Evenly spaced arrivals at a fixed rate. */
    record Constant(String trigger, double ratePerSecond) implements Workload {
        public Constant {
            Checks.text(trigger, "trigger");
            Checks.nonNegative(ratePerSecond, "ratePerSecond");
        }

        @Override
        public Constant atTrigger(String trigger) {
            return new Constant(trigger, ratePerSecond);
        }

        @Override
        public Constant scaledBy(double factor) {
            return new Constant(trigger, ratePerSecond * factor);
        }
    }

    /** Independent arrivals at a mean rate (exponential gaps). */
    record Poisson(String trigger, double ratePerSecond) implements Workload {
        public Poisson {
            Checks.text(trigger, "trigger");
            Checks.nonNegative(ratePerSecond, "ratePerSecond");
        }

        @Override
        public Poisson atTrigger(String trigger) {
            return new Poisson(trigger, ratePerSecond);
        }

        @Override
        public Poisson scaledBy(double factor) {
            return new Poisson(trigger, ratePerSecond * factor);
        }
    }

    /** Poisson arrivals whose rate changes linearly from one rate to another, then stays there. */
    record Ramp(String trigger, double fromPerSecond, double toPerSecond, double overSeconds) implements Workload {
        public Ramp {
            Checks.text(trigger, "trigger");
            Checks.nonNegative(fromPerSecond, "fromPerSecond");
            Checks.nonNegative(toPerSecond, "toPerSecond");
            Checks.positive(overSeconds, "overSeconds");
        }

        @Override
        public Ramp atTrigger(String trigger) {
            return new Ramp(trigger, fromPerSecond, toPerSecond, overSeconds);
        }

        @Override
        public Ramp scaledBy(double factor) {
            return new Ramp(trigger, fromPerSecond * factor, toPerSecond * factor, overSeconds);
        }
    }

    /**
     * Poisson arrivals at a base rate with bursts at a peak rate: the first at {@code startSeconds},
     * lasting {@code durationSeconds}, repeating every {@code everySeconds} (0: only once).
     */
    record Spike(
            String trigger,
            double basePerSecond,
            double peakPerSecond,
            double startSeconds,
            double durationSeconds,
            double everySeconds)
            implements Workload {
        public Spike {
            Checks.text(trigger, "trigger");
            Checks.nonNegative(basePerSecond, "basePerSecond");
            Checks.nonNegative(peakPerSecond, "peakPerSecond");
            Checks.nonNegative(startSeconds, "startSeconds");
            Checks.positive(durationSeconds, "durationSeconds");
            Checks.nonNegative(everySeconds, "everySeconds");
        }

        @Override
        public Spike atTrigger(String trigger) {
            return new Spike(trigger, basePerSecond, peakPerSecond, startSeconds, durationSeconds, everySeconds);
        }

        @Override
        public Spike scaledBy(double factor) {
            return new Spike(
                    trigger,
                    basePerSecond * factor,
                    peakPerSecond * factor,
                    startSeconds,
                    durationSeconds,
                    everySeconds);
        }
    }

    /**
     * Poisson arrivals following a daily cycle: the rate is {@code meanPerSecond * (1 + amplitude *
     * cos(2π (hour - peakHour) / 24))}, highest at {@code peakHour} (0–24, simulation clock).
     */
    record Diurnal(String trigger, double meanPerSecond, double amplitude, double peakHour) implements Workload {
        public Diurnal {
            Checks.text(trigger, "trigger");
            Checks.nonNegative(meanPerSecond, "meanPerSecond");
            if (!(amplitude >= 0 && amplitude <= 1)) {
                throw new IllegalArgumentException("amplitude must be between 0 and 1, not " + amplitude);
            }
            if (!(peakHour >= 0 && peakHour < 24)) {
                throw new IllegalArgumentException("peakHour must be from 0 up to (not including) 24, not " + peakHour);
            }
        }

        @Override
        public Diurnal atTrigger(String trigger) {
            return new Diurnal(trigger, meanPerSecond, amplitude, peakHour);
        }

        @Override
        public Diurnal scaledBy(double factor) {
            return new Diurnal(trigger, meanPerSecond * factor, amplitude, peakHour);
        }
    }

    /**
     * Arrivals replayed from a file, relative to the project file: {@code csv} is one timestamp in
     * seconds per line; {@code azure-2019} is the Azure Functions 2019 trace
     * ({@code HashOwner,HashApp,HashFunction,Trigger,1..1440} invocations per minute). For an Azure
     * trace, {@code function} picks the row by its {@code HashFunction}; {@code null} replays the sum
     * of all rows.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Trace(String trigger, String file, Format format, String function) implements Workload {

        /** The trace file formats. */
        public enum Format {
            CSV("csv"),
            AZURE_2019("azure-2019");

            private final String id;

            Format(String id) {
                this.id = id;
            }

            @com.fasterxml.jackson.annotation.JsonValue
            public String id() {
                return id;
            }
        }

        public Trace {
            Checks.text(trigger, "trigger");
            Checks.text(file, "file");
            format = format == null ? Format.CSV : format;
            function = function == null || function.isBlank() ? null : function;
        }

        @Override
        public Trace atTrigger(String trigger) {
            return new Trace(trigger, file, format, function);
        }

        @Override
        public Trace scaledBy(double factor) {
            return this;
        }
    }
}
