package dev.stratus.provider;

import dev.stratus.model.Provider;
import java.util.List;

/**
 * What a provider lets a function be configured with. Memory in MB, timeout in seconds.
 *
 * @param minMemoryMb smallest memory size
 * @param maxMemoryMb largest memory size
 * @param memorySizesMb the only sizes allowed, or empty when any size in range is
 * @param maxTimeoutSeconds longest timeout, or {@code Double.POSITIVE_INFINITY} for none
 * @param source where the figures come from
 */
public record Limits(
        int minMemoryMb, int maxMemoryMb, List<Integer> memorySizesMb, double maxTimeoutSeconds, String source) {

    public Limits {
        memorySizesMb = List.copyOf(memorySizesMb);
    }

    /**
     * The limits of each provider, from ../shared/REFERENCE.md ("Limits"). The provider data file of
     * the cost model will carry these with the rest of each profile.
     */
    public static Limits of(Provider provider) {
        return switch (provider) {
            case AWS ->
                new Limits(
                        128, 10_240, List.of(), 900, "docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html");
            case GCP -> new Limits(128, 8_192, List.of(), 540, "cloud.google.com/functions/quotas (1st gen)");
            case GCP_GEN2 ->
                new Limits(128, 32_768, List.of(), 3_600, "cloud.google.com/functions/quotas (2nd gen, HTTP)");
            case AZURE ->
                new Limits(128, 1_536, List.of(), 600, "learn.microsoft.com/azure/azure-functions/functions-scale");
            case AZURE_FLEX ->
                new Limits(
                        512,
                        4_096,
                        List.of(512, 2_048, 4_096),
                        Double.POSITIVE_INFINITY,
                        "learn.microsoft.com/azure/azure-functions/flex-consumption-plan");
            case IBM ->
                new Limits(128, 512, List.of(), 600, "cloud.ibm.com/docs/openwhisk?topic=openwhisk-limits (check)");
        };
    }
}
