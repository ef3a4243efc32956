package dev.stratus.provider;

import dev.stratus.model.Distribution;
import java.util.Objects;

/**
 * A provider's cold-start init time, as a lognormal distribution's mean and coefficient of variation.
 *
 * @param basis {@code "lambda-perf"} where the simulator uses measurements per runtime and
 *     architecture and this figure only for a runtime without one (AWS); {@code "estimate"} where this
 *     figure is all there is (the others, from the literature)
 * @param meanMs the mean, ms
 * @param cv the coefficient of variation
 */
public record ColdStartFigures(String basis, Figure meanMs, Figure cv) {

    public ColdStartFigures {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(meanMs, "meanMs");
        Objects.requireNonNull(cv, "cv");
    }

    /** The init time as a distribution, ms. */
    public Distribution distribution() {
        return Distribution.lognormal(meanMs.value(), cv.value());
    }
}
