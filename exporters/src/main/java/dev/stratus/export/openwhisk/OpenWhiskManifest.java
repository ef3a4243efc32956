package dev.stratus.export.openwhisk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stratus.export.Documents;
import dev.stratus.export.ExportException;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.Names;
import dev.stratus.export.Schedules;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.ExternalApi;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Node;
import dev.stratus.model.Project;
import dev.stratus.model.StorageTrigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The wskdeploy {@code manifest.yaml} of an export, built up event by event: one package with an
 * action per function, a trigger per event source with its feed, a rule per trigger and action, and
 * the API routes. Package, trigger and rule names share the namespace, so they are unique together
 * and at most {@link #MAX_ENTITY_NAME} characters; memory is in MB and timeouts in milliseconds,
 * clamped to what OpenWhisk allows.
 */
final class OpenWhiskManifest {

    static final int MIN_MEMORY_MB = 128;
    static final int MAX_MEMORY_MB = 2048;
    static final long MIN_TIMEOUT_MS = 100;
    static final long MAX_TIMEOUT_MS = 600_000;
    static final int MAX_CONCURRENCY = 500;
    static final String ALARM_FEED = "/whisk.system/alarms/alarm";
    static final String MESSAGE_HUB_FEED = "/whisk.system/messaging/messageHubFeed";
    static final String COS_FEED = "/whisk.system/cos/changes";
    static final int MAX_ENTITY_NAME = 256;

    /** Values wskdeploy reads as a parameter's type rather than its value in the one-line form. */
    private static final Set<String> TYPE_WORDS =
            Set.of("string", "integer", "float", "boolean", "json", "number", "version", "scalar-unit");

    /** One OpenWhisk trigger: a feed with its inputs, and the actions its rules start. */
    record Trigger(String name, String feed, ObjectNode inputs, String describe, List<String> actions) {}

    /** One API route as the manifest writes it. */
    record ApiRoute(String api, String basePath, String relativePath, String method, String action) {}

    private final List<String> notes;
    private final String packageName;
    private final String javaPackage;
    private final String artifact;
    private final Names.Unique namespaceNames = new Names.Unique("-", MAX_ENTITY_NAME);
    private final Map<String, String> actionNames = new LinkedHashMap<>();
    private final Map<String, Trigger> triggers = new LinkedHashMap<>();
    private final List<ApiRoute> routes = new ArrayList<>();
    private final Set<String> kafkaInputs = new LinkedHashSet<>();
    private boolean cosFeed;
    private final Map<String, String> basePaths = new LinkedHashMap<>();
    private final Names.Unique basePathNames = new Names.Unique("-", 100);

    OpenWhiskManifest(Project project, String javaPackage, String artifact, List<String> notes) {
        this.notes = notes;
        this.packageName = namespaceNames.next(Names.kebab(project.name(), "stratus-app", MAX_ENTITY_NAME));
        this.javaPackage = javaPackage;
        this.artifact = artifact;
    }

    /** Gives every function its action name; call before {@link #event}. */
    void nameActions(List<ExportPlan.Function> functions) {
        Names.Unique actionUnique = new Names.Unique("-", MAX_ENTITY_NAME);
        for (ExportPlan.Function function : functions) {
            actionNames.put(function.id(), actionUnique.next(Names.kebab(function.name(), "function", 200)));
        }
    }

    String actionName(String functionId) {
        return actionNames.get(functionId);
    }

    /** Records what the event needs (trigger, rule, API route) and describes it for the README. */
    String event(ExportPlan.Function function, ExportPlan.Event event) throws ExportException {
        String action = actionName(function.id());
        if (event instanceof ExportPlan.Http http) {
            if (http.gateway() == null) {
                notes.add("'" + function.name() + "' is called over HTTP directly: it is a web action at"
                        + " https://<apihost>/api/v1/web/<namespace>/" + packageName + "/" + action
                        + ".http, which answers every method and path below it (the design's " + http.method()
                        + " " + http.path() + " is not enforced).");
                return "HTTP: web action " + packageName + "/" + action + ".http (" + http.method() + " " + http.path()
                        + " in the design)";
            }
            return route(function, http, action);
        }
        if (event instanceof ExportPlan.Schedule schedule) {
            Schedules.Converted cron = Schedules.unixCron(schedule.expression(), nodeName(schedule.trigger()));
            if (cron.note() != null) {
                notes.add(cron.note());
            }
            ObjectNode inputs = Documents.object().put("cron", cron.expression());
            Trigger trigger =
                    trigger(schedule.trigger(), ALARM_FEED, inputs, "alarm, cron " + cron.expression() + " (UTC)");
            trigger.actions().add(action);
            return "trigger " + trigger.name() + ": alarm, cron " + cron.expression() + " (UTC; was "
                    + schedule.trigger().expression() + ")";
        }
        if (event instanceof ExportPlan.StorageEvent storage) {
            cosFeed = true;
            String bucket = resourceName(storage.bucket());
            ObjectNode inputs = Documents.object().put("bucket", bucket).put("endpoint", "$COS_ENDPOINT");
            if (!storage.prefix().isEmpty()) {
                inputs.put("prefix", storage.prefix());
            }
            if (!storage.suffix().isEmpty()) {
                inputs.put("suffix", storage.suffix());
            }
            String eventType = storage.event() == StorageTrigger.Event.DELETED ? "delete" : "write";
            inputs.put("event_types", eventType);
            Trigger trigger = trigger(
                    storage.bucket().node(),
                    COS_FEED,
                    inputs,
                    "Cloud Object Storage " + eventType + " in bucket " + bucket);
            trigger.actions().add(action);
            return "trigger " + trigger.name() + ": object " + (eventType.equals("write") ? "written" : "deleted")
                    + " in bucket " + bucket + filter(storage);
        }
        ExportPlan.Resource source;
        String what;
        if (event instanceof ExportPlan.QueueMessages queue) {
            source = queue.queue();
            what = "queue";
            batchNote(function, queue.batchSize(), queue.windowSeconds(), source);
        } else if (event instanceof ExportPlan.StreamRecords stream) {
            source = stream.stream();
            what = "stream";
            batchNote(function, stream.batchSize(), stream.windowSeconds(), source);
        } else {
            source = ((ExportPlan.TopicMessages) event).topic();
            what = "topic";
        }
        String topic = resourceName(source);
        ObjectNode inputs = Documents.object()
                .put("topic", topic)
                .put("isJSONData", true)
                .put("kafka_brokers_sasl", "$KAFKA_BROKERS_SASL")
                .put("user", "$KAFKA_USER")
                .put("password", "$KAFKA_PASSWORD")
                .put("kafka_admin_url", "$KAFKA_ADMIN_URL");
        kafkaInputs.add(what);
        Trigger trigger = trigger(source.node(), MESSAGE_HUB_FEED, inputs, "Event Streams topic " + topic);
        trigger.actions().add(action);
        return "trigger " + trigger.name() + ": messages on the Kafka topic " + topic + " (the " + what + " '"
                + source.name() + "')";
    }

    private static String filter(ExportPlan.StorageEvent storage) {
        List<String> parts = new ArrayList<>();
        if (!storage.prefix().isEmpty()) {
            parts.add("prefix " + storage.prefix());
        }
        if (!storage.suffix().isEmpty()) {
            parts.add("suffix " + storage.suffix());
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private void batchNote(ExportPlan.Function function, int size, double window, ExportPlan.Resource source) {
        if (size > 1 || window > 0) {
            notes.add("'" + function.name() + "' reads '" + source.name() + "' in batches of up to " + size
                    + (window > 0 ? " within " + window + " s" : "") + "; the Event Streams feed fires the"
                    + " trigger with the batches it polls, whose size it decides itself.");
        }
    }

    private Trigger trigger(Node source, String feed, ObjectNode inputs, String describe) {
        Trigger existing = triggers.get(source.id());
        if (existing != null) {
            return existing;
        }
        String name = namespaceNames.next(Names.kebab(nodeName(source), "trigger", 200));
        Trigger trigger = new Trigger(name, feed, inputs, describe, new ArrayList<>());
        triggers.put(source.id(), trigger);
        return trigger;
    }

    private String route(ExportPlan.Function function, ExportPlan.Http http, String action) {
        ApiGateway gateway = http.gateway();
        String api = Names.kebab(nodeName(gateway), "api", MAX_ENTITY_NAME);
        String basePath = basePath(gateway);
        String relative = http.path().startsWith("/") ? http.path().substring(1) : http.path();
        String where = http.method() + " /" + basePath + http.path() + " on the API " + api;
        if (relative.isEmpty()) {
            notes.add("The route " + http.method() + " " + http.path() + " to '" + function.name() + "' is the"
                    + " API's root, which a wskdeploy API cannot name; call the web action " + packageName + "/"
                    + action + " instead, or add a path.");
            return "HTTP: web action " + packageName + "/" + action + ".http (the route " + http.method() + " "
                    + http.path() + " is not exported)";
        }
        if (http.method().equals("ANY")) {
            notes.add("The route ANY " + http.path() + " to '" + function.name() + "' is not an API route: an"
                    + " OpenWhisk API route has one method. The web action " + packageName + "/" + action
                    + ".http answers every method.");
            return "HTTP: web action " + packageName + "/" + action + ".http (ANY " + http.path() + " in the design)";
        }
        if (gateway.auth() != ApiGateway.Auth.NONE) {
            String note = "The API '" + nodeName(gateway) + "' checks callers ("
                    + gateway.auth().id() + ");"
                    + " the exported routes are open: add an API key or OAuth in the API Gateway, or the"
                    + " require-whisk-auth annotation on the web actions.";
            if (!notes.contains(note)) {
                notes.add(note);
            }
        }
        String apiName = api;
        for (int n = 2; taken(apiName, basePath, relative, action); n++) {
            apiName = api + "-" + n;
        }
        routes.add(new ApiRoute(apiName, basePath, relative, http.method(), action));
        return "HTTP: " + where;
    }

    private String basePath(ApiGateway gateway) {
        return basePaths.computeIfAbsent(
                gateway.id(), id -> basePathNames.next(Names.kebab(nodeName(gateway), "api", 100)));
    }

    private boolean taken(String api, String basePath, String relative, String action) {
        return routes.stream()
                .anyMatch(r -> r.api().equals(api)
                        && r.basePath().equals(basePath)
                        && r.relativePath().equals(relative)
                        && r.action().equals(action));
    }

    static int memory(FunctionNode node) {
        return Math.max(MIN_MEMORY_MB, Math.min(MAX_MEMORY_MB, node.memoryMb()));
    }

    static long timeout(FunctionNode node) {
        return Math.max(MIN_TIMEOUT_MS, Math.min(MAX_TIMEOUT_MS, Math.round(node.timeoutSeconds() * 1000)));
    }

    /** The name a service is created with: what the connected functions get in their inputs. */
    static String resourceName(ExportPlan.Resource resource) {
        if (resource.node() instanceof ExternalApi api && !api.url().isBlank()) {
            return api.url();
        }
        return Names.kebab(
                resource.name(), resource.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), 63);
    }

    static String nodeName(Node node) {
        return node.name().isBlank() ? node.id() : node.name();
    }

    private String value(ExportPlan.Variable variable) {
        if (!variable.isReference()) {
            return variable.literal();
        }
        ExportPlan.Connection connection = variable.reference();
        if (connection.resource() != null) {
            return resourceName(connection.resource());
        }
        return packageName + "/" + actionName(connection.function().id());
    }

    /** The manifest document, with an action per entry of {@code actions}; call once, after every {@link #event}. */
    ObjectNode document(List<ActionSources.Action> actions) {
        ObjectNode pkg = Documents.object();
        pkg.put("version", "1.0.0");
        pkg.put("license", "Apache-2.0");
        ObjectNode actionsNode = pkg.putObject("actions");
        for (ActionSources.Action action : actions) {
            FunctionNode node = action.function().node();
            ObjectNode entry = actionsNode.putObject(action.actionName());
            entry.put("function", "target/" + artifact + ".jar");
            entry.put("runtime", "java");
            entry.put("main", javaPackage + "." + action.className());
            ObjectNode limits = entry.putObject("limits");
            limits.put("memorySize", memory(node));
            limits.put("timeout", timeout(node));
            if (node.instanceConcurrency() > 1) {
                limits.put("concurrentActivations", Math.min(node.instanceConcurrency(), MAX_CONCURRENCY));
            }
            if (!action.function().environment().isEmpty()) {
                ObjectNode inputs = entry.putObject("inputs");
                for (ExportPlan.Variable variable : action.function().environment()) {
                    String value = value(variable);
                    if (TYPE_WORDS.contains(value.strip().toLowerCase(Locale.ROOT))) {
                        // The one-line form would read it as a type: give value and type explicitly.
                        inputs.putObject(variable.name()).put("value", value).put("type", "string");
                    } else {
                        inputs.put(variable.name(), value);
                    }
                }
            }
            if (action.function().events().stream().anyMatch(e -> e instanceof ExportPlan.Http)) {
                entry.putObject("annotations").put("web-export", true).put("final", true);
            }
        }
        if (!triggers.isEmpty()) {
            ObjectNode triggersNode = pkg.putObject("triggers");
            ObjectNode rulesNode = pkg.putObject("rules");
            for (Trigger trigger : triggers.values()) {
                ObjectNode entry = triggersNode.putObject(trigger.name());
                entry.put("feed", trigger.feed());
                entry.set("inputs", trigger.inputs());
                for (String action : trigger.actions()) {
                    String rule = namespaceNames.next(Names.kebab(trigger.name() + "-" + action, "rule", 200));
                    rulesNode.putObject(rule).put("trigger", trigger.name()).put("action", action);
                }
            }
        }
        if (!routes.isEmpty()) {
            ObjectNode apis = pkg.putObject("apis");
            for (ApiRoute route : routes) {
                ObjectNode api =
                        apis.has(route.api()) ? (ObjectNode) apis.get(route.api()) : apis.putObject(route.api());
                ObjectNode base = api.has(route.basePath())
                        ? (ObjectNode) api.get(route.basePath())
                        : api.putObject(route.basePath());
                ObjectNode relative = base.has(route.relativePath())
                        ? (ObjectNode) base.get(route.relativePath())
                        : base.putObject(route.relativePath());
                relative.putObject(route.action()).put("method", route.method()).put("response", "http");
            }
        }
        ObjectNode root = Documents.object();
        root.putObject("packages").set(packageName, pkg);
        return root;
    }

    String packageName() {
        return packageName;
    }

    Map<String, Trigger> triggers() {
        return triggers;
    }

    List<ApiRoute> routes() {
        return routes;
    }

    Set<String> kafkaInputs() {
        return kafkaInputs;
    }

    boolean cosFeed() {
        return cosFeed;
    }
}
