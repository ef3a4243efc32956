package dev.stratus.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A distribution of durations, described as people describe latencies: a mean and a shape. Times
 * are in milliseconds.
 *
 * <p>{@code cv} is the coefficient of variation (standard deviation over mean). It is fixed by the
 * shape for {@link Shape#CONSTANT} (0) and {@link Shape#EXPONENTIAL} (1) and is only stored for the
 * shapes that take it, {@link Shape#LOGNORMAL} and {@link Shape#GAMMA}.
 *
 * @param shape the distribution's family
 * @param meanMs the mean, in milliseconds, at least 0
 * @param cv the coefficient of variation for lognormal and gamma; otherwise {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Distribution(Shape shape, double meanMs, Double cv) {

    /** The families of distribution a latency can take. */
    public enum Shape {
        CONSTANT("constant"),
        EXPONENTIAL("exponential"),
        LOGNORMAL("lognormal"),
        GAMMA("gamma");

        private final String id;

        Shape(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }

        boolean takesCv() {
            return this == LOGNORMAL || this == GAMMA;
        }
    }

    public Distribution {
        Objects.requireNonNull(shape, "shape is missing");
        Checks.nonNegative(meanMs, "meanMs");
        if (shape.takesCv()) {
            Objects.requireNonNull(cv, () -> "cv is missing: a " + shape.id() + " distribution needs one");
            Checks.positive(cv, "cv");
        } else if (cv != null) {
            throw new IllegalArgumentException("cv does not apply to a " + shape.id() + " distribution");
        }
    }

    public static Distribution constant(double meanMs) {
        return new Distribution(Shape.CONSTANT, meanMs, null);
    }

    public static Distribution exponential(double meanMs) {
        return new Distribution(Shape.EXPONENTIAL, meanMs, null);
    }

    public static Distribution lognormal(double meanMs, double cv) {
        return new Distribution(Shape.LOGNORMAL, meanMs, cv);
    }

    public static Distribution gamma(double meanMs, double cv) {
        return new Distribution(Shape.GAMMA, meanMs, cv);
    }

    /** The coefficient of variation, whatever the shape. */
    public double coefficientOfVariation() {
        return switch (shape) {
            case CONSTANT -> 0;
            case EXPONENTIAL -> 1;
            case LOGNORMAL, GAMMA -> cv;
        };
    }

    @Override
    public String toString() {
        return switch (shape) {
            case CONSTANT -> meanMs + " ms";
            case EXPONENTIAL -> "exponential, mean " + meanMs + " ms";
            case LOGNORMAL, GAMMA -> shape.id() + ", mean " + meanMs + " ms, cv " + cv;
        };
    }
}
