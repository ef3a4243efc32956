package dev.stratus.sim.random;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The random streams of one simulation run. Each stream is a fresh {@code XO_RO_SHI_RO_128_PP}
 * generator whose 128-bit seed is derived only from the master seed, the component's stable id and,
 * optionally, a purpose: never from the order in which streams are asked for, nor from the clock. So
 * adding, removing or reordering components leaves the draws of every other component unchanged, and
 * the same master seed reproduces a run bit for bit.
 *
 * <p>The derivation: a 64-bit FNV-1a hash of the id's UTF-8 bytes (then a 0xFF separator, which no
 * UTF-8 text contains, and the purpose's bytes) is mixed with the master seed, and two SplitMix64
 * outputs of the result fill the generator's seed.
 *
 * <p>Instances hold no mutable state and may be shared between threads; the generators they return
 * are not thread-safe and belong to one component each.
 */
public final class RandomStreams {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private final long masterSeed;

    /** Streams for a run with the given master seed. */
    public RandomStreams(long masterSeed) {
        this.masterSeed = masterSeed;
    }

    /** The master seed of the run. */
    public long masterSeed() {
        return masterSeed;
    }

    /**
     * A new generator for the component, in the same state for the same master seed and id every time
     * it is asked for.
     *
     * @param componentId the component's stable id (a node id, for example), not empty
     */
    public UniformRandomProvider stream(String componentId) {
        return create(seedFor(hashId(componentId)));
    }

    /**
     * A new generator for one purpose of the component (for example {@code "arrivals"} or {@code
     * "execution"}), independent of {@link #stream(String)} and of the component's other purposes.
     */
    public UniformRandomProvider stream(String componentId, String purpose) {
        Objects.requireNonNull(purpose, "purpose is missing");
        long hash = hashId(componentId);
        // 0xFF never occurs in UTF-8, so ("ab", "c") and ("a", "bc") hash differently.
        hash = (hash ^ 0xff) * FNV_PRIME;
        return create(seedFor(fnv1a(hash, purpose.getBytes(StandardCharsets.UTF_8))));
    }

    private static long hashId(String componentId) {
        Objects.requireNonNull(componentId, "componentId is missing");
        if (componentId.isEmpty()) {
            throw new IllegalArgumentException("componentId must not be empty");
        }
        return fnv1a(FNV_OFFSET, componentId.getBytes(StandardCharsets.UTF_8));
    }

    private static long fnv1a(long hash, byte[] bytes) {
        long h = hash;
        for (byte b : bytes) {
            h = (h ^ (b & 0xff)) * FNV_PRIME;
        }
        return h;
    }

    private long[] seedFor(long hash) {
        long state = mix64(masterSeed + GOLDEN_GAMMA) ^ hash;
        long[] seed = new long[2];
        for (int i = 0; i < seed.length; i++) {
            state += GOLDEN_GAMMA;
            seed[i] = mix64(state);
        }
        if ((seed[0] | seed[1]) == 0) {
            // An all-zero state would make xoroshiro emit zeros forever.
            seed[0] = GOLDEN_GAMMA;
        }
        return seed;
    }

    private static UniformRandomProvider create(long[] seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** The SplitMix64 finaliser (Stafford's variant 13). */
    private static long mix64(long z) {
        long x = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
        return x ^ (x >>> 31);
    }
}
