package dev.stratus.provider;

import java.util.Objects;

/**
 * How a provider runs functions, as figures: the data behind {@link RuntimeProfile}.
 *
 * @param keepAliveSeconds how long an idle instance stays warm by default, s
 * @param accountConcurrency instances per account (region) at once by default
 * @param scaleOutBurst new instances a function may start per {@code scaleOutPeriodSeconds}; 0 for no
 *     limit
 * @param scaleOutPeriodSeconds the scale-out period, s
 * @param asyncRetries retries of a failed or throttled asynchronous invocation
 */
public record RuntimeFigures(
        Figure keepAliveSeconds,
        Figure accountConcurrency,
        Figure scaleOutBurst,
        Figure scaleOutPeriodSeconds,
        Figure asyncRetries) {

    public RuntimeFigures {
        Objects.requireNonNull(keepAliveSeconds, "keepAliveSeconds");
        Objects.requireNonNull(accountConcurrency, "accountConcurrency");
        Objects.requireNonNull(scaleOutBurst, "scaleOutBurst");
        Objects.requireNonNull(scaleOutPeriodSeconds, "scaleOutPeriodSeconds");
        Objects.requireNonNull(asyncRetries, "asyncRetries");
    }
}
