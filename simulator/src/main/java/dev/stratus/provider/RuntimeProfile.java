package dev.stratus.provider;

import dev.stratus.model.Distribution;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Provider;

/**
 * How a provider runs functions, as far as the simulator needs it: cold-start init time, how long an
 * idle instance is kept, and how many instances may run at once. Figures and their sources are in
 * {@link #of}; the provider data file of the cost model will take them over.
 *
 * @param keepAliveSeconds how long an idle instance stays warm by default, s
 * @param accountConcurrency instances per account (region) at once by default
 * @param scaleOutBurst new instances a function may start per {@code scaleOutPeriodSeconds}; 0 for no limit
 * @param scaleOutPeriodSeconds the scale-out period, s
 * @param asyncRetries retries of a failed or throttled asynchronous invocation
 * @param source where the figures come from
 */
public record RuntimeProfile(
        double keepAliveSeconds,
        int accountConcurrency,
        int scaleOutBurst,
        double scaleOutPeriodSeconds,
        int asyncRetries,
        String source) {

    /** The provider's default profile. */
    public static RuntimeProfile of(Provider provider) {
        return switch (provider) {
            // Keep-alive 5–7 min (mikhail.io cold-start measurements); 1,000 concurrent executions per
            // region and 1,000 new environments per 10 s per function; async: two retries (AWS docs).
            case AWS -> new RuntimeProfile(360, 1_000, 1_000, 10, 2, "REFERENCE.md: AWS Lambda limits; mikhail.io");
            // Idle instances kept ~15 min (mikhail.io); default max instances 3,000 (1st gen).
            case GCP -> new RuntimeProfile(900, 3_000, 0, 0, 0, "mikhail.io; cloud.google.com/functions/quotas");
            // Cloud Run: default maximum of 100 instances.
            case GCP_GEN2 ->
                new RuntimeProfile(
                        900, 100, 0, 0, 0, "mikhail.io; cloud.google.com/run/docs/about-instance-autoscaling");
            // Idle instances kept 20–30 min (mikhail.io; Shahrad et al. use 20 min); 200 instances (Windows).
            case AZURE -> new RuntimeProfile(1_200, 200, 0, 0, 2, "mikhail.io; learn.microsoft.com functions-scale");
            case AZURE_FLEX -> new RuntimeProfile(1_200, 1_000, 0, 0, 2, "learn.microsoft.com flex-consumption-plan");
            // OpenWhisk's default idle container timeout is 10 min.
            case IBM -> new RuntimeProfile(600, 1_000, 0, 0, 0, "Apache OpenWhisk defaults (check)");
        };
    }

    /**
     * The init time of a cold start for {@code function} on {@code provider}: the function's own
     * override if it has one, else the provider's figure for its runtime. For AWS that is the
     * lambda-perf measurement of a hello-world function of the runtime and architecture; for the
     * others an estimate from the literature (REFERENCE.md, "Cold starts and keep-alive").
     */
    public static Distribution coldStart(Provider provider, FunctionNode function) {
        if (function.coldStart() != null) {
            return function.coldStart();
        }
        return switch (provider) {
            case AWS ->
                LambdaPerf.initTime(function.runtime(), function.architecture().id());
            // GCP cold starts 0.5–2 s (mikhail.io).
            case GCP, GCP_GEN2 -> Distribution.lognormal(1_000, 0.5);
            // Azure Linux Consumption often up to 5 s (mikhail.io); Flex is faster (estimate).
            case AZURE -> Distribution.lognormal(2_500, 0.6);
            case AZURE_FLEX -> Distribution.lognormal(1_200, 0.5);
            // OpenWhisk: estimate within the 300 ms – 24 s range of Manner et al. (2018).
            case IBM -> Distribution.lognormal(800, 0.5);
        };
    }
}
