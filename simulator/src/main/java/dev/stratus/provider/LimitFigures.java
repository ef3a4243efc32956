package dev.stratus.provider;

import java.util.List;
import java.util.Objects;

/**
 * What a provider lets a function be configured with, as figures: the data behind {@link Limits}.
 * Memory in MB, timeout in seconds.
 *
 * @param minMemoryMb smallest memory size
 * @param maxMemoryMb largest memory size
 * @param memorySizesMb the only sizes allowed, or empty when any size in range is
 * @param maxTimeoutSeconds longest timeout; unbounded for none
 */
public record LimitFigures(
        Figure minMemoryMb, Figure maxMemoryMb, List<Figure> memorySizesMb, Figure maxTimeoutSeconds) {

    public LimitFigures {
        Objects.requireNonNull(minMemoryMb, "minMemoryMb");
        Objects.requireNonNull(maxMemoryMb, "maxMemoryMb");
        memorySizesMb = List.copyOf(memorySizesMb);
        Objects.requireNonNull(maxTimeoutSeconds, "maxTimeoutSeconds");
    }

    /** The allowed sizes as numbers, MB; empty when any size in range is allowed. */
    public List<Integer> sizesMb() {
        return memorySizesMb.stream().map(Figure::intValue).toList();
    }

    /** Whether a function may have {@code memoryMb}. */
    public boolean allows(int memoryMb) {
        if (!memorySizesMb.isEmpty()) {
            return sizesMb().contains(memoryMb);
        }
        return memoryMb >= minMemoryMb.value() && memoryMb <= maxMemoryMb.value();
    }
}
