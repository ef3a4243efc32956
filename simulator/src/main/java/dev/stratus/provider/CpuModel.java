package dev.stratus.provider;

import dev.stratus.model.Distribution;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How much CPU a function gets for its memory. The providers differ: AWS Lambda gives CPU in
 * proportion to memory (one vCPU at 1,769 MB); Google's 1st gen gives a clock rate per memory tier;
 * Cloud Run functions and Flex Consumption a number of vCPUs per tier; Azure Consumption and
 * OpenWhisk a fixed share whatever the memory.
 */
public sealed interface CpuModel {

    /** The vCPUs a function with {@code memoryMb} gets. */
    double vcpu(int memoryMb);

    /**
     * The share of one core a single-threaded function can use: its vCPUs, at most 1. Its CPU-bound
     * work runs {@code 1 / share} times as long as on a whole core.
     */
    default double singleThreadShare(int memoryMb) {
        return Math.min(1, vcpu(memoryMb));
    }

    /**
     * {@code execution}, measured at {@code fromMb}, as it runs at {@code toMb}: its CPU-bound share
     * {@code cpuBound} scales with the single-thread CPU share of each size, the rest (waiting on
     * I/O) does not. So on AWS a CPU-bound function gets faster up to one whole vCPU and no faster.
     */
    default Distribution scale(Distribution execution, double cpuBound, int fromMb, int toMb) {
        if (fromMb == toMb) {
            return execution;
        }
        double factor = cpuBound * singleThreadShare(fromMb) / singleThreadShare(toMb) + (1 - cpuBound);
        return new Distribution(execution.shape(), execution.meanMs() * factor, execution.cv());
    }

    /** The CPU clock, GHz, where the provider bills by it (Google's 1st gen); empty elsewhere. */
    default OptionalDouble clockGhz(int memoryMb) {
        return OptionalDouble.empty();
    }

    /** The price file's name for the rule. */
    String rule();

    /**
     * A memory size and the CPU that comes with it.
     *
     * @param memoryMb the tier's memory, MB
     * @param cpu its CPU: a clock rate in MHz ({@link ClockTiers}) or vCPUs ({@link VcpuTiers})
     */
    record CpuTier(Figure memoryMb, Figure cpu) {
        public CpuTier {
            Objects.requireNonNull(memoryMb, "memoryMb");
            Objects.requireNonNull(cpu, "cpu");
        }
    }

    /** CPU in proportion to memory: {@code memoryMb / mbPerVcpu} vCPUs. */
    record Proportional(Figure mbPerVcpu) implements CpuModel {
        public Proportional {
            if (!(mbPerVcpu.value() > 0)) {
                throw new IllegalArgumentException("mbPerVcpu must be above 0");
            }
        }

        @Override
        public double vcpu(int memoryMb) {
            return memoryMb / mbPerVcpu.value();
        }

        @Override
        public String rule() {
            return "proportional";
        }
    }

    /**
     * A clock rate per memory tier; vCPUs are the clock over {@code mhzPerVcpu}. A memory between
     * tiers gets the next tier up's clock, above the last tier the last's.
     */
    record ClockTiers(Figure mhzPerVcpu, List<CpuTier> tiers) implements CpuModel {
        public ClockTiers {
            tiers = checked(tiers);
        }

        @Override
        public double vcpu(int memoryMb) {
            return tier(tiers, memoryMb).cpu().value() / mhzPerVcpu.value();
        }

        @Override
        public OptionalDouble clockGhz(int memoryMb) {
            return OptionalDouble.of(tier(tiers, memoryMb).cpu().value() / 1_000);
        }

        @Override
        public String rule() {
            return "clock-tiers";
        }
    }

    /** A number of vCPUs per memory tier, chosen as in {@link ClockTiers}. */
    record VcpuTiers(List<CpuTier> tiers) implements CpuModel {
        public VcpuTiers {
            tiers = checked(tiers);
        }

        @Override
        public double vcpu(int memoryMb) {
            return tier(tiers, memoryMb).cpu().value();
        }

        @Override
        public String rule() {
            return "vcpu-tiers";
        }
    }

    /** The same vCPUs whatever the memory. */
    record Fixed(Figure vcpu) implements CpuModel {
        @Override
        public double vcpu(int memoryMb) {
            return vcpu.value();
        }

        @Override
        public String rule() {
            return "fixed";
        }
    }

    private static List<CpuTier> checked(List<CpuTier> tiers) {
        List<CpuTier> copy = List.copyOf(tiers);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a CPU table needs at least one tier");
        }
        for (int i = 1; i < copy.size(); i++) {
            if (!(copy.get(i).memoryMb().value() > copy.get(i - 1).memoryMb().value())) {
                throw new IllegalArgumentException("CPU tiers must be in rising order of memory");
            }
        }
        return copy;
    }

    /** The first tier with at least {@code memoryMb}, or the last. */
    private static CpuTier tier(List<CpuTier> tiers, int memoryMb) {
        for (CpuTier tier : tiers) {
            if (memoryMb <= tier.memoryMb().value()) {
                return tier;
            }
        }
        return tiers.get(tiers.size() - 1);
    }
}
