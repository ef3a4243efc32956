package dev.stratus.provider;

import dev.stratus.model.FunctionNode;
import dev.stratus.model.Provider;
import java.util.Objects;

/**
 * A month of one function's use, as the provider bills it.
 *
 * @param name the function's name, for line items
 * @param provider where it runs
 * @param architecture its processor architecture (prices differ on AWS)
 * @param memoryMb its configured memory, MB (the cost model applies the provider's memory rounding)
 * @param invocations runs in the month
 * @param billedSeconds the sum of the runs' billed durations, s: each already rounded with {@link
 *     CostModel#billedMillis}, init included where the provider bills it
 * @param provisionedInstances instances of provisioned concurrency enabled all month; 0 for none
 * @param provisionedExecutingSeconds the part of {@code billedSeconds} that ran on provisioned
 *     instances, s; 0 if none
 * @param ephemeralStorageMb the function's disk (/tmp), MB; billed beyond what is included where the
 *     provider charges for it (AWS: 512 MB)
 */
public record FunctionUsage(
        String name,
        Provider provider,
        FunctionNode.Architecture architecture,
        int memoryMb,
        long invocations,
        double billedSeconds,
        int provisionedInstances,
        double provisionedExecutingSeconds,
        int ephemeralStorageMb) {

    /** The disk every function has without paying for it on AWS, MB. */
    public static final int DEFAULT_EPHEMERAL_STORAGE_MB = 512;

    public FunctionUsage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(architecture, "architecture");
        if (memoryMb <= 0) {
            throw new IllegalArgumentException("memoryMb must be above 0, not " + memoryMb);
        }
        if (invocations < 0) {
            throw new IllegalArgumentException("invocations must be at least 0, not " + invocations);
        }
        if (!(billedSeconds >= 0) || Double.isInfinite(billedSeconds)) {
            throw new IllegalArgumentException("billedSeconds must be a number at least 0, not " + billedSeconds);
        }
        if (provisionedInstances < 0) {
            throw new IllegalArgumentException("provisionedInstances must be at least 0, not " + provisionedInstances);
        }
        if (!(provisionedExecutingSeconds >= 0) || provisionedExecutingSeconds > billedSeconds * (1 + 1e-12)) {
            throw new IllegalArgumentException("provisionedExecutingSeconds must be between 0 and billedSeconds ("
                    + billedSeconds + "), not " + provisionedExecutingSeconds);
        }
        if (provisionedExecutingSeconds > 0 && provisionedInstances == 0) {
            throw new IllegalArgumentException("provisionedExecutingSeconds needs provisioned instances");
        }
        if (ephemeralStorageMb < 0) {
            throw new IllegalArgumentException("ephemeralStorageMb must be at least 0, not " + ephemeralStorageMb);
        }
    }

    /** A month of use with the default 512 MB of disk. */
    public FunctionUsage(
            String name,
            Provider provider,
            FunctionNode.Architecture architecture,
            int memoryMb,
            long invocations,
            double billedSeconds,
            int provisionedInstances,
            double provisionedExecutingSeconds) {
        this(
                name,
                provider,
                architecture,
                memoryMb,
                invocations,
                billedSeconds,
                provisionedInstances,
                provisionedExecutingSeconds,
                DEFAULT_EPHEMERAL_STORAGE_MB);
    }

    /** The billed seconds that ran on demand, not on provisioned instances. */
    public double onDemandSeconds() {
        return Math.max(0, billedSeconds - provisionedExecutingSeconds);
    }
}
