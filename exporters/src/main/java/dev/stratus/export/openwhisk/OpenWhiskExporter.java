package dev.stratus.export.openwhisk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stratus.export.Documents;
import dev.stratus.export.Export;
import dev.stratus.export.ExportException;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.ExportTarget;
import dev.stratus.export.ExportedFiles;
import dev.stratus.export.Exporter;
import dev.stratus.export.MavenPom;
import dev.stratus.export.Names;
import dev.stratus.export.Schedules;
import dev.stratus.export.UserCode;
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
 * Apache OpenWhisk / IBM Cloud Functions: a {@code manifest.yaml} for wskdeploy (one package with an
 * action per function, triggers with their feeds, rules, and the API gateway's routes) and a Maven
 * project that builds the actions' jar.
 *
 * <p>OpenWhisk's Java runtime ({@code runtime: java}, kind {@code java:8}) runs Java 8, so the
 * project compiles for Java 8. Timers become alarm triggers ({@code /whisk.system/alarms/alarm} with a
 * five-field cron); queues, streams and topics become Kafka topics read by the Event Streams (Message
 * Hub) feed; buckets use IBM Cloud Object Storage's change feed. OpenWhisk creates none of the
 * services themselves: the README lists them.
 */
public final class OpenWhiskExporter implements Exporter {

    static final String GSON_VERSION = "2.15.0";
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

    @Override
    public ExportTarget target() {
        return ExportTarget.OPENWHISK;
    }

    @Override
    public Export export(Project project) throws ExportException {
        return new Job(ExportPlan.of(project)).run();
    }

    /** One OpenWhisk trigger: a feed with its inputs, and the actions its rules start. */
    private record Trigger(String name, String feed, ObjectNode inputs, String describe, List<String> actions) {}

    /** One API route as the manifest writes it. */
    private record ApiRoute(String api, String basePath, String relativePath, String method, String action) {}

    private static final class Job {
        private final ExportPlan plan;
        private final Project project;
        private final List<String> notes;
        private final String packageName;
        private final String javaPackage;
        private final String artifact;
        private final Names.Unique namespaceNames = new Names.Unique("-", MAX_ENTITY_NAME);
        private final Map<String, String> actionNames = new LinkedHashMap<>();
        private final Map<String, Trigger> triggers = new LinkedHashMap<>();
        private final List<ApiRoute> routes = new ArrayList<>();
        private final List<ActionSources.Action> actions = new ArrayList<>();
        private final Set<String> kafkaInputs = new LinkedHashSet<>();
        private boolean cosFeed;

        Job(ExportPlan plan) {
            this.plan = plan;
            this.project = plan.project();
            this.notes = new ArrayList<>(plan.notes());
            this.packageName = namespaceNames.next(Names.kebab(project.name(), "stratus-app", MAX_ENTITY_NAME));
            this.javaPackage = MavenPom.basePackage(project);
            this.artifact = MavenPom.artifactId(project, "openwhisk");
        }

        Export run() throws ExportException {
            Names.Unique actionUnique = new Names.Unique("-", MAX_ENTITY_NAME);
            for (ExportPlan.Function function : plan.functions()) {
                actionNames.put(function.id(), actionUnique.next(Names.kebab(function.name(), "function", 200)));
            }
            Map<String, UserCode> userCodes = new LinkedHashMap<>();
            Names.Unique classNames = new Names.Unique("", 200).reserve(ActionSources.SUPPORT_CLASS);
            Map<String, String> userSources = new LinkedHashMap<>();
            for (ExportPlan.Function function : plan.functions()) {
                UserCode code = UserCode.of(function.node(), javaPackage).orElse(null);
                if (code == null) {
                    continue;
                }
                String earlier = userSources.putIfAbsent(code.path(), code.source());
                if (earlier != null && !earlier.equals(code.source())) {
                    throw new ExportException("two functions define different classes named " + code.qualifiedName()
                            + "; rename the class in the code of '" + function.name() + "'");
                }
                if (code.packageName().equals(javaPackage)) {
                    classNames.reserve(code.className());
                }
                userCodes.put(function.id(), code);
            }
            notes.add("OpenWhisk's Java runtime is Java 8 (runtime: java, kind java:8 on Apache OpenWhisk and IBM"
                    + " Cloud Functions), whatever Java version the design names; the project compiles for Java 8,"
                    + " so function code must not use newer language features.");
            for (ExportPlan.Function function : plan.functions()) {
                String className = classNames.next(Names.pascal(function.name(), "function") + "Action");
                List<String> startedBy = new ArrayList<>();
                for (ExportPlan.Event event : function.events()) {
                    startedBy.add(event(function, event));
                }
                if (startedBy.isEmpty()) {
                    startedBy.add("nothing in the design: invoke it with wsk action invoke " + packageName + "/"
                            + actionNames.get(function.id()));
                }
                List<String> inputs = function.environment().stream()
                        .map(ExportPlan.Variable::name)
                        .toList();
                actions.add(new ActionSources.Action(
                        function,
                        actionNames.get(function.id()),
                        className,
                        userCodes.get(function.id()),
                        inputs,
                        startedBy));
                settingsNotes(function);
            }
            resourceNotes();
            if (!triggers.isEmpty()) {
                notes.add("Triggers and rules belong to the namespace, not to the package " + packageName + ": a"
                        + " trigger or rule of the same name deployed from another manifest into the same namespace"
                        + " replaces it.");
            }
            ExportedFiles files = new ExportedFiles();
            files.add("manifest.yaml", Documents.yaml(manifest()));
            files.add("pom.xml", pom());
            String folder = "src/main/java/" + javaPackage.replace('.', '/') + "/";
            files.add(folder + ActionSources.SUPPORT_CLASS + ".java", ActionSources.support(javaPackage));
            for (ActionSources.Action action : actions) {
                files.add(folder + action.className() + ".java", ActionSources.action(javaPackage, action));
            }
            for (Map.Entry<String, String> source : userSources.entrySet()) {
                files.add(source.getKey(), source.getValue());
            }
            files.add(".gitignore", "target/\n");
            files.add("README.md", Readme.of(this));
            return new Export(ExportTarget.OPENWHISK, files, notes);
        }

        /** Records what the event needs (trigger, rule, API route) and describes it for the README. */
        private String event(ExportPlan.Function function, ExportPlan.Event event) throws ExportException {
            String action = actionNames.get(function.id());
            if (event instanceof ExportPlan.Http http) {
                if (http.gateway() == null) {
                    notes.add("'" + function.name() + "' is called over HTTP directly: it is a web action at"
                            + " https://<apihost>/api/v1/web/<namespace>/" + packageName + "/" + action
                            + ".http, which answers every method and path below it (the design's " + http.method()
                            + " " + http.path() + " is not enforced).");
                    return "HTTP: web action " + packageName + "/" + action + ".http (" + http.method() + " "
                            + http.path() + " in the design)";
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
                return "HTTP: web action " + packageName + "/" + action + ".http (ANY " + http.path()
                        + " in the design)";
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

        private final Map<String, String> basePaths = new LinkedHashMap<>();
        private final Names.Unique basePathNames = new Names.Unique("-", 100);

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

        private void settingsNotes(ExportPlan.Function function) {
            FunctionNode node = function.node();
            String name = "'" + function.name() + "'";
            if (node.memoryMb() != memory(node)) {
                notes.add(name + " asks for " + node.memoryMb() + " MB; OpenWhisk actions take " + MIN_MEMORY_MB
                        + " to " + MAX_MEMORY_MB + " MB, so it gets " + memory(node) + " MB.");
            }
            long wanted = Math.round(node.timeoutSeconds() * 1000);
            if (wanted != timeout(node)) {
                notes.add(name + " has a timeout of " + node.timeoutSeconds() + " s; OpenWhisk allows " + MIN_TIMEOUT_MS
                        + " ms to " + MAX_TIMEOUT_MS / 1000 + " s, so it gets " + timeout(node) + " ms.");
            }
            if (node.instanceConcurrency() > 1) {
                notes.add(name + " serves " + node.instanceConcurrency() + " requests per instance: exported as"
                        + " concurrentActivations " + Math.min(node.instanceConcurrency(), MAX_CONCURRENCY) + "."
                        + " OpenWhisk's Java runtime answers one activation at a time, so the limit helps only"
                        + " where the operator enabled intra-container concurrency for it.");
            }
            if (node.reservedConcurrency() != null) {
                notes.add(name + " reserves " + node.reservedConcurrency() + " concurrent instances; OpenWhisk"
                        + " limits concurrency per namespace (set by the operator), not per action.");
            }
            if (node.provisionedConcurrency() > 0) {
                notes.add(name + " keeps " + node.provisionedConcurrency() + " instances warm; OpenWhisk has no"
                        + " provisioned concurrency (its operators configure prewarmed containers per runtime).");
            }
            if (node.architecture() == FunctionNode.Architecture.ARM64) {
                notes.add(name + " runs on arm64 in the design; OpenWhisk chooses the processor of its invokers.");
            }
            for (ExportPlan.Variable variable : function.environment()) {
                if (!variable.isReference() && variable.literal().contains("$")) {
                    notes.add("The value of " + variable.name() + " in " + name + " contains '$'; wskdeploy replaces"
                            + " $NAME and ${NAME} in manifest values with environment variables of the shell that"
                            + " deploys.");
                }
            }
            for (ExportPlan.Connection connection : function.connections()) {
                if (connection.function() != null) {
                    notes.add(name + " calls '" + connection.function().name() + "'"
                            + (connection.async() ? " without waiting" : "") + ": the input " + connection.variable()
                            + " holds the action's name (" + packageName + "/"
                            + actionNames.get(connection.function().id()) + "); invoke it with the OpenWhisk API"
                            + (connection.async() ? " (blocking=false)." : " (blocking=true)."));
                }
            }
        }

        private void resourceNotes() {
            for (ExportPlan.Resource resource : plan.resources()) {
                if (resource.kind() == ExportPlan.ResourceKind.EMAIL) {
                    notes.add("OpenWhisk has no e-mail service: '" + resource.name() + "' needs a mail provider"
                            + " (for example SendGrid or an SMTP relay) that the functions call themselves.");
                }
            }
            if (plan.resources().stream()
                    .anyMatch(r -> r.kind() != ExportPlan.ResourceKind.EMAIL
                            && r.kind() != ExportPlan.ResourceKind.EXTERNAL_API)) {
                notes.add("wskdeploy deploys actions, triggers, rules and APIs only: create the databases, buckets"
                        + " and Kafka topics listed in the README yourself (for example Cloudant, Cloud Object"
                        + " Storage and Event Streams on IBM Cloud). The actions get the services' names in their"
                        + " inputs, not credentials: on IBM Cloud bind them to the package (ibmcloud fn service bind"
                        + " <service> " + packageName + "), elsewhere add them as package or action parameters.");
            }
            if (!kafkaInputs.isEmpty()) {
                notes.add("Queues, streams and topics become Kafka topics read by the Event Streams (Message Hub)"
                        + " feed " + MESSAGE_HUB_FEED + "; its credentials come from the environment variables"
                        + " KAFKA_BROKERS_SASL, KAFKA_USER, KAFKA_PASSWORD and KAFKA_ADMIN_URL when you deploy."
                        + " On Apache OpenWhisk with plain Kafka use /whisk.system/messaging/kafkaFeed with a"
                        + " brokers input instead.");
            }
            if (cosFeed) {
                notes.add("Bucket events use IBM Cloud Object Storage's feed " + COS_FEED + ", which exists only on"
                        + " IBM Cloud Functions and needs a service authorization from Functions to the COS"
                        + " instance; COS_ENDPOINT must hold the bucket's endpoint when you deploy. Apache OpenWhisk"
                        + " has no storage feed.");
            }
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
                    resource.name(),
                    resource.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    63);
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
            return packageName + "/" + actionNames.get(connection.function().id());
        }

        private ObjectNode manifest() {
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
                            inputs.putObject(variable.name())
                                    .put("value", value)
                                    .put("type", "string");
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
                    relative.putObject(route.action())
                            .put("method", route.method())
                            .put("response", "http");
                }
            }
            ObjectNode root = Documents.object();
            root.putObject("packages").set(packageName, pkg);
            return root;
        }

        private String pom() {
            MavenPom pom = MavenPom.forProject(project, "openwhisk").javaRelease("8");
            // The runtime puts its own Gson before the action's jar, so the jar need not carry it.
            pom.dependency("com.google.code.gson", "gson", GSON_VERSION, "provided");
            pom.shade(artifact);
            return pom.document();
        }

        // Accessors for the README.
        String packageName() {
            return packageName;
        }

        String artifact() {
            return artifact;
        }

        ExportPlan plan() {
            return plan;
        }

        List<String> notes() {
            return notes;
        }

        List<ActionSources.Action> actions() {
            return actions;
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

        String resourceValue(ExportPlan.Resource resource) {
            return resourceName(resource);
        }
    }

    /** The README: prerequisites, build and deploy commands, what starts each action, notes. */
    private static final class Readme {
        private Readme() {}

        static String of(Job job) {
            Project project = job.plan().project();
            StringBuilder out = new StringBuilder();
            out.append("# ")
                    .append(md(project.name().isBlank() ? "Stratus export" : project.name()))
                    .append(" on Apache OpenWhisk / IBM Cloud Functions\n\n");
            if (!project.description().isBlank()) {
                out.append(md(project.description())).append("\n\n");
            }
            out.append("Exported from Stratus: `manifest.yaml` deploys the package `")
                    .append(job.packageName())
                    .append("` with wskdeploy, and this Maven project builds the actions' jar.\n\n");
            out.append("## Prerequisites\n\n");
            out.append("- JDK 17 or newer and Maven 3.8 or newer (the jar is compiled for Java 8, the Java"
                    + " version of OpenWhisk's `java` runtime).\n");
            out.append("- Apache OpenWhisk: the `wsk` CLI configured for your namespace (`wsk property get`) and"
                    + " [wskdeploy](https://github.com/apache/openwhisk-wskdeploy).\n");
            out.append("- IBM Cloud Functions: the `ibmcloud` CLI with the `cloud-functions` plugin, targeting a"
                    + " Functions namespace (IBM has deprecated Cloud Functions; existing namespaces still"
                    + " deploy this way).\n");
            if (!job.triggers().isEmpty()) {
                out.append("- The feed packages the triggers use installed in the namespace `/whisk.system`:");
                Set<String> feeds = new LinkedHashSet<>();
                job.triggers().values().forEach(t -> feeds.add(t.feed()));
                out.append(" ")
                        .append(String.join(
                                ", ", feeds.stream().map(f -> "`" + f + "`").toList()))
                        .append(".\n");
            }
            out.append("\n## Build\n\n```sh\nmvn package\n```\n\n");
            out.append("This writes `target/")
                    .append(job.artifact())
                    .append(".jar`, which every action in"
                            + " `manifest.yaml` deploys. Gson is `provided`: the OpenWhisk Java runtime supplies it; the"
                            + " shade plugin bundles any other library you add.\n\n");
            out.append("## Deploy\n\n");
            if (!job.kafkaInputs().isEmpty() || job.cosFeed()) {
                out.append("The feeds need credentials that are not in the design. wskdeploy reads them from"
                        + " the environment (`$NAME` in `manifest.yaml`), so export them first:\n\n```sh\n");
                if (!job.kafkaInputs().isEmpty()) {
                    out.append("export KAFKA_BROKERS_SASL='[\"broker-0.example:9093\"]'  # Event Streams"
                            + " kafka_brokers_sasl\n");
                    out.append("export KAFKA_USER=token\nexport KAFKA_PASSWORD=<api key>\n");
                    out.append("export KAFKA_ADMIN_URL=https://<instance>.eventstreams.cloud.ibm.com\n");
                }
                if (job.cosFeed()) {
                    out.append("export COS_ENDPOINT=s3.<region>.cloud-object-storage.appdomain.cloud\n");
                }
                out.append("```\n\n");
            }
            out.append("The package's `version` and `license` in `manifest.yaml` are placeholders: set your own.\n\n");
            out.append("Apache OpenWhisk:\n\n```sh\nwskdeploy -m manifest.yaml\n```\n\n");
            out.append("IBM Cloud Functions:\n\n```sh\nibmcloud fn deploy --manifest manifest.yaml\n```\n\n");
            out.append("Remove everything again with `wskdeploy undeploy -m manifest.yaml` (IBM: `ibmcloud fn"
                    + " undeploy --manifest manifest.yaml`).\n\n");
            out.append("## Actions\n\n");
            out.append("| Action | Class | Memory | Timeout | Started by |\n|---|---|---|---|---|\n");
            for (ActionSources.Action action : job.actions()) {
                FunctionNode node = action.function().node();
                out.append("| `")
                        .append(job.packageName())
                        .append('/')
                        .append(action.actionName())
                        .append("` | `")
                        .append(action.className())
                        .append("` | ")
                        .append(Job.memory(node))
                        .append(" MB | ")
                        .append(Job.timeout(node))
                        .append(" ms | ")
                        .append(String.join(
                                "; ",
                                action.startedBy().stream().map(Readme::md).toList()))
                        .append(" |\n");
            }
            out.append("\nEach action's inputs (in `manifest.yaml`) carry the function's environment and the names"
                    + " of what it connects to; the action reads them from its parameters.");
            if (job.actions().stream().anyMatch(a -> a.userCode() != null)) {
                out.append(" Functions with their own code get the parameters as JSON in `handle`.");
            }
            out.append("\n\n");
            if (!job.triggers().isEmpty()) {
                out.append("## Triggers and rules\n\n| Trigger | Feed | Actions |\n|---|---|---|\n");
                for (Trigger trigger : job.triggers().values()) {
                    out.append("| `")
                            .append(trigger.name())
                            .append("` | ")
                            .append(md(trigger.describe()))
                            .append(" (`")
                            .append(trigger.feed())
                            .append("`) | ")
                            .append(String.join(
                                    ", ",
                                    trigger.actions().stream()
                                            .map(a -> "`" + a + "`")
                                            .toList()))
                            .append(" |\n");
                }
                out.append('\n');
            }
            if (!job.routes().isEmpty()) {
                out.append("## API routes\n\nThe API Gateway calls the web actions (response type `http`);"
                        + " `wsk api list` shows the full URLs after deploying.\n\n| Method | Path | Action |\n"
                        + "|---|---|---|\n");
                for (ApiRoute route : job.routes()) {
                    out.append("| ")
                            .append(route.method())
                            .append(" | `/")
                            .append(route.basePath())
                            .append('/')
                            .append(route.relativePath())
                            .append("` | `")
                            .append(route.action())
                            .append("` |\n");
                }
                out.append('\n');
            }
            List<ExportPlan.Resource> services = job.plan().resources().stream()
                    .filter(r -> r.kind() != ExportPlan.ResourceKind.EMAIL
                            && r.kind() != ExportPlan.ResourceKind.EXTERNAL_API)
                    .toList();
            if (!services.isEmpty()) {
                out.append("## Services to create\n\n| Name | Kind | Suggested service |\n|---|---|---|\n");
                for (ExportPlan.Resource resource : services) {
                    out.append("| `")
                            .append(job.resourceValue(resource))
                            .append("` | ")
                            .append(resource.kind().name().toLowerCase(Locale.ROOT))
                            .append(" | ")
                            .append(suggestion(resource.kind()))
                            .append(" |\n");
                }
                out.append('\n');
            }
            out.append("## Notes\n\n");
            for (String note : job.notes()) {
                out.append("- ").append(md(note)).append('\n');
            }
            return out.toString();
        }

        private static String suggestion(ExportPlan.ResourceKind kind) {
            return switch (kind) {
                case TABLE -> "a Cloudant (CouchDB) database";
                case BUCKET -> "a Cloud Object Storage bucket";
                default -> "an Event Streams (Kafka) topic";
            };
        }

        /** Text from the design made safe for one line of Markdown. */
        static String md(String text) {
            String line = text.replaceAll("[\\r\\n\\u2028\\u2029]+", " ").strip();
            StringBuilder out = new StringBuilder(line.length());
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if ("\\`*|<>[]".indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
            return out.toString();
        }
    }
}
