package dev.stratus.provider;

import dev.stratus.model.Distribution;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.KeepAlive;
import dev.stratus.model.Provider;

/**
 * How a provider runs functions, as far as the simulator needs it: how long an idle instance is
 * kept, how many instances may run at once and start at once, and how often a failed asynchronous
 * invocation is retried. Read from a {@link PriceBook}, where each figure has its source.
 *
 * @param keepAliveSeconds how long an idle instance stays warm by default, s
 * @param accountConcurrency instances per account (region) at once by default
 * @param scaleOutBurst new instances a function may start per {@code scaleOutPeriodSeconds}; 0 for no limit
 * @param scaleOutPeriodSeconds the scale-out period, s
 * @param asyncRetries retries of a failed or throttled asynchronous invocation
 */
public record RuntimeProfile(
        double keepAliveSeconds,
        int accountConcurrency,
        int scaleOutBurst,
        double scaleOutPeriodSeconds,
        int asyncRetries) {

    /** The provider's profile in the standard price book. */
    public static RuntimeProfile of(Provider provider) {
        return of(PriceBook.standard().prices(provider));
    }

    public static RuntimeProfile of(ProviderPrices prices) {
        RuntimeFigures r = prices.runtime();
        return new RuntimeProfile(
                r.keepAliveSeconds().value(),
                r.accountConcurrency().intValue(),
                r.scaleOutBurst().intValue(),
                r.scaleOutPeriodSeconds().value(),
                r.asyncRetries().intValue());
    }

    /** The most instances {@code function} may run at once: the account's limit, or its reserved concurrency when lower. */
    public int instanceLimit(FunctionNode function) {
        Integer reserved = function.reservedConcurrency();
        return reserved == null ? accountConcurrency : Math.min(accountConcurrency, reserved);
    }

    /**
     * How long an idle instance of {@code function} stays warm, µs: its fixed keep-alive, 0 for none,
     * else the provider's default (under the hybrid policy, the window it starts from); {@code
     * Long.MAX_VALUE} for never.
     */
    public long keepAliveMicros(FunctionNode function) {
        KeepAlive keepAlive = function.keepAlive();
        return switch (keepAlive.policy()) {
            case FIXED -> Math.round(keepAlive.seconds() * 1e6);
            case NONE -> 0;
            case PROVIDER_DEFAULT, HYBRID -> Math.round(keepAliveSeconds * 1e6);
        };
    }

    /**
     * The init time of a cold start for {@code function}: the function's own override if it has one;
     * for AWS the lambda-perf measurement of a hello-world function of its runtime and architecture;
     * otherwise the provider's figure in the price book (an estimate from the literature).
     */
    public static Distribution coldStart(ProviderPrices prices, FunctionNode function) {
        if (function.coldStart() != null) {
            return function.coldStart();
        }
        if ("lambda-perf".equals(prices.coldStart().basis())) {
            Distribution measured = LambdaPerf.initTime(
                    function.runtime(), function.architecture().id());
            if (measured != null) {
                return measured;
            }
        }
        return prices.coldStart().distribution();
    }

    /** {@link #coldStart(ProviderPrices, FunctionNode)} from the standard price book. */
    public static Distribution coldStart(Provider provider, FunctionNode function) {
        return coldStart(PriceBook.standard().prices(provider), function);
    }
}
