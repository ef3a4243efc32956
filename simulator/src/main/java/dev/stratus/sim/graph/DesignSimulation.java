package dev.stratus.sim.graph;

import dev.stratus.model.Project;
import dev.stratus.model.Routing;
import dev.stratus.provider.PriceBook;
import dev.stratus.provider.ProviderPrices;
import dev.stratus.sim.engine.BinaryHeapEventQueue;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.pool.FunctionPool;
import dev.stratus.sim.result.SimulationResult;
import dev.stratus.sim.trace.LifecycleListener;
import dev.stratus.sim.trace.Trace;
import dev.stratus.sim.workload.TraceException;
import java.nio.file.Path;

/**
 * A discrete-event simulation of a whole design: traffic arrives at its entry triggers, passes the
 * API gateway, starts functions whose instances are warm or cold, calls services and other functions,
 * and fans out through queues, topics and buckets. Single-threaded and deterministic for a seed.
 *
 * <p>A function's run is its cold-start init (if cold), its own work, then its calls in the order of
 * its edges: a service call adds the service's latency (or fails when the service is over capacity);
 * sending to a queue, publishing to a topic or writing to a bucket also starts the work downstream; a
 * synchronous call to a function suspends the run until the callee answers; an asynchronous one does
 * not wait. A run past its timeout fails at the timeout. A failed or throttled asynchronous
 * invocation is retried after 1 and then 2 minutes, up to the provider's retries, then dropped;
 * queued work waits in its queue until an instance is free.
 *
 * <p>A {@link LifecycleListener} given with {@link #recording} hears every arrival, hop, invocation,
 * container and throttle as it happens; the arrivals at entry triggers are numbered from 0, and
 * everything an arrival causes carries its number. Without one the run is the same, bit for bit.
 */
public final class DesignSimulation {

    private static final long MINUTE = 60_000_000L;
    /** The longest run: long enough for anyone, short enough that no time overflows. */
    public static final double MAX_SECONDS = 1e11;

    private final Project project;
    private final Path projectFolder;
    private final long seed;
    private final long end;
    private final Routing routing;
    private PriceBook prices = PriceBook.standard();
    private ProviderPrices.Billing billing;

    private Design design;
    private final BinaryHeapEventQueue events = new BinaryHeapEventQueue();
    private final Invocations inv = new Invocations();
    private Recorder recorder;
    private LifecycleListener lifecycle = LifecycleListener.NONE;
    /** When the lifecycle listener's window opens, µs; {@code Long.MAX_VALUE} once open or when none. */
    private long openAt = Long.MAX_VALUE;
    /** Arrivals so far: the next arrival's request number. */
    private long arrivals;
    /** The design's edge counters, by edge index. */
    private long[] traffic;

    private long now;

    /**
     * @param project the design and its workloads
     * @param projectFolder where trace files are looked up
     * @param durationSeconds simulated time
     * @param seed the master seed
     * @param routing which idle instance takes a request
     */
    public DesignSimulation(Project project, Path projectFolder, double durationSeconds, long seed, Routing routing) {
        if (!(durationSeconds >= 0.001 && durationSeconds <= MAX_SECONDS)) {
            throw new IllegalArgumentException(
                    "the duration must be between 1 ms and 10^11 s (about 3,000 years), not " + durationSeconds + " s");
        }
        this.project = project;
        this.projectFolder = projectFolder;
        this.seed = seed;
        this.end = Math.round(durationSeconds * 1e6);
        this.routing = routing;
    }

    /** Takes the providers' runtime figures and billing rules from {@code prices} (default: standard). */
    public DesignSimulation withPrices(PriceBook prices) {
        this.prices = prices;
        return this;
    }

    /**
     * Tells {@code listener} the lifecycle of the run: see {@link LifecycleListener}. When it is
     * {@link LifecycleListener#full() full} the run stops as a cancelled one does, after the events
     * of the instant it has reached.
     */
    public DesignSimulation recording(LifecycleListener listener) {
        this.lifecycle = listener;
        return this;
    }

    /**
     * Runs the simulation. Every {@link Monitor#CHECK_EVERY} events it tells the monitor how far it is
     * and asks whether to stop. When the monitor cancels, the run finishes the events of the instant
     * it has reached, {@code t}, and stops: the result is {@link SimulationResult#partial() partial}
     * and covers {@code t} plus one microsecond, so it is exactly the result of a run that long (with
     * the same seed) but for the series' window width. A monitor that has cancelled before the run
     * starts gets a result of no simulated time.
     */
    public SimulationResult run(Monitor monitor) throws TraceException {
        long wallStart = System.nanoTime();
        ProviderPrices provider = prices.prices(project.provider());
        billing = provider.billing();
        design = new Design(project, projectFolder, seed, routing, provider);
        traffic = design.edgeTraffic;
        recorder = new Recorder(design, end);
        for (FunctionState fn : design.functions) {
            fn.pool.withListener(lifecycle.pool(fn.nodeIndex));
        }
        if (lifecycle.tracksMessages()) {
            design.queues.forEach(MessageQueue::trackRequests);
        }
        openAt = lifecycle.windowStart();
        for (int e = 0; e < design.entries.size(); e++) {
            scheduleArrival(e);
        }
        long count = 0;
        boolean stopped = monitor.cancelled();
        long horizon = stopped ? 0 : end;
        while (!events.isEmpty() && events.peekTime() < horizon) {
            events.poll();
            now = events.time();
            if (now >= openAt) {
                openWindow();
            }
            recorder.advanceTo(now);
            int target = events.target();
            switch (EventKind.ALL[events.kind()]) {
                case ARRIVAL -> arrive(target);
                case INVOKE -> invoke(target);
                case FINISH -> {
                    if (inv.generation[target] == events.data()) {
                        finish(target);
                    }
                }
                case TIMEOUT -> timeout(target, events.data());
                case ENQUEUE -> enqueue(target, events.data());
                case BATCH_WINDOW -> {
                    MessageQueue queue = design.queues.get(target);
                    queue.windowPending = false;
                    // A window set for a batch that has since gone out is stale: a new one starts with the
                    // oldest message now waiting.
                    drain(target, queue.depth() > 0 && now >= queue.oldest() + queue.windowMicros);
                }
            }
            if (lifecycle.full() && !stopped) {
                stopped = true;
                horizon = now + 1;
            }
            if ((++count & (Monitor.CHECK_EVERY - 1)) == 0) {
                if (!stopped && monitor.cancelled()) {
                    // Events at this same instant may still be queued: they run, then the loop ends.
                    stopped = true;
                    horizon = now + 1;
                }
                monitor.progress((double) now / end, count);
            }
        }
        monitor.progress((double) horizon / end, count);
        if (openAt != Long.MAX_VALUE) {
            openWindow();
        }
        SimulationResult result =
                recorder.result(project, seed, count, (System.nanoTime() - wallStart) / 1e9, horizon, horizon < end);
        lifecycle.finished(horizon);
        return result;
    }

    /** Tells the lifecycle listener the containers alive and the queues' depths at its window's start. */
    private void openWindow() {
        long at = openAt;
        openAt = Long.MAX_VALUE;
        lifecycle.open(design.aliveAt(at), design.queueDepths());
    }

    // The event queue stores kinds as ints, to stay free of objects; ALL maps them back.
    @SuppressWarnings("EnumOrdinal")
    private void schedule(long time, EventKind kind, int target, long data) {
        events.add(time, kind == EventKind.FINISH ? 0 : 1, kind.ordinal(), target, data);
    }

    private void scheduleArrival(int entry) {
        long next = design.entries.get(entry).arrivals.next();
        if (next < end) {
            schedule(next, EventKind.ARRIVAL, entry, 0);
        }
    }

    private void arrive(int e) {
        EntryState entry = design.entries.get(e);
        scheduleArrival(e);
        entry.requests++;
        recorder.arrival();
        long request = arrivals++;
        lifecycle.arrived(now, entry.nodeIndex, request);
        switch (entry.route) {
            case EntryState.TO_GATEWAY -> throughGateway(e, request);
            case EntryState.TO_QUEUE -> schedule(now, EventKind.ENQUEUE, entry.queue, request);
            case EntryState.TO_FUNCTIONS_SYNC -> {
                if (entry.targets.length > 0) {
                    int target = entry.targets.length == 1 ? 0 : entry.random.nextInt(entry.targets.length);
                    cross(entry.targetEdges[target], now, request, 0);
                    start(inv.allocate(entry.targets[target], Invocations.SYNC, e, now, request), now);
                }
            }
            default -> {
                // A fan-out counts once for its trigger: the first branch carries the request.
                for (int i = 0; i < entry.targets.length; i++) {
                    int carrier = i == 0 ? e : Invocations.NONE;
                    cross(entry.targetEdges[i], now, request, 0);
                    start(inv.allocate(entry.targets[i], Invocations.ASYNC, carrier, now, request), now);
                }
            }
        }
    }

    /** Counts a crossing of {@code edge} departing at {@code t} and tells the lifecycle listener. */
    private void cross(int edge, long t, long request, long travelMicros) {
        traffic[edge]++;
        lifecycle.hop(t, edge, request, travelMicros, 1);
    }

    private void throughGateway(int e, long request) {
        EntryState entry = design.entries.get(e);
        GatewayState gateway = entry.gateway == Invocations.NONE ? null : design.gateways.get(entry.gateway);
        if (gateway == null) {
            return;
        }
        cross(entry.gatewayEdge, now, request, 0);
        if (gateway.routes.length == 0) {
            return;
        }
        if (!gateway.throttle.tryTake(now)) {
            entry.throttled++;
            entry.failed++;
            recorder.failure();
            lifecycle.gatewayThrottled(now, gateway.nodeIndex, request);
            lifecycle.requestDone(now, entry.nodeIndex, request, true, 0, 1);
            return;
        }
        long latency = gateway.latency.sampleMicros();
        int route = gateway.pickRoute();
        if (gateway.cacheHit(route, now)) {
            entry.cacheHits++;
            entry.completed++;
            entry.windowLatency.recordValue(Histograms.clamp(latency));
            lifecycle.cacheHit(now, gateway.nodeIndex, request);
            lifecycle.requestDone(now + latency, entry.nodeIndex, request, false, latency, 1);
            return;
        }
        cross(gateway.routeEdges[route], now, request, latency);
        start(inv.allocate(gateway.routes[route], Invocations.SYNC, e, now, request), now + latency);
    }

    private void start(int slot, long at) {
        inv.requestedAt[slot] = at;
        schedule(at, EventKind.INVOKE, slot, 0);
    }

    /** An invocation asks its function for an instance. */
    private void invoke(int slot) {
        FunctionState fn = design.functions.get(inv.function[slot]);
        fn.invocations++;
        int instance = fn.pool.acquire(now);
        if (instance < 0) {
            throttled(slot, fn, instance == FunctionPool.SCALE_OUT_LIMITED);
            return;
        }
        inv.instance[slot] = instance;
        inv.startedAt[slot] = now;
        inv.cold[slot] = fn.pool.lastWasCold();
        long t = now + fn.execution.sampleMicros();
        if (inv.cold[slot]) {
            long init = fn.coldStart.sampleMicros();
            inv.initMicros[slot] = init;
            t += init;
            recorder.coldStart();
        }
        inv.number[slot] = lifecycle.invocationStarted(
                now,
                fn.nodeIndex,
                (int) fn.pool.container(instance),
                inv.request[slot],
                inv.cold[slot],
                inv.initMicros[slot]);
        proceed(slot, t);
    }

    private void throttled(int slot, FunctionState fn, boolean scaleOut) {
        recorder.failure();
        lifecycle.throttled(now, fn.nodeIndex, inv.request[slot], scaleOut, fn.pool.maxInstances());
        switch (inv.mode[slot]) {
            case Invocations.ASYNC -> {
                fn.throttledAsync++;
                retryOrDrop(slot, fn);
            }
            case Invocations.BATCH -> {
                // The poller only takes a batch when an instance is free; if it was not, the
                // messages go back and wait.
                MessageQueue queue = design.queues.get(inv.queue[slot]);
                queue.running--;
                for (int i = 0; i < inv.batch[slot]; i++) {
                    queue.add(inv.entryStart[slot], inv.request[slot], now);
                }
                lifecycle.queueDepth(now, queue.nodeIndex, queue.depth());
                inv.release(slot);
            }
            default -> {
                if (inv.mode[slot] == Invocations.SYNC && inv.entry[slot] != Invocations.NONE) {
                    design.entries.get(inv.entry[slot]).throttled++;
                }
                end(slot, true);
            }
        }
    }

    /**
     * Runs the invocation's steps from its current one, starting at time {@code t}; stops at a
     * synchronous call to a function (the callee resumes it) or schedules the finish.
     */
    private void proceed(int slot, long t) {
        FunctionState fn = design.functions.get(inv.function[slot]);
        int[] steps = fn.steps;
        long deadline = saturatedAdd(inv.startedAt[slot], fn.timeoutMicros);
        while (inv.step[slot] < fn.stepCount() && t < deadline && !inv.failed[slot]) {
            int at = FunctionState.STEP * inv.step[slot];
            int type = steps[at];
            int target = steps[at + 1];
            int edge = steps[at + 2];
            long request = inv.request[slot];
            inv.step[slot]++;
            if (type == FunctionState.INVOKE_SYNC) {
                cross(edge, t, request, 0);
                int child = inv.allocate(target, Invocations.CHILD, inv.entry[slot], inv.entryStart[slot], request);
                inv.parent[child] = slot;
                inv.child[slot] = child;
                start(child, t);
                schedule(deadline, EventKind.TIMEOUT, slot, inv.generation[slot]);
                return;
            }
            if (type == FunctionState.INVOKE_ASYNC) {
                cross(edge, t, request, 0);
                int call = inv.allocate(target, Invocations.ASYNC, Invocations.NONE, t, request);
                inv.via[call] = edge;
                start(call, t);
                continue;
            }
            ServiceState service = design.services.get(target);
            if (!service.tryCall(t)) {
                cross(edge, t, request, 0);
                lifecycle.serviceFailed(t, service.nodeIndex, request);
                inv.failed[slot] = true;
                break;
            }
            long latency = service.latency.sampleMicros();
            cross(edge, t, request, latency);
            t += latency;
            if (type == FunctionState.SEND && service.queue != Invocations.NONE) {
                schedule(t, EventKind.ENQUEUE, service.queue, request);
            } else if (type == FunctionState.PUBLISH || type == FunctionState.WRITE) {
                for (int i = 0; i < service.subscribers.length; i++) {
                    cross(service.subscriberEdges[i], t, request, 0);
                    start(inv.allocate(service.subscribers[i], Invocations.ASYNC, Invocations.NONE, t, request), t);
                }
            }
        }
        if (t >= deadline) {
            inv.timedOut[slot] = true;
            t = deadline;
        }
        schedule(t, EventKind.FINISH, slot, inv.generation[slot]);
    }

    /** The invocation's run ends now: free its instance, account for it, and answer its caller. */
    private void finish(int slot) {
        FunctionState fn = design.functions.get(inv.function[slot]);
        long billed = billing.billedMicros(now - inv.startedAt[slot], inv.initMicros[slot]);
        boolean timedOut = inv.timedOut[slot];
        lifecycle.invocationEnded(
                now,
                fn.nodeIndex,
                (int) fn.pool.container(inv.instance[slot]),
                inv.request[slot],
                inv.number[slot],
                (inv.failed[slot] || timedOut ? Trace.FAILED : 0) | (timedOut ? Trace.TIMED_OUT : 0),
                billed);
        if (fn.pool.isProvisioned(inv.instance[slot])) {
            fn.provisionedBilledMicros += billed;
        } else {
            fn.billedMicros += billed;
        }
        fn.pool.release(inv.instance[slot], now);
        // A freed instance may take queued work, whatever this invocation was.
        for (int q : fn.consumedQueues) {
            if (inv.mode[slot] != Invocations.BATCH || inv.queue[slot] != q) {
                drain(q, false);
            }
        }
        fn.latency.recordValue(Histograms.clamp(now - inv.requestedAt[slot]));
        boolean failed = inv.failed[slot] || inv.timedOut[slot];
        if (inv.timedOut[slot]) {
            fn.timeouts++;
        } else if (inv.failed[slot]) {
            fn.errors++;
        }
        if (failed) {
            recorder.failure();
        }
        if (inv.mode[slot] == Invocations.BATCH) {
            int q = inv.queue[slot];
            design.queues.get(q).running--;
            end(slot, failed);
            drain(q, false);
        } else if (failed && inv.mode[slot] == Invocations.ASYNC) {
            retryOrDrop(slot, fn);
        } else {
            end(slot, failed);
        }
    }

    /** A suspended invocation's timeout: it fails now and its callee's answer will be ignored. */
    private void timeout(int slot, long generation) {
        if (inv.generation[slot] != generation || inv.child[slot] == Invocations.NONE) {
            return;
        }
        inv.parent[inv.child[slot]] = Invocations.NONE;
        inv.child[slot] = Invocations.NONE;
        inv.timedOut[slot] = true;
        finish(slot);
    }

    /** Ends an invocation: a callee resumes its caller, a root records the end-to-end latency. */
    private void end(int slot, boolean failed) {
        int parent = inv.parent[slot];
        int mode = inv.mode[slot];
        if (mode == Invocations.CHILD) {
            if (parent != Invocations.NONE) {
                inv.child[parent] = Invocations.NONE;
                inv.failed[parent] |= failed;
                // The suspended caller's pending timeout is now stale: its generation stays, but
                // child is NONE, which the timeout handler checks.
                inv.release(slot);
                proceed(parent, now);
                return;
            }
        } else if (inv.entry[slot] != Invocations.NONE) {
            EntryState entry = design.entries.get(inv.entry[slot]);
            int messages = mode == Invocations.BATCH ? inv.batch[slot] : 1;
            lifecycle.requestDone(
                    now, entry.nodeIndex, inv.request[slot], failed, now - inv.entryStart[slot], messages);
            if (failed) {
                entry.failed += messages;
            } else {
                entry.completed += messages;
                // A batch's messages all count from when its oldest was sent: an upper bound.
                entry.windowLatency.recordValueWithCount(Histograms.clamp(now - inv.entryStart[slot]), messages);
            }
        }
        inv.release(slot);
    }

    private void retryOrDrop(int slot, FunctionState fn) {
        int attempt = ++inv.attempts[slot];
        if (attempt <= design.asyncRetries) {
            fn.retries++;
            long request = inv.request[slot];
            int again =
                    inv.allocate(inv.function[slot], Invocations.ASYNC, inv.entry[slot], inv.entryStart[slot], request);
            inv.attempts[again] = attempt;
            long at = now + attempt * MINUTE;
            int edge = inv.via[slot];
            if (edge != Invocations.NONE) {
                // A retried call from a function crosses its edge again, when it is retried.
                cross(edge, at, request, 0);
                inv.via[again] = edge;
            }
            start(again, at);
            inv.release(slot);
        } else {
            fn.dropped++;
            end(slot, true);
        }
    }

    /** A message for request {@code request} lands on queue {@code q}, sent now. */
    private void enqueue(int q, long request) {
        MessageQueue queue = design.queues.get(q);
        queue.add(now, request, now);
        lifecycle.queueDepth(now, queue.nodeIndex, queue.depth());
        drain(q, false);
    }

    /** Starts as many batches from queue {@code q} as its consumer can take now. */
    private void drain(int q, boolean windowClosed) {
        MessageQueue queue = design.queues.get(q);
        FunctionPool pool = design.functions.get(queue.consumer).pool;
        while (queue.depth() > 0 && queue.running < queue.maxRunning) {
            boolean full = queue.depth() >= queue.batchSize;
            boolean waited = windowClosed || queue.windowMicros == 0 || now - queue.oldest() >= queue.windowMicros;
            if (!full && !waited) {
                if (!queue.windowPending) {
                    queue.windowPending = true;
                    schedule(queue.oldest() + queue.windowMicros, EventKind.BATCH_WINDOW, q, 0);
                }
                return;
            }
            if (!pool.canAcquire(now)) {
                return;
            }
            int size = Math.min(queue.batchSize, queue.depth());
            long request = queue.oldestRequest();
            long firstSent = queue.take(size, now);
            traffic[queue.edge] += size;
            lifecycle.queueDepth(now, queue.nodeIndex, queue.depth());
            // A batch crosses its edge once, carrying its oldest message's request.
            lifecycle.hop(now, queue.edge, request, 0, size);
            queue.running++;
            int slot = inv.allocate(queue.consumer, Invocations.BATCH, queue.entry, firstSent, request);
            inv.queue[slot] = q;
            inv.batch[slot] = size;
            inv.requestedAt[slot] = now;
            invoke(slot);
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < a ? Long.MAX_VALUE : sum;
    }
}
