package dev.stratus.provider;

import dev.stratus.model.FunctionNode;
import dev.stratus.model.Provider;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the price book holds about one provider: prices, free tier, billing rules, limits,
 * runtime figures, cold starts and how CPU follows memory.
 *
 * @param provider which provider
 * @param name its product name ("AWS Lambda")
 * @param region the region the prices are for
 * @param freeTier the monthly allowances not billed when the free tier is on
 * @param requests the price per invocation (per million, as published)
 * @param compute compute prices by architecture id ({@code "x86_64"}, {@code "arm64"}), or under
 *     {@code "any"} where the architecture does not change the price
 * @param billing how a run's duration and memory are rounded
 * @param ephemeralStorage the price of disk beyond what is included, where charged
 * @param limits memory and timeout limits
 * @param runtime keep-alive, concurrency, scale-out and retries
 * @param coldStart cold-start init time
 * @param cpu how CPU follows memory
 */
public record ProviderPrices(
        Provider provider,
        String name,
        String region,
        FreeTier freeTier,
        Tariff requests,
        Map<String, ComputePrices> compute,
        Billing billing,
        Optional<EphemeralStorage> ephemeralStorage,
        LimitFigures limits,
        RuntimeFigures runtime,
        ColdStartFigures coldStart,
        CpuModel cpu) {

    /** The compute price key for providers whose price does not depend on the architecture. */
    public static final String ANY_ARCHITECTURE = "any";

    public ProviderPrices {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(freeTier, "freeTier");
        Objects.requireNonNull(requests, "requests");
        compute = Collections.unmodifiableMap(new LinkedHashMap<>(compute));
        if (compute.isEmpty()) {
            throw new IllegalArgumentException("compute prices are missing");
        }
        Objects.requireNonNull(billing, "billing");
        Objects.requireNonNull(ephemeralStorage, "ephemeralStorage");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(coldStart, "coldStart");
        Objects.requireNonNull(cpu, "cpu");
    }

    /** The key of {@link #compute()} that prices {@code architecture}. */
    public String computeKey(FunctionNode.Architecture architecture) {
        if (compute.containsKey(architecture.id())) {
            return architecture.id();
        }
        if (compute.containsKey(ANY_ARCHITECTURE)) {
            return ANY_ARCHITECTURE;
        }
        throw new IllegalArgumentException(name + " has no " + architecture.id() + " prices");
    }

    /** The compute prices of {@code architecture}. */
    public ComputePrices compute(FunctionNode.Architecture architecture) {
        return compute.get(computeKey(architecture));
    }

    /**
     * The memory a function of {@code memoryMb} is billed for: the next allowed size up where only
     * some sizes exist (Flex Consumption), else rounded up to the billing step (Azure: 128 MB) and at
     * least the minimum.
     */
    public int billedMemoryMb(int memoryMb) {
        for (int size : limits.sizesMb()) {
            if (size >= memoryMb) {
                return size;
            }
        }
        if (!limits.memorySizesMb().isEmpty()) {
            return limits.sizesMb().get(limits.sizesMb().size() - 1);
        }
        int step = billing.memoryStepMb().intValue();
        int rounded = (memoryMb + step - 1) / step * step;
        return Math.max(rounded, billing.minimumMemoryMb().intValue());
    }

    /**
     * The monthly allowances not billed when the free tier is on: requests, and each compute meter.
     *
     * @param requests free invocations a month
     * @param meters free units a month of each meter the provider bills (GB-s, GHz-s, vCPU-s)
     */
    public record FreeTier(Figure requests, Map<Meter, Figure> meters) {
        public FreeTier {
            Objects.requireNonNull(requests, "requests");
            meters = meters.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(meters));
        }

        /** The free units of {@code meter} a month; 0 where none. */
        public double of(Meter meter) {
            Figure free = meters.get(meter);
            return free == null ? 0 : free.value();
        }
    }

    /**
     * The compute prices of one architecture.
     *
     * @param meters the price of each meter billed, in the order the provider lists them
     * @param provisioned the prices of provisioned concurrency, where the provider offers it
     */
    public record ComputePrices(Map<Meter, Tariff> meters, Optional<ProvisionedPrices> provisioned) {
        public ComputePrices {
            if (meters.isEmpty()) {
                throw new IllegalArgumentException("no compute meter has a price");
            }
            meters = Collections.unmodifiableMap(new EnumMap<>(meters));
            Objects.requireNonNull(provisioned, "provisioned");
        }
    }

    /**
     * Provisioned concurrency (AWS): instances kept initialised, billed while enabled and, at a lower
     * price than on demand, while they run.
     *
     * @param enabled price per GB-s of configured concurrency while enabled
     * @param executing price per GB-s of duration on the provisioned instances
     * @param blockSeconds enabled time is rounded up to blocks of this length, s
     * @param freeTierApplies whether the free tier still applies to a function with it enabled
     */
    public record ProvisionedPrices(Figure enabled, Figure executing, Figure blockSeconds, Flag freeTierApplies) {
        public ProvisionedPrices {
            Objects.requireNonNull(enabled, "enabled");
            Objects.requireNonNull(executing, "executing");
            if (!(blockSeconds.value() > 0)) {
                throw new IllegalArgumentException("blockSeconds must be above 0");
            }
            Objects.requireNonNull(freeTierApplies, "freeTierApplies");
            PriceUnit.parse(enabled.unit());
            PriceUnit.parse(executing.unit());
        }
    }

    /**
     * How one run is billed.
     *
     * @param granularityMs a run's duration is rounded up to a multiple of this, ms
     * @param minimumMs the least duration a run is billed for, ms
     * @param memoryStepMb memory is rounded up to a multiple of this, MB
     * @param minimumMemoryMb the least memory a run is billed for, MB
     * @param initBilled whether a cold start's init time is billed with the run
     */
    public record Billing(
            Figure granularityMs, Figure minimumMs, Figure memoryStepMb, Figure minimumMemoryMb, Flag initBilled) {
        public Billing {
            if (!(granularityMs.value() > 0) || granularityMs.isUnbounded()) {
                throw new IllegalArgumentException("granularityMs must be a number above 0");
            }
            if (!(minimumMs.value() >= 0) || minimumMs.isUnbounded()) {
                throw new IllegalArgumentException("minimumMs must be a number at least 0");
            }
            if (memoryStepMb.intValue() < 1) {
                throw new IllegalArgumentException("memoryStepMb must be at least 1");
            }
            if (minimumMemoryMb.intValue() < 0) {
                throw new IllegalArgumentException("minimumMemoryMb must be at least 0");
            }
            Objects.requireNonNull(initBilled, "initBilled");
        }

        /**
         * The billed microseconds of one run of {@code runMicros}, of which {@code initMicros} was a
         * cold start's init: init dropped where it is not billed, then raised to the minimum and
         * rounded up to the granularity. The one place a run's duration is rounded, for the
         * simulator and {@code stratus cost} alike.
         */
        public long billedMicros(long runMicros, long initMicros) {
            long step = Math.max(1, Math.round(granularityMs.value() * 1000));
            long billed = initBilled.value() ? runMicros : Math.max(0, runMicros - initMicros);
            billed = Math.max(billed, Math.round(minimumMs.value() * 1000));
            return (billed + step - 1) / step * step;
        }
    }

    /**
     * Disk (/tmp) beyond what is included, billed per GB-s of the run's billed duration.
     *
     * @param includedMb disk included in the price, MB
     * @param price price per GB-s of disk beyond that
     */
    public record EphemeralStorage(Figure includedMb, Figure price) {
        public EphemeralStorage {
            Objects.requireNonNull(includedMb, "includedMb");
            PriceUnit.parse(price.unit());
        }
    }
}
