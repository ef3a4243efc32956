package dev.stratus.app.inspector;

import dev.stratus.app.edit.Edits;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.Distribution;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.KeepAlive;
import dev.stratus.model.Node;
import dev.stratus.model.Project;
import dev.stratus.model.Queue;
import dev.stratus.model.QueueTrigger;
import dev.stratus.model.ScheduleTrigger;
import dev.stratus.model.Service;
import dev.stratus.model.StorageTrigger;
import dev.stratus.model.StreamTrigger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The inspector's fields for a node, one per record component, grouped: General, Runtime,
 * Concurrency, Keep-alive, Timing, Throttling, Cache, Capacity. Units are in the names.
 */
final class NodeFields {

    static final String GENERAL = "General";
    static final String RUNTIME = "Runtime";
    static final String CONCURRENCY = "Concurrency";
    static final String KEEP_ALIVE = "Keep-alive";
    static final String TIMING = "Timing";
    static final String THROTTLING = "Throttling";
    static final String CACHE = "Cache";
    static final String CAPACITY = "Capacity";
    static final String EVENTS = "Events";

    /** The cv a distribution gets when its shape starts to need one. */
    private static final double DEFAULT_CV = 0.5;

    private NodeFields() {}

    static List<Field> of(Project project, Node node) {
        List<Field> fields = new ArrayList<>();
        fields.add(Field.readOnly("kind", GENERAL, "Kind", ProviderWords.of(project.provider(), node.kind())));
        fields.add(Field.readOnly("id", GENERAL, "Id", node.id()));
        fields.add(Field.of(
                "name",
                GENERAL,
                "Name",
                "The name people and the cloud see; unique in the design.",
                Field.Type.TEXT,
                node.name(),
                v -> Edits.change(node.withName((String) v), "Rename")));
        if (node instanceof FunctionNode function) {
            function(function, fields);
        } else if (node instanceof ApiGateway gateway) {
            gateway(gateway, fields);
        } else if (node instanceof ScheduleTrigger schedule) {
            fields.add(component(
                    schedule,
                    "expression",
                    EVENTS,
                    "Schedule expression",
                    "rate(5 minutes) or cron(0 2 * * ? *), in the AWS EventBridge form",
                    Field.Type.TEXT));
        } else if (node instanceof QueueTrigger trigger) {
            fields.add(component(
                    trigger,
                    "visibilityTimeoutSeconds",
                    EVENTS,
                    "Visibility timeout (s)",
                    "How long a received message stays hidden before it is retried",
                    Field.Type.DECIMAL));
        } else if (node instanceof StorageTrigger storage) {
            fields.add(choice(
                    storage,
                    "event",
                    EVENTS,
                    "Event",
                    "Which change to the bucket fires it",
                    StorageTrigger.Event.values()));
            fields.add(component(
                    storage, "prefix", EVENTS, "Key prefix", "Only keys that start with this", Field.Type.TEXT));
            fields.add(component(
                    storage, "suffix", EVENTS, "Key suffix", "Only keys that end with this", Field.Type.TEXT));
        } else if (node instanceof StreamTrigger stream) {
            fields.add(component(
                    stream,
                    "shards",
                    EVENTS,
                    "Shards",
                    "Partitions; each is read by one invocation at a time",
                    Field.Type.WHOLE));
        } else if (node instanceof Service service) {
            service(service, fields);
        }
        return fields;
    }

    private static void function(FunctionNode f, List<Field> fields) {
        fields.add(component(f, "runtime", RUNTIME, "Runtime", "java21, java17, ...", Field.Type.TEXT));
        fields.add(choice(
                f,
                "architecture",
                RUNTIME,
                "Architecture",
                "Processor architecture",
                FunctionNode.Architecture.values()));
        // A new size keeps the execution as measured, so the simulation gives it the new size's CPU.
        fields.add(Field.of(
                "memoryMb",
                RUNTIME,
                "Memory (MB)",
                "Memory size; the CPU share grows with it, and so does the speed of the CPU-bound work",
                Field.Type.WHOLE,
                f.memoryMb(),
                v -> Edits.change(f.withMemoryMb((Integer) v), "Change memory")));
        fields.add(component(
                f, "timeoutSeconds", RUNTIME, "Timeout (s)", "The longest a run may take", Field.Type.DECIMAL));
        fields.add(component(
                        f,
                        "cpuBound",
                        RUNTIME,
                        "CPU-bound share (0–1)",
                        "The share of the work that speeds up with more CPU; empty: 0.5",
                        Field.Type.DECIMAL)
                .blankMeans("0.5 (default)"));
        fields.add(component(
                        f,
                        "reservedConcurrency",
                        CONCURRENCY,
                        "Reserved (max instances)",
                        "Reserved concurrency: the most instances at once; empty: the account's limit",
                        Field.Type.WHOLE)
                .blankMeans("account limit"));
        fields.add(component(
                f,
                "provisionedConcurrency",
                CONCURRENCY,
                "Provisioned (warm instances)",
                "Provisioned concurrency: instances kept warm at all times",
                Field.Type.WHOLE));
        fields.add(component(
                f,
                "instanceConcurrency",
                CONCURRENCY,
                "Requests per instance",
                "Requests one instance serves at once (1 on AWS Lambda)",
                Field.Type.WHOLE));
        KeepAlive keepAlive = f.keepAlive();
        fields.add(Field.choice(
                "keepAlivePolicy",
                KEEP_ALIVE,
                "Keep-alive policy",
                "How long an idle instance is kept warm",
                List.of(KeepAlive.Policy.values()),
                NodeFields::words,
                keepAlive.policy(),
                v -> change(
                        f,
                        "keepAlive",
                        v == KeepAlive.Policy.FIXED
                                ? KeepAlive.fixed(keepAlive.seconds() == null ? 600 : keepAlive.seconds())
                                : new KeepAlive((KeepAlive.Policy) v, null),
                        "Change keep-alive policy")));
        if (keepAlive.policy() == KeepAlive.Policy.FIXED) {
            fields.add(Field.of(
                    "keepAliveSeconds",
                    KEEP_ALIVE,
                    "Keep-alive (s)",
                    "Idle time before an instance goes",
                    Field.Type.DECIMAL,
                    keepAlive.seconds(),
                    v -> change(f, "keepAlive", KeepAlive.fixed((Double) v), "Change keep-alive")));
        }
        distribution(f, "execution", "Execution", "the handler's own work per request", fields, false);
        fields.add(component(
                        f,
                        "executionMemoryMb",
                        TIMING,
                        "Execution measured at (MB)",
                        "The memory size the execution time was measured at; at another size its CPU-bound share"
                                + " speeds up or slows down with the CPU. Empty: at this function's memory",
                        Field.Type.WHOLE)
                .blankMeans(f.memoryMb() + " (this memory)"));
        distribution(f, "coldStart", "Cold start", "init time; empty: the provider's runtime profile", fields, true);
    }

    private static void gateway(ApiGateway g, List<Field> fields) {
        fields.add(choice(g, "type", GENERAL, "API type", "HTTP API or REST API", ApiGateway.Type.values()));
        fields.add(choice(g, "auth", GENERAL, "Authorisation", "How callers are authorised", ApiGateway.Auth.values()));
        fields.add(component(
                g,
                "rateLimitPerSecond",
                THROTTLING,
                "Rate limit (requests/s)",
                "The steady rate the token bucket refills at",
                Field.Type.DECIMAL));
        fields.add(component(g, "burst", THROTTLING, "Burst (requests)", "The token bucket's size", Field.Type.WHOLE));
        ApiGateway.Cache cache = g.cache();
        fields.add(Field.of(
                "cacheEnabled",
                CACHE,
                "Response cache",
                "Answer repeated requests from a cache",
                Field.Type.FLAG,
                cache != null,
                v -> change(
                        g,
                        "cache",
                        Boolean.TRUE.equals(v) ? new ApiGateway.Cache(300, 0.5) : null,
                        "Change response cache")));
        if (cache != null) {
            fields.add(Field.of(
                    "cacheTtlSeconds",
                    CACHE,
                    "Cache TTL (s)",
                    "How long an answer stays cached",
                    Field.Type.DECIMAL,
                    cache.ttlSeconds(),
                    v -> change(g, "cache", new ApiGateway.Cache((Double) v, cache.hitRatio()), "Change cache TTL")));
            fields.add(Field.of(
                    "cacheHitRatio",
                    CACHE,
                    "Cache hit ratio (0–1)",
                    "Share of requests answered from it",
                    Field.Type.DECIMAL,
                    cache.hitRatio(),
                    v -> change(
                            g,
                            "cache",
                            new ApiGateway.Cache(cache.ttlSeconds(), (Double) v),
                            "Change cache hit ratio")));
        }
        distribution(g, "latency", "Latency", "the gateway's own added latency", fields, false);
    }

    private static void service(Service s, List<Field> fields) {
        Record r = (Record) s;
        if (s instanceof Queue queue) {
            fields.add(choice(queue, "type", GENERAL, "Queue type", "Standard or FIFO", Queue.Type.values()));
            fields.add(component(
                    queue,
                    "visibilityTimeoutSeconds",
                    GENERAL,
                    "Visibility timeout (s)",
                    "How long a received message stays hidden before it is retried",
                    Field.Type.DECIMAL));
        }
        if (s instanceof dev.stratus.model.ExternalApi api) {
            fields.add(component(api, "url", GENERAL, "URL", "The API's base address", Field.Type.TEXT));
        }
        distribution((Node) r, "latency", "Latency", "latency of one request", fields, false);
        fields.add(component(
                        (Node) r,
                        "capacityPerSecond",
                        CAPACITY,
                        "Capacity (requests/s)",
                        "Requests per second before it throttles; empty: unlimited",
                        Field.Type.DECIMAL)
                .blankMeans("unlimited"));
    }

    /** Mean, shape and (where the shape takes one) cv of a distribution component, in milliseconds. */
    private static void distribution(
            Node node, String component, String label, String about, List<Field> fields, boolean optional) {
        Distribution d = (Distribution) Records.get((Record) node, component);
        String lower = label.toLowerCase(Locale.ROOT);
        Field mean = Field.of(
                component + "MeanMs",
                TIMING,
                label + " mean (ms)",
                "Mean of " + about,
                Field.Type.DECIMAL,
                d == null ? null : d.meanMs(),
                v -> {
                    Distribution next = v == null
                            ? null
                            : d == null
                                    ? Distribution.lognormal((Double) v, DEFAULT_CV)
                                    : new Distribution(d.shape(), (Double) v, d.cv());
                    return change(node, component, next, "Change " + lower);
                });
        fields.add(optional ? mean.blankMeans("provider's profile") : mean);
        if (d == null) {
            return;
        }
        fields.add(Field.choice(
                component + "Shape",
                TIMING,
                label + " shape",
                "The distribution's family",
                List.of(Distribution.Shape.values()),
                NodeFields::words,
                d.shape(),
                v -> {
                    Distribution.Shape shape = (Distribution.Shape) v;
                    Double cv = takesCv(shape) ? (d.cv() == null ? DEFAULT_CV : d.cv()) : null;
                    return change(node, component, new Distribution(shape, d.meanMs(), cv), "Change " + lower);
                }));
        if (takesCv(d.shape())) {
            fields.add(Field.of(
                    component + "Cv",
                    TIMING,
                    label + " variation (cv)",
                    "Standard deviation over mean",
                    Field.Type.DECIMAL,
                    d.cv(),
                    v -> change(
                            node, component, new Distribution(d.shape(), d.meanMs(), (Double) v), "Change " + lower)));
        }
    }

    private static boolean takesCv(Distribution.Shape shape) {
        return shape == Distribution.Shape.LOGNORMAL || shape == Distribution.Shape.GAMMA;
    }

    private static Field component(
            Node node, String component, String category, String name, String about, Field.Type type) {
        return Field.of(
                component,
                category,
                name,
                about,
                type,
                Records.get((Record) node, component),
                v -> change(node, component, v, "Change " + bare(name)));
    }

    private static Field choice(
            Node node, String component, String category, String name, String about, Enum<?>[] values) {
        return Field.choice(
                component,
                category,
                name,
                about,
                Arrays.asList(values),
                NodeFields::words,
                Records.get((Record) node, component),
                v -> change(node, component, v, "Change " + bare(name)));
    }

    private static dev.stratus.app.edit.Edit change(Node node, String component, Object value, String what) {
        return Edits.change((Node) Records.with((Record) node, component, value), what);
    }

    /** "Memory (MB)" → "memory"; acronyms keep their case. */
    static String bare(String name) {
        String text = name.replaceAll("\\s*\\(.*\\)$", "");
        return text.length() > 1 && Character.isUpperCase(text.charAt(1))
                ? text
                : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** An enum constant in words: PROVIDER_DEFAULT → "Provider default", X86_64 → "x86_64". */
    static String words(Object value) {
        if (value instanceof FunctionNode.Architecture a) {
            return a.id();
        }
        if (value instanceof ApiGateway.Type t) {
            return t == ApiGateway.Type.HTTP ? "HTTP API" : "REST API";
        }
        if (value instanceof ApiGateway.Auth a) {
            return switch (a) {
                case NONE -> "None";
                case API_KEY -> "API key";
                case JWT -> "JWT";
                case IAM -> "IAM";
            };
        }
        if (value instanceof Queue.Type t) {
            return t == Queue.Type.FIFO ? "FIFO" : "Standard";
        }
        if (value instanceof Enum<?> e) {
            String text = e.name().replace('_', ' ').toLowerCase(Locale.ROOT);
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
        return Field.plain(value);
    }
}
