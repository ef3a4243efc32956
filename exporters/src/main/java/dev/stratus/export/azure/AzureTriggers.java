package dev.stratus.export.azure;

import dev.stratus.export.ExportException;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.Names;
import dev.stratus.export.Schedules;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.Queue;
import dev.stratus.model.StorageTrigger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trigger bindings of an {@link AzureApp}: an HTTP route (with its auth level and route
 * parameters), a timer's NCRONTAB schedule, a Storage or Service Bus queue, a blob or Event Grid
 * trigger, an event hub or a Service Bus topic subscription, each for one event of the design; and
 * the words that name the functions and methods made for each kind.
 */
final class AzureTriggers {

    private static final Pattern ROUTE_PARAMETER = Pattern.compile("\\{([^}]*)}");

    private final AzureApps apps;
    private final List<String> notes;

    AzureTriggers(AzureApps apps) {
        this.apps = apps;
        this.notes = apps.notes;
    }

    /** The trigger binding of the Azure function for one event of the design's function. */
    AzureApp.Trigger trigger(ExportPlan.Function function, ExportPlan.Event event) throws ExportException {
        if (event instanceof ExportPlan.Http http) {
            return httpTrigger(function, http);
        }
        if (event instanceof ExportPlan.Schedule schedule) {
            String scheduleName = schedule.trigger().name().isBlank()
                    ? schedule.trigger().id()
                    : schedule.trigger().name();
            Schedules.Converted cron = Schedules.ncrontab(schedule.expression(), scheduleName);
            if (cron.note() != null) {
                notes.add(cron.note());
            }
            return AzureApp.Trigger.of(AzureApp.TriggerKind.TIMER, null, cron.expression(), null);
        }
        if (event instanceof ExportPlan.QueueMessages queue) {
            boolean fifo = queue.queue().node() instanceof Queue q && q.type() == Queue.Type.FIFO;
            AzureApp.TriggerKind kind =
                    fifo ? AzureApp.TriggerKind.SERVICE_BUS_QUEUE : AzureApp.TriggerKind.STORAGE_QUEUE;
            if (!fifo && queue.batchSize() > 1) {
                notes.add("'" + function.name() + "' takes batches of " + queue.batchSize() + " from '"
                        + queue.queue().name() + "'; a Storage queue function gets one message per call, and the"
                        + " host fetches up to host.json queues.batchSize (at most 32) at once and runs them in"
                        + " parallel.");
            }
            if (fifo) {
                notes.add("The FIFO queue '" + queue.queue().name() + "' is a Service Bus queue with sessions: senders"
                        + " set the session id, as they set the message group id on SQS.");
            }
            return new AzureApp.Trigger(
                    kind,
                    apps.resourceName(queue.queue()),
                    null,
                    fifo ? AzureApp.SERVICE_BUS_CONNECTION : AzureApp.STORAGE_CONNECTION,
                    List.of(),
                    false,
                    List.of(),
                    queue.batchSize());
        }
        if (event instanceof ExportPlan.StorageEvent storage) {
            return storageTrigger(function, storage);
        }
        if (event instanceof ExportPlan.StreamRecords stream) {
            return new AzureApp.Trigger(
                    AzureApp.TriggerKind.EVENT_HUB,
                    apps.resourceName(stream.stream()),
                    null,
                    AzureApp.EVENT_HUB_CONNECTION,
                    List.of(),
                    false,
                    List.of(),
                    stream.batchSize());
        }
        ExportPlan.TopicMessages topic = (ExportPlan.TopicMessages) event;
        String subscription = Names.kebab(function.name(), "subscription", 50);
        return AzureApp.Trigger.of(
                AzureApp.TriggerKind.SERVICE_BUS_TOPIC,
                apps.resourceName(topic.topic()),
                subscription,
                AzureApp.SERVICE_BUS_CONNECTION);
    }

    private AzureApp.Trigger httpTrigger(ExportPlan.Function function, ExportPlan.Http http) {
        ApiGateway gateway = http.gateway();
        boolean functionKey = false;
        if (gateway != null) {
            switch (gateway.auth()) {
                case API_KEY -> functionKey = true;
                case JWT, IAM ->
                    notes.add("The gateway '" + gateway.name() + "' checks "
                            + gateway.auth().id() + " auth; the"
                            + " exported HTTP functions are anonymous: turn on App Service authentication (Easy"
                            + " Auth) or put API Management in front.");
                case NONE -> {}
            }
            if (gateway.cache() != null) {
                notes.add("The gateway '" + gateway.name() + "' caches responses; Azure Functions has no response"
                        + " cache: use API Management's cache policy.");
            }
        }
        List<AzureApp.RouteParameter> parameters = new ArrayList<>();
        String route = route(http.path(), parameters);
        if (route.isEmpty()) {
            notes.add("'" + function.name() + "' is reached at the root path /; Azure routes it at /"
                    + apps.functionNames.get(function.id()) + " (a route may not be empty).");
            route = apps.functionNames.get(function.id());
        }
        List<String> methods = http.method().equals("ANY") ? List.of() : List.of(http.method());
        return new AzureApp.Trigger(AzureApp.TriggerKind.HTTP, null, route, null, methods, functionKey, parameters, 1);
    }

    /** The Azure route for a gateway path, {@link #route(String, List)}. */
    static String route(String path) {
        return route(path, new ArrayList<>());
    }

    /**
     * The Azure route for a gateway path: no leading slash, {@code {proxy+}} becomes the catch-all
     * {@code {*proxy}}, and parameter names become Java identifiers (route and code agree).
     */
    static String route(String path, List<AzureApp.RouteParameter> parameters) {
        String route = path.startsWith("/") ? path.substring(1) : path;
        while (route.endsWith("/")) {
            route = route.substring(0, route.length() - 1);
        }
        Names.Unique names =
                new Names.Unique("", 60).reserve("request").reserve("context").reserve("event");
        Matcher m = ROUTE_PARAMETER.matcher(route);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String inner = m.group(1);
            boolean greedy = inner.endsWith("+") || inner.startsWith("*");
            String name = names.next(Names.camel(inner, "param"));
            parameters.add(new AzureApp.RouteParameter(name, name));
            m.appendReplacement(out, Matcher.quoteReplacement("{" + (greedy ? "*" : "") + name + "}"));
        }
        m.appendTail(out);
        // A brace left alone (no pair) cannot be a route template; drop it.
        String result = out.toString();
        String withoutParameters = ROUTE_PARAMETER.matcher(result).replaceAll("");
        if (withoutParameters.contains("{") || withoutParameters.contains("}")) {
            result = result.replaceAll("\\{(?![*A-Za-z])", "").replaceAll("(?<![A-Za-z0-9])}", "");
        }
        return result;
    }

    private AzureApp.Trigger storageTrigger(ExportPlan.Function function, ExportPlan.StorageEvent storage) {
        String container = apps.resourceName(storage.bucket());
        String path = container + "/" + escapeBlobPath(storage.prefix()) + "{name}" + escapeBlobPath(storage.suffix());
        if (storage.event() == StorageTrigger.Event.DELETED) {
            notes.add("'" + function.name() + "' runs when a blob is deleted from '"
                    + storage.bucket().name() + "'. A"
                    + " blob trigger only sees new and changed blobs, so it is an Event Grid trigger: create the"
                    + " event subscription for Microsoft.Storage.BlobDeleted after deploying (README).");
            return AzureApp.Trigger.of(AzureApp.TriggerKind.EVENT_GRID, container, path, null);
        }
        if (apps.flex) {
            notes.add("On Flex Consumption a blob trigger must use Event Grid as its source; '" + function.name()
                    + "' does (source EventGrid): create the event subscription after deploying (README).");
        }
        return AzureApp.Trigger.of(AzureApp.TriggerKind.BLOB, container, path, AzureApp.STORAGE_CONNECTION);
    }

    /** Braces are binding expressions in a blob path; a literal brace is written twice. */
    private static String escapeBlobPath(String part) {
        return part.replace("{", "{{").replace("}", "}}");
    }

    static String suffix(AzureApp.TriggerKind kind) {
        return switch (kind) {
            case HTTP -> "http";
            case TIMER -> "timer";
            case STORAGE_QUEUE, SERVICE_BUS_QUEUE -> "queue";
            case SERVICE_BUS_TOPIC -> "topic";
            case BLOB -> "blob";
            case EVENT_GRID -> "blob-deleted";
            case EVENT_HUB -> "stream";
        };
    }

    static String methodWord(AzureApp.TriggerKind kind) {
        return switch (kind) {
            case HTTP -> "http";
            case TIMER -> "timer";
            case STORAGE_QUEUE, SERVICE_BUS_QUEUE -> "queue";
            case SERVICE_BUS_TOPIC -> "topic";
            case BLOB -> "blob";
            case EVENT_GRID -> "blobDeleted";
            case EVENT_HUB -> "stream";
        };
    }
}
