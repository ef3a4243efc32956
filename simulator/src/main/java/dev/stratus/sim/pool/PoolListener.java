package dev.stratus.sim.pool;

/**
 * Told when a {@link FunctionPool} starts or loses an instance. Containers are numbered per pool in
 * the order they are created (from 0); times are microseconds and may be earlier than the pool's
 * last use, since idle instances are reclaimed lazily and stamped with the moment they expired.
 */
public interface PoolListener {

    /** A listener that hears nothing. */
    PoolListener NONE = new PoolListener() {};

    /** Why an instance came to be. */
    enum Origin {
        /** Started for a request: a cold start. */
        COLD,
        /** Kept warm from time 0, never reclaimed. */
        PROVISIONED,
        /** Loaded again ahead of use under the hybrid keep-alive policy, as a new container. */
        PREWARMED
    }

    /** Instance {@code slot} came to be at {@code time} as container {@code container}. */
    default void created(int slot, long container, long time, Origin origin) {}

    /** Container {@code container} was reclaimed (or, under the hybrid policy, unloaded) at {@code time}. */
    default void expired(long container, long time) {}

    /** Reads the instances alive at a moment: see {@link FunctionPool#forEachAlive}. */
    @FunctionalInterface
    interface AliveVisitor {
        /**
         * @param idleSince when it became idle, µs, or -1 while it serves requests
         */
        void alive(long container, boolean provisioned, int running, long idleSince, long createdAt);
    }
}
