package dev.stratus.export.azure;

import dev.stratus.export.ExportException;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.MavenPom;
import dev.stratus.export.Names;
import dev.stratus.export.UserCode;
import dev.stratus.model.Provider;
import dev.stratus.model.Queue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Works out the {@link AzureApp} for a plan: Azure names for the app, functions, classes and
 * resources, and the output bindings; the triggers come from {@link AzureTriggers}, the Java version
 * and scale from {@link AzureScale}, the app settings from {@link AzureSettings}.
 *
 * <p>Choices: a standard queue is a Storage queue (same storage account as the app, no extra
 * service, at-least-once like SQS), a FIFO queue a Service Bus queue with sessions (the only Azure
 * queue that keeps order); a topic is a Service Bus topic with one subscription per function (it
 * needs nothing created after deployment, unlike an Event Grid subscription, which must point at the
 * deployed function); a table is an Azure Table storage table (key-value, like DynamoDB, in the app's
 * storage account); a stream is an Event Hub; a bucket is a Blob Storage container.
 */
final class AzureApps {

    final ExportPlan plan;
    /** Whether the app runs on the Flex Consumption plan. */
    final boolean flex;

    final List<String> notes = new ArrayList<>();
    /** The Azure name of each function (of its first Azure function), by node id. */
    final Map<String, String> functionNames = new LinkedHashMap<>();
    /** The HTTP route of each function reached over HTTP, by node id. */
    final Map<String, String> httpPaths = new LinkedHashMap<>();

    private final Map<String, String> resourceNames = new LinkedHashMap<>();

    private AzureApps(ExportPlan plan) {
        this.plan = plan;
        this.flex = plan.project().provider() == Provider.AZURE_FLEX;
    }

    static AzureApp of(ExportPlan plan) throws ExportException {
        return new AzureApps(plan).build();
    }

    /** The function app's name: letters, digits and hyphens, 2 to 60, no hyphen at either end. */
    static String appName(String projectName) {
        String name = Names.kebab(projectName, "stratus-app", 60);
        return name.length() < 2 ? name + "-app" : name;
    }

    private AzureApp build() throws ExportException {
        String appName = appName(plan.project().name());
        String basePackage = MavenPom.basePackage(plan.project());
        nameResources();
        AzureScale scale = new AzureScale(this);
        AzureTriggers triggers = new AzureTriggers(this);
        int javaVersion = scale.javaVersion();

        Names.Unique azureNames = new Names.Unique("-", 127);
        Names.Unique classNames = new Names.Unique("", 60).reserve("Json");
        List<AzureApp.FunctionClass> classes = new ArrayList<>();
        for (ExportPlan.Function function : plan.functions()) {
            String base = Names.kebab(function.name(), "function", 120);
            functionNames.put(function.id(), azureNames.next(base));
            for (ExportPlan.Event event : function.events()) {
                if (event instanceof ExportPlan.Http http) {
                    httpPaths.putIfAbsent(function.id(), AzureTriggers.route(http.path()));
                }
            }
        }
        azureNames = new Names.Unique("-", 127);
        for (ExportPlan.Function function : plan.functions()) {
            azureNames.reserve(functionNames.get(function.id()));
        }
        for (ExportPlan.Function function : plan.functions()) {
            String className = classNames.next(Names.pascal(function.name(), "Function") + "Function");
            List<AzureApp.AzureFunction> functions = new ArrayList<>();
            Names.Unique methods = new Names.Unique("", 60);
            for (ExportPlan.Event event : function.events()) {
                AzureApp.Trigger trigger = triggers.trigger(function, event);
                String name = functions.isEmpty()
                        ? functionNames.get(function.id())
                        : azureNames.next(
                                functionNames.get(function.id()) + "-" + AzureTriggers.suffix(trigger.kind()));
                String methodName = methods.next(AzureTriggers.methodWord(trigger.kind()));
                functions.add(new AzureApp.AzureFunction(name, methodName, trigger, event));
            }
            if (functions.size() > 1) {
                notes.add("'" + function.name() + "' has " + functions.size() + " triggers; an Azure function has"
                        + " one, so it is exported as " + functions.size() + " functions ("
                        + String.join(
                                ", ",
                                functions.stream()
                                        .map(AzureApp.AzureFunction::name)
                                        .toList())
                        + ") in one class.");
            }
            if (functions.isEmpty()) {
                notes.add("'" + function.name() + "' has no trigger in the design; Azure cannot deploy a function"
                        + " without one, so it is exported as an HTTP function at /" + functionNames.get(function.id())
                        + ".");
                String path = "/" + functionNames.get(function.id());
                ExportPlan.Http http = new ExportPlan.Http("ANY", path, null);
                functions.add(new AzureApp.AzureFunction(
                        functionNames.get(function.id()), "http", triggers.trigger(function, http), http));
            }
            UserCode code = UserCode.of(function.node(), basePackage).orElse(null);
            classes.add(new AzureApp.FunctionClass(function, className, functions, outputs(function), code));
            scale.concurrency(function);
        }
        scale.concurrencyForApp();
        List<AzureApp.Setting> settings = new AzureSettings(this).settings(appName);
        return new AzureApp(appName, basePackage, flex, javaVersion, classes, settings, notes);
    }

    // ---- names of resources ----

    private void nameResources() {
        Map<ExportPlan.ResourceKind, Names.Unique> unique = new LinkedHashMap<>();
        for (ExportPlan.Resource resource : plan.resources()) {
            Names.Unique names = unique.computeIfAbsent(
                    resource.kind(), k -> new Names.Unique(k == ExportPlan.ResourceKind.TABLE ? "" : "-", 63));
            String name = switch (resource.kind()) {
                case TABLE -> tableName(resource.name());
                case QUEUE -> storageName(resource.name(), "queue");
                case BUCKET -> storageName(resource.name(), "container");
                case TOPIC -> storageName(resource.name(), "topic");
                case STREAM -> storageName(resource.name(), "events");
                case EMAIL, EXTERNAL_API -> null;
            };
            if (name != null) {
                String azureName = names.next(name);
                resourceNames.put(resource.id(), azureName);
                if (!azureName.equals(resource.name())) {
                    notes.add("'" + resource.name() + "' is named '" + azureName + "' on Azure, which accepts "
                            + (resource.kind() == ExportPlan.ResourceKind.TABLE
                                    ? "only letters and digits in table names."
                                    : "lower-case letters, digits and single hyphens here."));
                }
            }
        }
    }

    /**
     * A name that Storage queues and containers accept (and Service Bus and Event Hubs too): lower-case
     * letters, digits and single hyphens, 3 to 63 characters, starting with a letter.
     */
    static String storageName(String name, String fallback) {
        String kebab = Names.kebab(name, fallback, 63);
        return kebab.length() < 3 ? kebab + "-" + fallback : kebab;
    }

    /** A name Table storage accepts: letters and digits, 3 to 63, starting with a letter. */
    static String tableName(String name) {
        String joined = String.join("", Names.words(name));
        if (joined.isEmpty() || !Character.isLetter(joined.charAt(0))) {
            joined = "table" + joined;
        }
        if (joined.length() < 3) {
            joined = joined + "table";
        }
        return joined.length() > 63 ? joined.substring(0, 63) : joined;
    }

    /** The Azure name of a service or trigger resource. */
    String resourceName(ExportPlan.Resource resource) {
        return Objects.requireNonNull(resourceNames.get(resource.id()), resource.id());
    }

    // ---- outputs ----

    private List<AzureApp.Output> outputs(ExportPlan.Function function) {
        List<AzureApp.Output> outputs = new ArrayList<>();
        Names.Unique names = new Names.Unique("", 60);
        for (String reserved :
                List.of("request", "context", "event", "message", "timerInfo", "content", "name", "records", "body")) {
            names.reserve(reserved);
        }
        for (ExportPlan.Connection connection : function.connections()) {
            ExportPlan.Resource resource = connection.resource();
            if (resource == null) {
                continue;
            }
            AzureApp.OutputKind kind = null;
            String connectionSetting = AzureApp.STORAGE_CONNECTION;
            switch (resource.kind()) {
                case QUEUE -> {
                    boolean fifo = resource.node() instanceof Queue q && q.type() == Queue.Type.FIFO;
                    kind = fifo ? AzureApp.OutputKind.SERVICE_BUS_QUEUE : AzureApp.OutputKind.STORAGE_QUEUE;
                    connectionSetting = fifo ? AzureApp.SERVICE_BUS_CONNECTION : AzureApp.STORAGE_CONNECTION;
                }
                case TOPIC -> {
                    kind = AzureApp.OutputKind.SERVICE_BUS_TOPIC;
                    connectionSetting = AzureApp.SERVICE_BUS_CONNECTION;
                }
                case TABLE -> kind = AzureApp.OutputKind.TABLE;
                case EMAIL ->
                    notes.add("'" + function.name() + "' sends email through '" + resource.name() + "': on Azure use"
                            + " Azure Communication Services Email (or SendGrid) and add its connection as an app"
                            + " setting.");
                default -> {}
            }
            if (kind != null) {
                String word = switch (kind) {
                    case STORAGE_QUEUE, SERVICE_BUS_QUEUE -> "queue";
                    case SERVICE_BUS_TOPIC -> "topic";
                    case TABLE -> "table";
                };
                String camel = Names.camel(resource.name(), word);
                if (!camel.toLowerCase(Locale.ROOT).endsWith(word)) {
                    camel = camel + Character.toUpperCase(word.charAt(0)) + word.substring(1);
                }
                String javaName = names.next(camel);
                outputs.add(new AzureApp.Output(kind, javaName, resourceName(resource), connectionSetting));
            }
        }
        for (ExportPlan.Connection connection : function.connections()) {
            if (connection.function() != null) {
                String target = functionNames.get(connection.function().id());
                notes.add("'" + function.name() + "' calls '"
                        + connection.function().name() + "'"
                        + (connection.async() ? " without waiting" : "") + "; an Azure function cannot invoke another"
                        + " directly: "
                        + (httpPaths.containsKey(connection.function().id())
                                ? connection.variable() + " holds its URL (HTTP)"
                                : connection.variable() + " holds its name (" + target + "); put a queue between"
                                        + " them"
                                        + ".")
                        + (httpPaths.containsKey(connection.function().id()) ? "." : ""));
            }
        }
        return outputs;
    }
}
