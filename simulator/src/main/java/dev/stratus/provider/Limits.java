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

    /** The limits of {@code provider} in the standard price book (providers.json). */
    public static Limits of(Provider provider) {
        return of(PriceBook.standard().prices(provider).limits());
    }

    /** The limits as figures from a price book. */
    public static Limits of(LimitFigures figures) {
        Figure timeout = figures.maxTimeoutSeconds();
        return new Limits(
                figures.minMemoryMb().intValue(),
                figures.maxMemoryMb().intValue(),
                figures.sizesMb(),
                timeout.isUnbounded() ? Double.POSITIVE_INFINITY : timeout.value(),
                figures.maxMemoryMb().source());
    }
}
