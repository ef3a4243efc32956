package dev.stratus.provider;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ways a provider measures a function's compute time: memory-time, clock-time (Google's 1st
 * gen) and vCPU-time (Cloud Run). Each is a run's billed seconds times a size that follows from the
 * function's memory.
 */
public enum Meter {
    /** Billed seconds × billed memory in GB (GiB: MB / 1,024). */
    GB_SECONDS("gbSeconds"),
    /** Billed seconds × the CPU clock, GHz, of the memory's tier. */
    GHZ_SECONDS("ghzSeconds"),
    /** Billed seconds × the vCPUs that come with the memory. */
    VCPU_SECONDS("vcpuSeconds");

    private final String id;

    Meter(String id) {
        this.id = id;
    }

    /** The meter's key in the price file. */
    public String id() {
        return id;
    }

    public static Optional<Meter> fromId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
