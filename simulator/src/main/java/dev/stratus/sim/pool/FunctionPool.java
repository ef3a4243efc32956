package dev.stratus.sim.pool;

import dev.stratus.model.Routing;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The instances (containers) of one function: which are busy, which are idle and warm, when idle
 * ones are reclaimed, and how much instance time they add up to. Times are microseconds.
 *
 * <p>A request {@link #acquire acquires} a slot: an instance with spare concurrency, else an idle
 * warm one chosen by the {@link Routing} policy, else a new instance (a cold start) while the pool is
 * under its instance limit and its scale-out rate; otherwise it is throttled. {@link #release}
 * returns it. An instance idle for its keep-alive is reclaimed lazily: idle instances are kept in a
 * list ordered by the time they became idle, whose expired tail is trimmed whenever the pool is used,
 * and the instance's lifetime is closed at the moment it expired. So no expiry events are scheduled
 * and nothing is allocated per request. Provisioned instances exist from time 0, are always warm,
 * are preferred, and never expire.
 *
 * <p>Time integrals (instance-microseconds, busy-instance-microseconds) are closed when an instance
 * dies or stops being busy; {@link #close} closes the rest at the end of a run. Running sums of the
 * open intervals' start times give the integrals up to any moment in O(1) ({@link
 * #instanceMicrosUntil}, {@link #busyMicrosUntil}), so a run can be cut into windows without a pass
 * over the instances.
 */
public final class FunctionPool {

    /** {@link #acquire} result: the pool is at its instance limit. */
    public static final int THROTTLED = -1;
    /** {@link #acquire} result: the pool may not start another instance yet (scale-out rate). */
    public static final int SCALE_OUT_LIMITED = -2;

    private static final int NONE = -1;

    private final int maxInstances;
    private final int perInstance;
    private final long keepAlive;
    private final Routing routing;
    private final UniformRandomProvider random;
    private final ScaleOutLimit scaleOut;
    /** The hybrid histogram policy, or {@code null} for a fixed keep-alive. */
    private HybridHistogram hybrid;

    private PoolListener listener = PoolListener.NONE;

    private long allIdleSince = -1;

    // Per instance slot.
    private long[] createdAt;
    private long[] idleSince;
    private long[] warmFrom;
    private long[] expiresAt;
    private long[] busySince;
    private long[] creation;
    private int[] running;
    private boolean[] provisioned;
    /** False while an instance is unloaded, waiting for its pre-warm (hybrid policy only). */
    private boolean[] loaded;

    private int[] prev;
    private int[] next;
    private int[] partialIndex;

    private int[] freeSlots;
    private int freeCount;
    private int slotsUsed;
    private long creations;

    // Idle, non-provisioned instances: a list from the most recently idle (head) to the least (tail).
    private int head = NONE;
    private int tail = NONE;
    // Routing index over the same idle instances: a max-heap by creation (NEWEST) or an array (RANDOM).
    private final IdleIndex routingIndex;
    // Idle provisioned instances: a stack; they never expire.
    private int[] provisionedIdle;
    private int provisionedIdleCount;
    // Instances with some but not all of their concurrency in use.
    private int[] partial;
    private int partialCount;

    private int alive;
    private int busyInstances;
    private int requests;
    private int peakRequests;
    private int peakInstances;
    private long coldStarts;
    private long warmStarts;
    private long throttles;

    private long instanceMicros;
    private long busyInstanceMicros;
    // The sums of createdAt over the instances counted in alive, and of busySince over the busy ones.
    // They may wrap around a long in a very long run; the integrals computed from them stay exact
    // as long as the integrals themselves fit (two's complement arithmetic is modular).
    private long createdAtSum;
    private long busySinceSum;
    private boolean lastWasCold;

    /**
     * @param maxInstances the most instances at once (the function's and the account's limit)
     * @param perInstance requests one instance serves at once, at least 1
     * @param keepAliveMicros how long an idle instance stays warm; 0 reclaims at once, {@code
     *     Long.MAX_VALUE} never
     * @param provisioned instances kept warm from time 0, never reclaimed (counted in maxInstances)
     * @param routing which idle instance takes a request
     * @param random the stream for {@link Routing#RANDOM}; may be {@code null} for the others
     * @param scaleOut limit on new instances per period, or {@link ScaleOutLimit#NONE}
     */
    public FunctionPool(
            int maxInstances,
            int perInstance,
            long keepAliveMicros,
            int provisioned,
            Routing routing,
            UniformRandomProvider random,
            ScaleOutLimit scaleOut) {
        if (maxInstances < 0 || perInstance < 1 || keepAliveMicros < 0 || provisioned < 0) {
            throw new IllegalArgumentException("invalid pool settings");
        }
        if (routing == Routing.RANDOM && random == null) {
            throw new IllegalArgumentException("random routing needs a random stream");
        }
        this.maxInstances = maxInstances;
        this.perInstance = perInstance;
        this.keepAlive = keepAliveMicros;
        this.routing = routing;
        this.random = random;
        this.scaleOut = scaleOut;
        int capacity = 16;
        createdAt = new long[capacity];
        idleSince = new long[capacity];
        warmFrom = new long[capacity];
        expiresAt = new long[capacity];
        busySince = new long[capacity];
        creation = new long[capacity];
        running = new int[capacity];
        this.provisioned = new boolean[capacity];
        loaded = new boolean[capacity];
        prev = new int[capacity];
        next = new int[capacity];
        partialIndex = new int[capacity];
        freeSlots = new int[capacity];
        routingIndex = routing == Routing.NEWEST || routing == Routing.RANDOM
                ? new IdleIndex(routing == Routing.NEWEST)
                : null;
        provisionedIdle = new int[capacity];
        partial = new int[capacity];
        for (int i = 0; i < Math.min(provisioned, maxInstances); i++) {
            int slot = newSlot(0);
            this.provisioned[slot] = true;
            pushProvisionedIdle(slot);
        }
    }

    /**
     * Switches the pool to the hybrid histogram keep-alive policy. Under it, idle instances are taken
     * most recently used first, among those loaded at the time.
     */
    public FunctionPool withHybridKeepAlive(HybridHistogram policy) {
        this.hybrid = policy;
        return this;
    }

    /**
     * Tells {@code listener} of every instance started or reclaimed from now on; the instances alive
     * already (the provisioned ones, when called before the first request) are reported as created
     * at once.
     */
    public FunctionPool withListener(PoolListener listener) {
        this.listener = listener;
        for (int slot = 0; slot < slotsUsed; slot++) {
            if (createdAt[slot] >= 0 && loaded[slot]) {
                listener.created(
                        slot,
                        creation[slot],
                        createdAt[slot],
                        provisioned[slot] ? PoolListener.Origin.PROVISIONED : PoolListener.Origin.COLD);
            }
        }
        return this;
    }

    /** The container number of the instance in {@code slot}: its creation order in this pool, from 0. */
    public long container(int slot) {
        return creation[slot];
    }

    /**
     * Visits the instances alive just before {@code at} (those reclaimed at {@code at} exactly
     * included), whether or not the pool has trimmed them yet, without changing the pool. {@code at}
     * must not be before the last time the pool was used. Under the hybrid policy an instance counts
     * from when it is loaded again, and its idle time from then.
     */
    public void forEachAlive(long at, PoolListener.AliveVisitor visitor) {
        for (int slot = 0; slot < slotsUsed; slot++) {
            if (createdAt[slot] < 0) {
                continue;
            }
            if (running[slot] > 0) {
                visitor.alive(creation[slot], provisioned[slot], running[slot], -1, createdAt[slot]);
                continue;
            }
            boolean alive;
            if (provisioned[slot]) {
                alive = true;
            } else if (hybrid != null) {
                alive = (loaded[slot] || warmFrom[slot] < at) && expiresAt[slot] >= at;
            } else {
                alive = at - idleSince[slot] <= keepAlive;
            }
            if (alive) {
                long idle = Math.max(idleSince[slot], createdAt[slot]);
                visitor.alive(creation[slot], provisioned[slot], 0, idle, createdAt[slot]);
            }
        }
    }

    /**
     * Takes a slot for a request arriving at {@code now}: the instance slot (and {@link
     * #lastWasCold()} says whether it was a cold start), or {@link #THROTTLED} or {@link
     * #SCALE_OUT_LIMITED}.
     */
    public int acquire(long now) {
        trim(now);
        boolean poolWasIdle = requests == 0 && allIdleSince >= 0;
        int slot;
        if (partialCount > 0) {
            slot = partial[partialCount - 1];
            lastWasCold = false;
        } else if (provisionedIdleCount > 0) {
            slot = provisionedIdle[--provisionedIdleCount];
            lastWasCold = false;
        } else if (head != NONE && (slot = takeIdle(now)) != NONE) {
            lastWasCold = false;
        } else if (alive >= maxInstances) {
            throttles++;
            return THROTTLED;
        } else if (!scaleOut.tryStart(now)) {
            throttles++;
            return SCALE_OUT_LIMITED;
        } else {
            slot = newSlot(now);
            lastWasCold = true;
            listener.created(slot, creation[slot], now, PoolListener.Origin.COLD);
        }
        if (lastWasCold) {
            coldStarts++;
        } else {
            warmStarts++;
        }
        if (hybrid != null && poolWasIdle) {
            hybrid.record(now - allIdleSince);
        }
        start(slot, now);
        return slot;
    }

    /** Whether {@link #acquire} at {@code now} would find or start an instance. */
    public boolean canAcquire(long now) {
        trim(now);
        return partialCount > 0
                || provisionedIdleCount > 0
                || (head != NONE && (hybrid == null || warmIdle(now) != NONE))
                || (alive < maxInstances && scaleOut.canStart(now));
    }

    /** The most instances at once. */
    public int maxInstances() {
        return maxInstances;
    }

    /** Whether {@code slot} is a provisioned instance. */
    public boolean isProvisioned(int slot) {
        return provisioned[slot];
    }

    /** Whether the last successful {@link #acquire} started a new instance. */
    public boolean lastWasCold() {
        return lastWasCold;
    }

    /** Ends a request on {@code slot} at {@code now}. */
    public void release(int slot, long now) {
        int before = running[slot];
        running[slot] = before - 1;
        requests--;
        if (perInstance > 1 && before == perInstance) {
            addPartial(slot);
        }
        if (before > 1) {
            return;
        }
        if (perInstance > 1) {
            removePartial(slot);
        }
        busyInstances--;
        busyInstanceMicros += now - busySince[slot];
        busySinceSum -= busySince[slot];
        if (requests == 0) {
            allIdleSince = now;
        }
        if (provisioned[slot]) {
            idleSince[slot] = now;
            pushProvisionedIdle(slot);
        } else if (hybrid != null) {
            releaseHybrid(slot, now);
        } else if (keepAlive == 0) {
            die(slot, now);
        } else {
            idleSince[slot] = now;
            pushIdle(slot);
        }
    }

    /** Reclaims every idle instance whose keep-alive has run out by {@code now}. */
    public void trim(long now) {
        if (hybrid != null) {
            trimHybrid(now);
            return;
        }
        if (keepAlive == Long.MAX_VALUE) {
            return;
        }
        while (tail != NONE && now - idleSince[tail] >= keepAlive) {
            int slot = tail;
            unlinkIdle(slot);
            removeFromRoutingIndex(slot);
            die(slot, idleSince[slot] + keepAlive);
        }
    }

    /**
     * Closes the time integrals at {@code end}: idle instances count until they would have expired
     * (or {@code end}), busy ones until {@code end}. Call once, after the last request.
     */
    public void close(long end) {
        trim(end);
        instanceMicros = instanceMicrosUntil(end);
        busyInstanceMicros = busyMicrosUntil(end);
        // The open intervals are closed at end; they restart there, so asking again stays right.
        for (int slot = 0; slot < slotsUsed; slot++) {
            if (createdAt[slot] >= 0 && loaded[slot]) {
                createdAt[slot] = end;
            }
            if (running[slot] > 0) {
                busySince[slot] = end;
            }
        }
        createdAtSum = alive * end;
        busySinceSum = busyInstances * end;
    }

    /** Instances alive now (after {@link #trim}): busy, idle and provisioned. */
    public int instances() {
        return alive;
    }

    public int busyInstances() {
        return busyInstances;
    }

    /** Requests running now. */
    public int requests() {
        return requests;
    }

    public int peakRequests() {
        return peakRequests;
    }

    public int peakInstances() {
        return peakInstances;
    }

    public long coldStarts() {
        return coldStarts;
    }

    public long warmStarts() {
        return warmStarts;
    }

    public long throttles() {
        return throttles;
    }

    /** Instance-microseconds of the instances that have died (all of them, after {@link #close}). */
    public long instanceMicros() {
        return instanceMicros;
    }

    public long busyInstanceMicros() {
        return busyInstanceMicros;
    }

    /**
     * Instance-microseconds from the start of the run to {@code now}: the closed ones, and the open
     * lifetimes up to {@code now}. Call {@link #trim} at {@code now} first, so that no instance that
     * has expired by then still counts as alive; {@code now} must not be before the last event the
     * pool saw.
     */
    public long instanceMicrosUntil(long now) {
        return instanceMicros + alive * now - createdAtSum;
    }

    /** Busy-instance-microseconds from the start of the run to {@code now}, as {@link #instanceMicrosUntil}. */
    public long busyMicrosUntil(long now) {
        return busyInstanceMicros + busyInstances * now - busySinceSum;
    }

    private void start(int slot, long now) {
        int before = running[slot];
        running[slot] = before + 1;
        requests++;
        if (requests > peakRequests) {
            peakRequests = requests;
        }
        if (before == 0) {
            busyInstances++;
            busySince[slot] = now;
            busySinceSum += now;
            if (perInstance > 1) {
                addPartial(slot);
            }
        }
        if (perInstance > 1 && before + 1 == perInstance) {
            removePartial(slot);
        }
    }

    private int takeIdle(long now) {
        int slot;
        if (hybrid != null) {
            slot = warmIdle(now);
            if (slot != NONE) {
                unlinkIdle(slot);
                removeFromRoutingIndex(slot);
            }
            return slot;
        }
        switch (routing) {
            case MRU -> slot = head;
            case LRU -> slot = tail;
            case NEWEST -> slot = routingIndex.max();
            case RANDOM -> slot = routingIndex.random(random);
            default -> throw new IllegalStateException(routing.name());
        }
        unlinkIdle(slot);
        removeFromRoutingIndex(slot);
        return slot;
    }

    /** The most recently idle instance that is loaded at {@code now}, or NONE. */
    private int warmIdle(long now) {
        for (int slot = head; slot != NONE; slot = next[slot]) {
            if (warmFrom[slot] <= now) {
                return slot;
            }
        }
        return NONE;
    }

    private void releaseHybrid(int slot, long now) {
        long prewarm = hybrid.prewarmMicros();
        long window = hybrid.keepAliveMicros();
        if (prewarm == 0 && window == 0) {
            die(slot, now);
            return;
        }
        idleSince[slot] = now;
        warmFrom[slot] = now + prewarm;
        expiresAt[slot] = saturatedAdd(warmFrom[slot], window);
        if (prewarm > 0) {
            // Unloaded now, loaded again at warmFrom: neither its time nor its place counts between.
            instanceMicros += now - createdAt[slot];
            createdAtSum -= createdAt[slot];
            createdAt[slot] = warmFrom[slot];
            loaded[slot] = false;
            alive--;
            // To a watcher the unloaded instance is gone, and the one loaded again is a new container.
            listener.expired(creation[slot], now);
            creation[slot] = creations++;
        }
        pushIdle(slot);
    }

    /** Under the hybrid policy expiry times differ per instance, so every idle instance is checked. */
    private void trimHybrid(long now) {
        int slot = head;
        while (slot != NONE) {
            int following = next[slot];
            if (!loaded[slot] && warmFrom[slot] <= now) {
                // Pre-warmed: it counts again from its warmFrom.
                loaded[slot] = true;
                alive++;
                createdAtSum += createdAt[slot];
                peakInstances = Math.max(peakInstances, alive);
                listener.created(slot, creation[slot], warmFrom[slot], PoolListener.Origin.PREWARMED);
            }
            if (expiresAt[slot] <= now) {
                unlinkIdle(slot);
                removeFromRoutingIndex(slot);
                die(slot, expiresAt[slot]);
            }
            slot = following;
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < a ? Long.MAX_VALUE : sum;
    }

    private int newSlot(long now) {
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            if (slotsUsed == createdAt.length) {
                growSlots();
            }
            slot = slotsUsed++;
        }
        createdAt[slot] = now;
        idleSince[slot] = now;
        createdAtSum += now;
        creation[slot] = creations++;
        running[slot] = 0;
        provisioned[slot] = false;
        loaded[slot] = true;
        alive++;
        if (alive > peakInstances) {
            peakInstances = alive;
        }
        return slot;
    }

    private void die(int slot, long when) {
        listener.expired(creation[slot], when);
        instanceMicros += when - createdAt[slot];
        createdAtSum -= createdAt[slot];
        createdAt[slot] = -1;
        alive--;
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeSlots.length * 2);
        }
        freeSlots[freeCount++] = slot;
    }

    private void pushIdle(int slot) {
        prev[slot] = NONE;
        next[slot] = head;
        if (head != NONE) {
            prev[head] = slot;
        } else {
            tail = slot;
        }
        head = slot;
        addToRoutingIndex(slot);
    }

    private void unlinkIdle(int slot) {
        int before = prev[slot];
        int after = next[slot];
        if (before != NONE) {
            next[before] = after;
        } else {
            head = after;
        }
        if (after != NONE) {
            prev[after] = before;
        } else {
            tail = before;
        }
    }

    private void pushProvisionedIdle(int slot) {
        if (provisionedIdleCount == provisionedIdle.length) {
            provisionedIdle = Arrays.copyOf(provisionedIdle, provisionedIdle.length * 2);
        }
        provisionedIdle[provisionedIdleCount++] = slot;
    }

    private void addPartial(int slot) {
        if (partialCount == partial.length) {
            partial = Arrays.copyOf(partial, partial.length * 2);
        }
        partialIndex[slot] = partialCount;
        partial[partialCount++] = slot;
    }

    private void removePartial(int slot) {
        int at = partialIndex[slot];
        int last = partial[--partialCount];
        partial[at] = last;
        partialIndex[last] = at;
    }

    private void addToRoutingIndex(int slot) {
        if (routingIndex != null) {
            routingIndex.add(slot, creation[slot]);
        }
    }

    private void removeFromRoutingIndex(int slot) {
        if (routingIndex != null) {
            routingIndex.remove(slot);
        }
    }

    private void growSlots() {
        int capacity = createdAt.length * 2;
        createdAt = Arrays.copyOf(createdAt, capacity);
        idleSince = Arrays.copyOf(idleSince, capacity);
        warmFrom = Arrays.copyOf(warmFrom, capacity);
        expiresAt = Arrays.copyOf(expiresAt, capacity);
        busySince = Arrays.copyOf(busySince, capacity);
        creation = Arrays.copyOf(creation, capacity);
        running = Arrays.copyOf(running, capacity);
        provisioned = Arrays.copyOf(provisioned, capacity);
        loaded = Arrays.copyOf(loaded, capacity);
        prev = Arrays.copyOf(prev, capacity);
        next = Arrays.copyOf(next, capacity);
        partialIndex = Arrays.copyOf(partialIndex, capacity);
    }
}
