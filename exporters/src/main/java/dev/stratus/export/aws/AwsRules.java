package dev.stratus.export.aws;

import dev.stratus.export.ExportPlan;
import dev.stratus.model.Queue;
import dev.stratus.model.QueueTrigger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * AWS's limits and advice that both the SAM and the Serverless Framework exports apply, each with a
 * note when the design's value has to change.
 */
public final class AwsRules {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private AwsRules() {}

    /** An SQS or Kinesis batch as the event source mapping takes it. */
    public record Batch(int size, int windowSeconds) {}

    /**
     * SQS's visibility timeout: the node's, raised to six times the longest timeout of the functions
     * the queue feeds, as AWS advises for Lambda event sources, within SQS's 12 hours.
     */
    public static int visibilityTimeout(ExportPlan plan, ExportPlan.Resource queue, List<String> notes) {
        double own = queue.node() instanceof Queue q
                ? q.visibilityTimeoutSeconds()
                : queue.node() instanceof QueueTrigger t ? t.visibilityTimeoutSeconds() : 30;
        int visibility = (int) Math.ceil(own);
        int longest = 0;
        for (ExportPlan.Function function : plan.functions()) {
            for (ExportPlan.Event event : function.events()) {
                if (event instanceof ExportPlan.QueueMessages messages
                        && messages.queue().id().equals(queue.id())) {
                    longest = Math.max(longest, LambdaProject.timeout(function, new ArrayList<>()));
                }
            }
        }
        int chosen = Math.min(43_200, Math.max(visibility, 6 * longest));
        if (chosen != visibility) {
            notes.add("The queue '" + queue.name() + "' has a visibility timeout of " + own + " s; it is exported"
                    + " with " + chosen + " s, six times the timeout of the function it feeds, as AWS advises for"
                    + " Lambda event sources (at most 12 hours).");
        }
        return chosen;
    }

    public static boolean isFifo(ExportPlan.Resource queue) {
        return queue.node() instanceof Queue q && q.type() == Queue.Type.FIFO;
    }

    /**
     * An SQS batch: 1 to 10,000 messages (10 for FIFO), a window of at most 300 s (none for FIFO),
     * and at least 1 s of window for batches over 10, as Lambda requires.
     */
    public static Batch sqsBatch(ExportPlan.Function function, ExportPlan.QueueMessages messages, List<String> notes) {
        int size = clamp(
                messages.batchSize(), 1, isFifo(messages.queue()) ? 10 : 10_000, function, "SQS batch size", notes);
        int window = clamp((int) Math.ceil(messages.windowSeconds()), 0, 300, function, "batching window", notes);
        if (isFifo(messages.queue()) && window > 0) {
            notes.add("The function '" + function.name() + "' waits up to " + messages.windowSeconds() + " s to fill"
                    + " a batch from the FIFO queue '" + messages.queue().name() + "'; Lambda has no batching window"
                    + " for FIFO queues, so it is exported without one.");
            window = 0;
        }
        if (size > 10 && window < 1) {
            window = 1;
            notes.add("The function '" + function.name() + "' takes batches of " + size + " from '"
                    + messages.queue().name() + "'; SQS needs a batching window of at least 1 s for batches over 10,"
                    + " so it is exported with 1 s.");
        }
        return new Batch(size, window);
    }

    /** A Kinesis batch: 1 to 10,000 records, a window of at most 300 s. */
    public static Batch kinesisBatch(
            ExportPlan.Function function, ExportPlan.StreamRecords records, List<String> notes) {
        return new Batch(
                clamp(records.batchSize(), 1, 10_000, function, "Kinesis batch size", notes),
                clamp((int) Math.ceil(records.windowSeconds()), 0, 300, function, "batching window", notes));
    }

    private static int clamp(
            int value, int min, int max, ExportPlan.Function function, String what, List<String> notes) {
        int clamped = Math.max(min, Math.min(max, value));
        if (clamped != value) {
            notes.add("The function '" + function.name() + "' has a " + what + " of " + value + "; AWS allows " + min
                    + " to " + max + ", so it is exported as " + clamped + ".");
        }
        return clamped;
    }

    /**
     * A sender address for an email service: a variable named like a sender (SENDER, FROM) holding an
     * email address in the environment of a function connected to it; null when there is none.
     */
    public static String senderAddress(ExportPlan plan, ExportPlan.Resource email) {
        for (ExportPlan.Function function : plan.functions()) {
            if (function.connections().stream().noneMatch(c -> c.targetId().equals(email.id()))) {
                continue;
            }
            for (ExportPlan.Variable variable : function.environment()) {
                String name = variable.name().toUpperCase(Locale.ROOT);
                if (!variable.isReference()
                        && (name.contains("SENDER") || name.contains("FROM"))
                        && EMAIL.matcher(variable.literal()).matches()) {
                    return variable.literal();
                }
            }
        }
        return null;
    }

    /** Whether a function URL stands for the route of a direct HTTP trigger, or only approximates it. */
    public static boolean urlMatchesRoute(ExportPlan.Function function, ExportPlan.Http http) {
        return http.method().equals("ANY")
                && http.path().equals("/" + dev.stratus.export.Names.kebab(function.name(), "function", 60));
    }

    /**
     * The functions on a cycle of calls (A calls B, B calls A): each function's role names the function
     * it calls, so CloudFormation cannot create them. Empty when there is no cycle.
     */
    public static List<String> invocationCycle(ExportPlan plan) {
        Map<String, List<String>> calls = new LinkedHashMap<>();
        for (ExportPlan.Function function : plan.functions()) {
            calls.put(
                    function.id(),
                    function.connections().stream()
                            .filter(c -> c.function() != null)
                            .map(c -> c.function().id())
                            .toList());
        }
        for (String start : calls.keySet()) {
            List<String> path = new ArrayList<>();
            if (cycle(start, start, calls, path, new HashSet<>())) {
                return path.stream()
                        .map(id ->
                                plan.function(id).map(ExportPlan.Function::name).orElse(id))
                        .toList();
            }
        }
        return List.of();
    }

    private static boolean cycle(
            String start, String at, Map<String, List<String>> calls, List<String> path, Set<String> seen) {
        path.add(at);
        for (String next : calls.getOrDefault(at, List.of())) {
            if (next.equals(start)) {
                return true;
            }
            if (seen.add(next) && cycle(start, next, calls, path, seen)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        return false;
    }

    /** Every bucket that starts a function. */
    public static List<String> eventBuckets(ExportPlan plan) {
        List<String> buckets = new ArrayList<>();
        for (ExportPlan.Function function : plan.functions()) {
            for (ExportPlan.Event event : function.events()) {
                if (event instanceof ExportPlan.StorageEvent storage
                        && !buckets.contains(storage.bucket().id())) {
                    buckets.add(storage.bucket().id());
                }
            }
        }
        return buckets;
    }
}
