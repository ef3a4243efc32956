package dev.stratus.export.azure;

import dev.stratus.export.ExportException;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.MavenPom;
import dev.stratus.export.Names;
import dev.stratus.export.Schedules;
import dev.stratus.export.UserCode;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.ExternalApi;
import dev.stratus.model.Provider;
import dev.stratus.model.Queue;
import dev.stratus.model.StorageTrigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out the {@link AzureApp} for a plan: Azure names for the app, functions, classes and
 * resources, the trigger and output bindings, and the app settings.
 *
 * <p>Choices: a standard queue is a Storage queue (same storage account as the app, no extra
 * service, at-least-once like SQS), a FIFO queue a Service Bus queue with sessions (the only Azure
 * queue that keeps order); a topic is a Service Bus topic with one subscription per function (it
 * needs nothing created after deployment, unlike an Event Grid subscription, which must point at the
 * deployed function); a table is an Azure Table storage table (key-value, like DynamoDB, in the app's
 * storage account); a stream is an Event Hub; a bucket is a Blob Storage container.
 */
final class AzureApps {

    private static final Pattern ROUTE_PARAMETER = Pattern.compile("\\{([^}]*)}");

    private final ExportPlan plan;
    private final boolean flex;
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> resourceNames = new LinkedHashMap<>();
    private final Map<String, String> functionNames = new LinkedHashMap<>();
    private final Map<String, String> httpPaths = new LinkedHashMap<>();

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
        int javaVersion = javaVersion();

        Names.Unique azureNames = new Names.Unique("-", 127);
        Names.Unique classNames = new Names.Unique("", 60).reserve("Json");
        List<AzureApp.FunctionClass> classes = new ArrayList<>();
        for (ExportPlan.Function function : plan.functions()) {
            String base = Names.kebab(function.name(), "function", 120);
            functionNames.put(function.id(), azureNames.next(base));
            for (ExportPlan.Event event : function.events()) {
                if (event instanceof ExportPlan.Http http) {
                    httpPaths.putIfAbsent(function.id(), route(http.path()));
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
                AzureApp.Trigger trigger = trigger(function, event);
                String name = functions.isEmpty()
                        ? functionNames.get(function.id())
                        : azureNames.next(functionNames.get(function.id()) + "-" + suffix(trigger.kind()));
                String methodName = methods.next(methodWord(trigger.kind()));
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
                        functionNames.get(function.id()), "http", trigger(function, http), http));
            }
            UserCode code = UserCode.of(function.node(), basePackage).orElse(null);
            classes.add(new AzureApp.FunctionClass(function, className, functions, outputs(function), code));
            concurrency(function);
        }
        concurrencyForApp();
        List<AzureApp.Setting> settings = settings(appName);
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
    private String resourceName(ExportPlan.Resource resource) {
        return Objects.requireNonNull(resourceNames.get(resource.id()), resource.id());
    }

    // ---- triggers ----

    private AzureApp.Trigger trigger(ExportPlan.Function function, ExportPlan.Event event) throws ExportException {
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
                    resourceName(queue.queue()),
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
                    resourceName(stream.stream()),
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
                resourceName(topic.topic()),
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
                    + functionNames.get(function.id()) + " (a route may not be empty).");
            route = functionNames.get(function.id());
        }
        List<String> methods = http.method().equals("ANY") ? List.of() : List.of(http.method());
        return new AzureApp.Trigger(AzureApp.TriggerKind.HTTP, null, route, null, methods, functionKey, parameters, 1);
    }

    private static String route(String path) {
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
        String container = resourceName(storage.bucket());
        String path = container + "/" + escapeBlobPath(storage.prefix()) + "{name}" + escapeBlobPath(storage.suffix());
        if (storage.event() == StorageTrigger.Event.DELETED) {
            notes.add("'" + function.name() + "' runs when a blob is deleted from '"
                    + storage.bucket().name() + "'. A"
                    + " blob trigger only sees new and changed blobs, so it is an Event Grid trigger: create the"
                    + " event subscription for Microsoft.Storage.BlobDeleted after deploying (README).");
            return AzureApp.Trigger.of(AzureApp.TriggerKind.EVENT_GRID, container, path, null);
        }
        if (flex) {
            notes.add("On Flex Consumption a blob trigger must use Event Grid as its source; '" + function.name()
                    + "' does (source EventGrid): create the event subscription after deploying (README).");
        }
        return AzureApp.Trigger.of(AzureApp.TriggerKind.BLOB, container, path, AzureApp.STORAGE_CONNECTION);
    }

    /** Braces are binding expressions in a blob path; a literal brace is written twice. */
    private static String escapeBlobPath(String part) {
        return part.replace("{", "{{").replace("}", "}}");
    }

    private static String suffix(AzureApp.TriggerKind kind) {
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

    private static String methodWord(AzureApp.TriggerKind kind) {
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

    // ---- runtime, scale ----

    private int javaVersion() {
        int highest = 0;
        for (ExportPlan.Function function : plan.functions()) {
            highest = Math.max(highest, function.javaVersion());
        }
        int version = highest >= 21 ? 21 : 17;
        if (highest != version) {
            notes.add("The functions ask for Java " + highest + "; Azure Functions runs Java " + version
                    + " here (the code is compiled for Java 17).");
        }
        boolean mixed = plan.functions().stream()
                        .map(ExportPlan.Function::javaVersion)
                        .distinct()
                        .count()
                > 1;
        if (mixed) {
            notes.add("The functions use different Java runtimes; a function app has one, Java " + version + ".");
        }
        return version;
    }

    private void concurrency(ExportPlan.Function function) {
        Integer reserved = function.node().reservedConcurrency();
        if (reserved != null && reserved == 0) {
            notes.add("'" + function.name() + "' has a reserved concurrency of 0 (throttled): it is exported"
                    + " disabled (app setting AzureWebJobs." + functionNames.get(function.id()) + ".Disabled).");
        }
        if (function.node().instanceConcurrency() > 1) {
            notes.add("'" + function.name() + "' serves " + function.node().instanceConcurrency() + " requests per"
                    + " instance; Azure Functions runs several executions per instance by default (host.json"
                    + " concurrency settings tune it).");
        }
    }

    private void concurrencyForApp() {
        int provisioned = 0;
        int memory = 0;
        for (ExportPlan.Function function : plan.functions()) {
            provisioned = Math.max(provisioned, function.node().provisionedConcurrency());
            memory = Math.max(memory, function.node().memoryMb());
        }
        Integer limit = scaleLimit();
        if (limit != null) {
            notes.add("Reserved concurrency " + limit + " becomes an instance limit for the whole app ("
                    + (flex
                            ? "maximumInstances in pom.xml"
                            : "functionAppScaleLimit, set after deploying, see the README")
                    + "); it limits instances, not executions per instance.");
        } else if (plan.functions().stream().anyMatch(f -> positive(f.node().reservedConcurrency()))) {
            notes.add("Some functions have a reserved concurrency and others none; Azure limits the scale of a whole"
                    + " function app, not of one function, so no limit is set (README).");
        }
        if (provisioned > 0) {
            notes.add(
                    flex
                            ? "Provisioned concurrency " + provisioned + " becomes " + provisioned
                                    + " always-ready instances (alwaysReadyInstances in pom.xml)."
                            : "Provisioned concurrency (" + provisioned
                                    + ") has no Consumption-plan equivalent; use the Flex"
                                    + " Consumption plan (always-ready instances) or a Premium plan's minimum instances.");
        }
        if (flex) {
            int size = instanceSize(memory);
            if (size < memory) {
                notes.add("The largest function asks for " + memory + " MB; Flex Consumption instances have at most"
                        + " 4096 MB.");
            } else if (size != memory) {
                notes.add("Flex Consumption instance memory is " + size + " MB, the smallest size that fits the largest"
                        + " function (" + memory + " MB); it is the same for every function of the app.");
            }
        } else if (memory > 1536) {
            notes.add("The largest function asks for " + memory + " MB; a Consumption-plan instance has 1.5 GB for the"
                    + " whole app. Use Flex Consumption (azure-flex) or a Premium plan for more.");
        } else if (plan.functions().stream().anyMatch(f -> f.node().memoryMb() != 1536)) {
            notes.add("Memory is not set per function on the Consumption plan: every instance has 1.5 GB.");
        }
    }

    /** The app-wide instance limit: set only when every function has a reserved concurrency. */
    Integer scaleLimit() {
        int limit = 0;
        for (ExportPlan.Function function : plan.functions()) {
            Integer reserved = function.node().reservedConcurrency();
            if (!positive(reserved)) {
                return null;
            }
            limit = Math.max(limit, reserved);
        }
        return limit;
    }

    private static boolean positive(Integer value) {
        return value != null && value > 0;
    }

    /** The Flex Consumption instance memory for the largest function: 512, 2048 or 4096 MB. */
    static int instanceSize(int memoryMb) {
        if (memoryMb <= 512) {
            return 512;
        }
        return memoryMb <= 2048 ? 2048 : 4096;
    }

    // ---- settings ----

    private List<AzureApp.Setting> settings(String appName) {
        List<AzureApp.Setting> settings = new ArrayList<>();
        boolean serviceBus = false;
        boolean eventHubs = false;
        for (ExportPlan.Function function : plan.functions()) {
            for (ExportPlan.Event event : function.events()) {
                if (event instanceof ExportPlan.StreamRecords) {
                    eventHubs = true;
                } else if (event instanceof ExportPlan.TopicMessages) {
                    serviceBus = true;
                } else if (event instanceof ExportPlan.QueueMessages q
                        && q.queue().node() instanceof Queue queue
                        && queue.type() == Queue.Type.FIFO) {
                    serviceBus = true;
                }
            }
            for (ExportPlan.Connection connection : function.connections()) {
                ExportPlan.Resource resource = connection.resource();
                if (resource != null
                        && (resource.kind() == ExportPlan.ResourceKind.TOPIC
                                || (resource.node() instanceof Queue queue && queue.type() == Queue.Type.FIFO))) {
                    serviceBus = true;
                }
            }
        }
        settings.add(new AzureApp.Setting(
                AzureApp.STORAGE_CONNECTION,
                "UseDevelopmentStorage=true",
                null,
                null,
                "the app's storage account (Storage queues, blobs, tables); Azure sets it when it creates the app"));
        settings.add(new AzureApp.Setting("FUNCTIONS_WORKER_RUNTIME", "java", null, null, "the Java worker"));
        if (serviceBus) {
            settings.add(new AzureApp.Setting(
                    AzureApp.SERVICE_BUS_CONNECTION,
                    "Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;"
                            + "SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;",
                    AzureApp.SERVICE_BUS_CONNECTION + "__fullyQualifiedNamespace",
                    "${serviceBusNamespace}.servicebus.windows.net",
                    "Service Bus (queues with sessions, topics); locally the Service Bus emulator, deployed the"
                            + " namespace reached with the app's managed identity"));
        }
        if (eventHubs) {
            settings.add(new AzureApp.Setting(
                    AzureApp.EVENT_HUB_CONNECTION,
                    "Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;"
                            + "SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;",
                    AzureApp.EVENT_HUB_CONNECTION + "__fullyQualifiedNamespace",
                    "${eventHubsNamespace}.servicebus.windows.net",
                    "Event Hubs; locally the Event Hubs emulator, deployed the namespace reached with the app's"
                            + " managed identity"));
        }
        Map<String, String[]> variables = new LinkedHashMap<>();
        for (ExportPlan.Function function : plan.functions()) {
            for (ExportPlan.Variable variable : function.environment()) {
                String[] values = variableValues(variable, appName);
                String[] before = variables.putIfAbsent(variable.name(), values);
                if (before != null && !before[0].equals(values[0])) {
                    notes.add("Two functions set " + variable.name() + " to different values; app settings belong to"
                            + " the whole function app, so it is '" + before[0] + "' for both.");
                }
            }
        }
        variables.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> settings.add(new AzureApp.Setting(
                        e.getKey(), e.getValue()[1], e.getKey(), e.getValue()[0], e.getValue()[2])));
        for (ExportPlan.Function function : plan.functions()) {
            Integer reserved = function.node().reservedConcurrency();
            if (reserved != null && reserved == 0) {
                String name = "AzureWebJobs." + functionNames.get(function.id()) + ".Disabled";
                settings.add(new AzureApp.Setting(name, "true", name, "true", "reserved concurrency 0"));
            }
        }
        for (AzureApp.Setting setting : settings) {
            if (!setting.name().matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                notes.add("The setting name '" + setting.name() + "' has characters that Linux function apps do not"
                        + " keep in environment variables; rename it to letters, digits and underscores.");
            }
        }
        return settings;
    }

    /** The deployed value, the local value and what the variable is for. */
    private String[] variableValues(ExportPlan.Variable variable, String appName) {
        if (!variable.isReference()) {
            return new String[] {variable.literal(), variable.literal(), "environment"};
        }
        ExportPlan.Connection connection = variable.reference();
        if (connection.function() != null) {
            String id = connection.function().id();
            String path = httpPaths.get(id);
            if (path != null) {
                return new String[] {
                    "https://${functionAppName}.azurewebsites.net/" + path,
                    "http://localhost:7071/" + path,
                    "URL of the function " + functionNames.get(id)
                };
            }
            String name = functionNames.get(id);
            return new String[] {name, name, "name of the function " + name};
        }
        ExportPlan.Resource resource = connection.resource();
        if (resource.node() instanceof ExternalApi api) {
            if (api.url().isBlank()) {
                notes.add("The external API '" + resource.name() + "' has no URL; set " + variable.name()
                        + " before deploying.");
            }
            return new String[] {api.url(), api.url(), "URL of " + resource.name()};
        }
        String name = resourceName(resource);
        String what = switch (resource.kind()) {
            case TABLE -> "Table storage table";
            case BUCKET -> "Blob Storage container";
            case QUEUE ->
                resource.node() instanceof Queue q && q.type() == Queue.Type.FIFO
                        ? "Service Bus queue"
                        : "Storage queue";
            case TOPIC -> "Service Bus topic";
            case STREAM -> "event hub";
            default -> resource.kind().name().toLowerCase(Locale.ROOT);
        };
        return new String[] {name, name, what + " " + name};
    }
}
