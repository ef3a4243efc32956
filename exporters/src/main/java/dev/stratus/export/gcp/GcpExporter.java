package dev.stratus.export.gcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
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
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.ScheduleTrigger;
import dev.stratus.model.StorageTrigger;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Google Cloud Functions: a Maven project on functions-framework-api with an {@code HttpFunction}
 * per HTTP-started function and a {@code CloudEventsFunction} per event-started one, a {@code
 * deploy.sh} of {@code gcloud} commands (Pub/Sub topics, buckets, Firestore, the functions with their
 * triggers and settings, Cloud Scheduler jobs, API Gateway), an environment file per function, and an
 * API Gateway OpenAPI 2.0 spec per gateway.
 *
 * <p>Generations: a project on {@link Provider#GCP_GEN2} deploys everything as 2nd gen; otherwise HTTP
 * functions are 1st gen, and event functions 2nd gen, because 1st gen runs Java event functions only
 * as background functions, not CloudEvents functions.
 */
public final class GcpExporter implements Exporter {

    /** Placeholders in the YAML files that deploy.sh replaces with the project id and region. */
    static final String PROJECT = "__PROJECT__";

    static final String REGION = "__REGION__";

    static final String FRAMEWORK_VERSION = "2.0.0";

    private static final int[] GEN1_MEMORY = {128, 256, 512, 1024, 2048, 4096, 8192};

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Variables Cloud Functions sets itself or refuses. */
    private static final Set<String> RESERVED_ENV = Set.of(
            "ENTRY_POINT",
            "GCP_PROJECT",
            "GCLOUD_PROJECT",
            "GOOGLE_CLOUD_PROJECT",
            "FUNCTION_TRIGGER_TYPE",
            "FUNCTION_NAME",
            "FUNCTION_MEMORY_MB",
            "FUNCTION_TIMEOUT_SEC",
            "FUNCTION_IDENTITY",
            "FUNCTION_REGION",
            "FUNCTION_TARGET",
            "FUNCTION_SIGNATURE_TYPE",
            "K_SERVICE",
            "K_REVISION",
            "K_CONFIGURATION",
            "PORT");

    /** Names a generated class must not take: they would hide a type the handlers use. */
    private static final List<String> RESERVED_CLASSES = List.of(
            "Json",
            "Routes",
            "Events",
            "Support",
            "HttpFunction",
            "HttpRequest",
            "HttpResponse",
            "CloudEventsFunction",
            "CloudEvent",
            "Writer",
            "Map",
            "LinkedHashMap",
            "Logger",
            "Object",
            "String",
            "System",
            "Override",
            "Exception",
            "Character",
            "Integer",
            "Math",
            "StringBuilder");

    /**
     * YAML as {@link Documents#yaml} writes it, but with strings that look like numbers quoted: gcloud
     * reads {@code 0755} in an env-vars file as the number 493, and API Gateway wants {@code swagger:
     * "2.0"} as a string.
     */
    static String yaml(Object tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final ObjectWriter YAML =
            Documents.yamlMapper().writer().with(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS);

    @Override
    public ExportTarget target() {
        return ExportTarget.GCP;
    }

    @Override
    public Export export(Project project) throws ExportException {
        return new Build(ExportPlan.of(project)).run();
    }

    /** What starts one deployed Cloud Function. */
    enum Trigger {
        HTTP,
        PUBSUB,
        STORAGE
    }

    /**
     * One {@code gcloud functions deploy}: a function of the design can need several, since a Cloud
     * Function has exactly one trigger (an HTTP one for all its routes, one per event source).
     */
    record Deployment(
            String name,
            ExportPlan.Function function,
            String className,
            Trigger trigger,
            ExportPlan.Event event,
            boolean gen2,
            boolean isPublic) {}

    /** The settings of one deployment, as gcloud takes them; null where gcloud's default stands. */
    record Settings(
            String runtime,
            String memory,
            int timeoutSeconds,
            Integer maxInstances,
            Integer minInstances,
            Integer concurrency) {}

    /** A bucket: the shell variable deploy.sh keeps its name in and the part after the project id. */
    record BucketName(String variable, String suffix) {
        String deployed() {
            return PROJECT + "-" + suffix;
        }
    }

    static final class Build {
        private final ExportPlan plan;
        private final Project project;
        private final boolean gen2Project;
        private final String pkg;
        private final List<String> notes = new ArrayList<>();
        private final ExportedFiles files = new ExportedFiles();

        private final Map<String, String> topics = new LinkedHashMap<>();
        private final Map<String, BucketName> buckets = new LinkedHashMap<>();
        private final Map<String, String> collections = new LinkedHashMap<>();
        private final Map<String, String> schedules = new LinkedHashMap<>();
        private final Map<String, ScheduleTrigger> scheduleNodes = new LinkedHashMap<>();
        private final List<Deployment> deployments = new ArrayList<>();
        private final Map<String, UserCode> userCode = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> connectionVariables = new LinkedHashMap<>();
        private final Map<String, String> variableRenames = new LinkedHashMap<>();
        private final Map<String, Settings> settings = new LinkedHashMap<>();
        private final Map<String, String> triggerBuckets = new LinkedHashMap<>();
        /** Cloud Functions takes 63 characters; a 2nd gen function is a Cloud Run service, which takes 49. */
        private final Names.Unique deploymentNames = new Names.Unique("-", 49);

        private final Names.Unique classNames = new Names.Unique("", 120);

        Build(ExportPlan plan) {
            this.plan = plan;
            this.project = plan.project();
            this.gen2Project = project.provider() == Provider.GCP_GEN2;
            this.pkg = MavenPom.basePackage(project);
            notes.addAll(plan.notes());
            RESERVED_CLASSES.forEach(classNames::reserve);
        }

        Export run() throws ExportException {
            nameResources();
            readUserCode();
            planDeployments();
            for (Deployment deployment : deployments) {
                environments.put(deployment.name(), environment(deployment));
            }
            for (Deployment deployment : deployments) {
                settings.put(deployment.name(), settings(deployment));
            }
            files.add("pom.xml", pom());
            files.add(".gcloudignore", gcloudIgnore());
            writeSources();
            for (Deployment deployment : deployments) {
                Map<String, String> environment = environments.get(deployment.name());
                if (!environment.isEmpty()) {
                    ObjectNode yaml = Documents.object();
                    environment.forEach(yaml::put);
                    files.add(envFile(deployment), yaml(yaml));
                }
            }
            List<GatewayOut> gateways = gateways();
            files.addExecutable("deploy.sh", new DeployScript(this, gateways).text());
            files.add("README.md", readme(gateways));
            return new Export(ExportTarget.GCP, files, List.copyOf(new LinkedHashSet<>(notes)));
        }

        // ---- names of the resources -------------------------------------------------------------

        private void nameResources() {
            Names.Unique topicNames = new Names.Unique("-", 200);
            Names.Unique bucketNames = new Names.Unique("-", 32);
            Names.Unique bucketVariables = new Names.Unique("_", 60);
            Names.Unique collectionNames = new Names.Unique("-", 100);
            for (ExportPlan.Resource resource : plan.resources()) {
                switch (resource.kind()) {
                    case QUEUE, TOPIC, STREAM -> topics.put(resource.id(), topicNames.next(topicName(resource.name())));
                    case BUCKET -> {
                        String suffix =
                                Names.kebab(resource.name(), "bucket", 32).replace("google", "g00gle");
                        String variable = "BUCKET_" + Names.upperSnake(resource.name(), "bucket");
                        buckets.put(
                                resource.id(),
                                new BucketName(bucketVariables.next(variable), bucketNames.next(suffix)));
                    }
                    case TABLE ->
                        collections.put(
                                resource.id(), collectionNames.next(Names.kebab(resource.name(), "collection", 100)));
                    case EMAIL, EXTERNAL_API -> {
                        // Nothing to create on Google Cloud: see the notes and the URL variables.
                    }
                    default -> throw new IllegalStateException("unknown resource kind " + resource.kind());
                }
                if (resource.kind() == ExportPlan.ResourceKind.QUEUE) {
                    notes.add("The queue '" + resource.name() + "' is the Pub/Sub topic '" + topics.get(resource.id())
                            + "': Google Cloud Functions take queue messages through Pub/Sub, one message per"
                            + " invocation, retried until the function succeeds (--retry).");
                } else if (resource.kind() == ExportPlan.ResourceKind.STREAM) {
                    notes.add("The stream '" + resource.name() + "' is the Pub/Sub topic '" + topics.get(resource.id())
                            + "': Google Cloud has no Kinesis-like shard stream for functions; Pub/Sub delivers"
                            + " one record per invocation, without shard order unless you publish with ordering keys.");
                } else if (resource.kind() == ExportPlan.ResourceKind.TABLE) {
                    notes.add("The table '" + resource.name() + "' is the Firestore collection '"
                            + collections.get(resource.id()) + "' in the project's (default) database (native mode);"
                            + " Firestore creates a collection with its first document, so deploy.sh only creates"
                            + " the database. Use Datastore mode instead if you prefer entities and kinds.");
                } else if (resource.kind() == ExportPlan.ResourceKind.EMAIL) {
                    notes.add("The email service '" + resource.name() + "' has no Google Cloud counterpart: send"
                            + " mail through a provider such as SendGrid or Mailgun and give the function its API key"
                            + " (Secret Manager, --set-secrets).");
                } else if (resource.kind() == ExportPlan.ResourceKind.EXTERNAL_API
                        && resource.node() instanceof ExternalApi api
                        && api.url().isBlank()) {
                    notes.add("The external API '" + resource.name() + "' has no URL; its variable is empty,"
                            + " fill it in the env-*.yaml files.");
                }
            }
            for (ExportPlan.Function function : plan.functions()) {
                for (ExportPlan.Event event : function.events()) {
                    if (event instanceof ExportPlan.Schedule schedule
                            && !schedules.containsKey(schedule.trigger().id())) {
                        String name = Names.kebab(schedule.trigger().name(), "schedule", 60);
                        schedules.put(schedule.trigger().id(), topicNames.next(topicName(name + "-ticks")));
                        scheduleNodes.put(schedule.trigger().id(), schedule.trigger());
                    }
                }
            }
        }

        /** Pub/Sub topic ids: 3 to 255 characters, starting with a letter. */
        private static String topicName(String name) {
            String kebab = Names.kebab(name, "topic", 200);
            return kebab.length() < 3 ? kebab + "-topic" : kebab;
        }

        private void readUserCode() throws ExportException {
            Map<String, String> owners = new LinkedHashMap<>();
            for (ExportPlan.Function function : plan.functions()) {
                UserCode code = UserCode.of(function.node(), pkg).orElse(null);
                if (code == null) {
                    continue;
                }
                String owner = owners.putIfAbsent(code.path(), function.name());
                if (owner != null) {
                    throw new ExportException("the functions '" + owner + "' and '" + function.name()
                            + "' both define the class " + code.qualifiedName() + "; rename one of them");
                }
                if (code.packageName().equals(pkg)) {
                    classNames.reserve(code.className());
                }
                userCode.put(function.id(), code);
            }
        }

        // ---- deployments ------------------------------------------------------------------------

        private void planDeployments() {
            for (ExportPlan.Function function : plan.functions()) {
                List<ExportPlan.Http> http = httpEvents(function);
                List<ExportPlan.Event> others = new ArrayList<>(function.events());
                others.removeIf(e -> e instanceof ExportPlan.Http);
                String base = Names.kebab(function.name(), "fn", 49);
                String pascal = Names.pascal(function.name(), "Function");
                if (!http.isEmpty() || others.isEmpty()) {
                    boolean isPublic = http.stream()
                            .anyMatch(h -> h.gateway() == null || h.gateway().auth() == ApiGateway.Auth.NONE);
                    deployments.add(new Deployment(
                            deploymentNames.next(base),
                            function,
                            classNames.next(pascal),
                            Trigger.HTTP,
                            null,
                            gen2Project,
                            isPublic));
                    if (http.isEmpty()) {
                        notes.add("The function '" + function.name() + "' has no trigger; it is deployed as a"
                                + " private HTTP function that other functions call by URL with an identity token.");
                    }
                    if (!gen2Project && function.node().instanceConcurrency() > 1) {
                        notes.add("The function '" + function.name() + "' serves "
                                + function.node().instanceConcurrency() + " requests per instance; 1st gen"
                                + " functions serve one at a time (choose the gcp-gen2 provider for --concurrency).");
                    }
                }
                if (!others.isEmpty()) {
                    String className = classNames.next(http.isEmpty() ? pascal : pascal + "Events");
                    for (ExportPlan.Event event : others) {
                        String name = deploymentNames.next(
                                http.isEmpty() && others.size() == 1 ? base : base + "-" + suffix(event));
                        Trigger trigger = event instanceof ExportPlan.StorageEvent ? Trigger.STORAGE : Trigger.PUBSUB;
                        deployments.add(new Deployment(name, function, className, trigger, event, true, false));
                    }
                    if (!gen2Project) {
                        notes.add("The function '" + function.name() + "' is started by events; it is deployed"
                                + " as a 2nd gen function (--gen2), since 1st gen runs Java event functions only as"
                                + " background functions, not as the CloudEvents functions this export writes.");
                    }
                }
            }
        }

        private static List<ExportPlan.Http> httpEvents(ExportPlan.Function function) {
            List<ExportPlan.Http> http = new ArrayList<>();
            for (ExportPlan.Event event : function.events()) {
                if (event instanceof ExportPlan.Http h) {
                    http.add(h);
                }
            }
            return http;
        }

        private static String suffix(ExportPlan.Event event) {
            if (event instanceof ExportPlan.Schedule) {
                return "schedule";
            } else if (event instanceof ExportPlan.QueueMessages) {
                return "queue";
            } else if (event instanceof ExportPlan.StreamRecords) {
                return "stream";
            } else if (event instanceof ExportPlan.TopicMessages) {
                return "topic";
            }
            return "storage";
        }

        Deployment httpDeployment(String functionId) {
            return deployments.stream()
                    .filter(d -> d.function().id().equals(functionId) && d.trigger() == Trigger.HTTP)
                    .findFirst()
                    .orElse(null);
        }

        // ---- environment ------------------------------------------------------------------------

        private Map<String, String> environment(Deployment deployment) {
            ExportPlan.Function function = deployment.function();
            Map<String, String> environment = new LinkedHashMap<>();
            Map<String, String> connections = new LinkedHashMap<>();
            Names.Unique names = new Names.Unique("_", 100);
            RESERVED_ENV.forEach(names::reserve);
            for (ExportPlan.Variable variable : function.environment()) {
                String name = names.next(variableName(function, variable.name()));
                String value;
                if (variable.isReference()) {
                    value = referenceValue(function, variable.reference());
                    connections.put(name, describe(variable.reference()));
                } else {
                    value = variable.literal();
                }
                environment.put(name, value);
            }
            for (ExportPlan.Event event : function.events()) {
                if (event instanceof ExportPlan.StorageEvent storage) {
                    // The same names come out for every deployment of the function: same variables, same order.
                    String key = function.id() + "/" + storage.bucket().id();
                    if (environment.containsValue(
                                    buckets.get(storage.bucket().id()).deployed())
                            && triggerBuckets.containsKey(key)) {
                        continue;
                    }
                    String name = names.next(Names.upperSnake(storage.bucket().name(), "trigger") + "_BUCKET");
                    triggerBuckets.putIfAbsent(key, name);
                    environment.put(name, buckets.get(storage.bucket().id()).deployed());
                }
            }
            connectionVariables.putIfAbsent(function.id(), connections);
            return environment;
        }

        /** The variable that names a storage trigger's bucket, for the name filter in the handler. */
        String bucketVariable(ExportPlan.Function function, ExportPlan.StorageEvent storage) {
            return triggerBuckets.get(function.id() + "/" + storage.bucket().id());
        }

        private String variableName(ExportPlan.Function function, String name) {
            if (ENV_NAME.matcher(name).matches() && !RESERVED_ENV.contains(name) && !name.startsWith("X_GOOGLE_")) {
                return name;
            }
            String renamed = "APP_" + Names.upperSnake(name, "var");
            String key = function.id() + "\u0000" + name;
            if (!variableRenames.containsKey(key)) {
                variableRenames.put(key, renamed);
                notes.add("The variable '" + name + "' of '" + function.name() + "' is exported as " + renamed
                        + ": Cloud Functions takes letters, digits and _ and keeps some names for itself.");
            }
            return renamed;
        }

        private String referenceValue(ExportPlan.Function caller, ExportPlan.Connection connection) {
            if (connection.resource() != null) {
                ExportPlan.Resource resource = connection.resource();
                return switch (resource.kind()) {
                    case QUEUE, TOPIC, STREAM -> topics.get(resource.id());
                    case BUCKET -> buckets.get(resource.id()).deployed();
                    case TABLE -> collections.get(resource.id());
                    case EXTERNAL_API -> resource.node() instanceof ExternalApi api ? api.url() : "";
                    case EMAIL -> "";
                };
            }
            FunctionNode target = connection.function();
            Deployment http = httpDeployment(target.id());
            String targetName = target.name().isBlank() ? target.id() : target.name();
            String callerName = caller.name();
            if (http == null) {
                Deployment any = deployments.stream()
                        .filter(d -> d.function().id().equals(target.id()))
                        .findFirst()
                        .orElseThrow();
                notes.add("'" + callerName + "' calls '" + targetName + "', which only events start on Google"
                        + " Cloud; its variable holds the function's name '" + any.name() + "': publish to the"
                        + " function's topic instead of calling it.");
                return any.name();
            }
            if (connection.async()) {
                notes.add("'" + callerName + "' calls '" + targetName + "' without waiting; Cloud Functions has"
                        + " no asynchronous invocation: send the request through Cloud Tasks or a Pub/Sub topic.");
            }
            if (!http.isPublic()) {
                notes.add("'" + callerName + "' calls the private function '" + http.name() + "': grant the"
                        + " caller's service account the invoker role on it and send an identity token.");
            }
            return functionUrl(http);
        }

        private static String describe(ExportPlan.Connection connection) {
            if (connection.resource() == null) {
                return "the URL of the function " + connection.function().name();
            }
            ExportPlan.Resource resource = connection.resource();
            return switch (resource.kind()) {
                case QUEUE -> "the Pub/Sub topic of the queue " + resource.name();
                case TOPIC -> "the Pub/Sub topic " + resource.name();
                case STREAM -> "the Pub/Sub topic of the stream " + resource.name();
                case BUCKET -> "the Cloud Storage bucket " + resource.name();
                case TABLE -> "the Firestore collection " + resource.name();
                case EXTERNAL_API -> "the URL of " + resource.name();
                case EMAIL -> "the email service " + resource.name();
            };
        }

        static String functionUrl(Deployment deployment) {
            return "https://" + REGION + "-" + PROJECT + ".cloudfunctions.net/" + deployment.name();
        }

        static String envFile(Deployment deployment) {
            return "env-" + deployment.name() + ".yaml";
        }

        // ---- settings ---------------------------------------------------------------------------

        private Settings settings(Deployment deployment) {
            FunctionNode node = deployment.function().node();
            Integer concurrency = null;
            if (deployment.gen2()) {
                concurrency = node.instanceConcurrency();
            }
            return new Settings(
                    runtime(deployment.function()),
                    memory(deployment),
                    timeout(deployment),
                    maxInstances(deployment),
                    node.provisionedConcurrency() > 0 ? node.provisionedConcurrency() : null,
                    concurrency);
        }

        Settings settings(String deployment) {
            return settings.get(deployment);
        }

        String runtime(ExportPlan.Function function) {
            int version = function.javaVersion();
            if (version == 17 || version == 21) {
                return "java" + version;
            }
            String chosen = version < 17 ? "java17" : "java21";
            notes.add("The function '" + function.name() + "' names the runtime "
                    + function.node().runtime() + "; it is deployed on " + chosen + ".");
            return chosen;
        }

        String memory(Deployment deployment) {
            ExportPlan.Function function = deployment.function();
            int mb = function.node().memoryMb();
            if (deployment.gen2()) {
                int clamped = Math.max(128, Math.min(32768, mb));
                if (clamped != mb) {
                    notes.add("The function '" + function.name() + "' has " + mb + " MB; 2nd gen takes 128 MiB"
                            + " to 32 GiB, so it gets " + clamped + " MiB.");
                }
                return clamped + "Mi";
            }
            for (int allowed : GEN1_MEMORY) {
                if (allowed >= mb) {
                    if (allowed != mb) {
                        notes.add("The function '" + function.name() + "' has " + mb + " MB; 1st gen takes one of"
                                + " 128, 256, 512, 1024, 2048, 4096 or 8192 MB, so it gets " + allowed + "MB.");
                    }
                    return allowed + "MB";
                }
            }
            notes.add("The function '" + function.name() + "' has " + mb + " MB; 1st gen allows at most 8192MB.");
            return "8192MB";
        }

        int timeout(Deployment deployment) {
            ExportPlan.Function function = deployment.function();
            int seconds = (int) Math.ceil(function.node().timeoutSeconds());
            int limit = deployment.gen2() && deployment.trigger() == Trigger.HTTP ? 3600 : 540;
            if (seconds > limit) {
                notes.add("The function '" + function.name() + "' has a timeout of " + seconds + " s; '"
                        + deployment.name() + "' may run at most " + limit + " s.");
                return limit;
            }
            return Math.max(1, seconds);
        }

        Integer maxInstances(Deployment deployment) {
            Integer reserved = deployment.function().node().reservedConcurrency();
            if (reserved == null) {
                return null;
            }
            if (reserved == 0) {
                notes.add("The function '" + deployment.function().name() + "' has a reserved concurrency of 0"
                        + " (switched off); Cloud Functions cannot switch a function off, so '" + deployment.name()
                        + "' has no instance limit.");
                return null;
            }
            return reserved;
        }

        // ---- files ------------------------------------------------------------------------------

        private String pom() {
            MavenPom pom = MavenPom.forProject(project, "gcp");
            pom.dependency("com.google.cloud.functions", "functions-framework-api", FRAMEWORK_VERSION, "provided");
            return pom.document();
        }

        String jarPath() {
            return "target/" + MavenPom.artifactId(project, "gcp") + "-1.0.0.jar";
        }

        private static String gcloudIgnore() {
            return """
                    # What gcloud functions deploy leaves out of the uploaded source (gcloud topic gcloudignore).
                    # Cloud Build builds the function from pom.xml and src/ with Maven.
                    .gcloudignore
                    .git
                    .gitignore
                    target/
                    deploy.sh
                    README.md
                    env-*.yaml
                    openapi*.yaml
                    """;
        }

        private void writeSources() {
            files.add(sourcePath(pkg + ".support", "Json"), GcpJava.json(pkg));
            boolean anyHttp = deployments.stream().anyMatch(d -> d.trigger() == Trigger.HTTP);
            boolean anyEvents = deployments.stream().anyMatch(d -> d.trigger() != Trigger.HTTP);
            if (anyHttp) {
                files.add(sourcePath(pkg + ".support", "Routes"), GcpJava.routes(pkg));
            }
            if (anyEvents) {
                files.add(sourcePath(pkg + ".support", "Events"), GcpJava.events(pkg));
            }
            Set<String> written = new LinkedHashSet<>();
            for (Deployment deployment : deployments) {
                if (!written.add(deployment.className())) {
                    continue;
                }
                ExportPlan.Function function = deployment.function();
                List<Deployment> same = deployments.stream()
                        .filter(d -> d.className().equals(deployment.className()))
                        .toList();
                List<String> startedBy = new ArrayList<>();
                for (Deployment d : same) {
                    startedBy.addAll(startedBy(d));
                }
                GcpJava.Handler handler = new GcpJava.Handler(
                        pkg,
                        deployment.className(),
                        function.name(),
                        startedBy,
                        connectionVariables.getOrDefault(function.id(), Map.of()),
                        userCode.get(function.id()));
                String source = deployment.trigger() == Trigger.HTTP
                        ? GcpJava.httpFunction(handler, routeChecks(function))
                        : GcpJava.cloudEventsFunction(handler, eventFilters(same));
                files.add(sourcePath(pkg, deployment.className()), source);
            }
            for (UserCode code : userCode.values()) {
                files.add(code.path(), code.source());
            }
        }

        private static String sourcePath(String packageName, String className) {
            return "src/main/java/" + packageName.replace('.', '/') + "/" + className + ".java";
        }

        private static List<GcpJava.RouteCheck> routeChecks(ExportPlan.Function function) {
            List<GcpJava.RouteCheck> checks = new ArrayList<>();
            for (ExportPlan.Http http : httpEvents(function)) {
                GcpJava.RouteCheck check =
                        new GcpJava.RouteCheck(http.method(), http.gateway() == null ? null : http.path());
                if (!checks.contains(check)) {
                    checks.add(check);
                }
            }
            if (checks.isEmpty()) {
                checks.add(new GcpJava.RouteCheck("ANY", null));
            }
            return checks;
        }

        private List<GcpJava.EventFilter> eventFilters(List<Deployment> same) {
            List<GcpJava.EventFilter> filters = new ArrayList<>();
            for (Deployment deployment : same) {
                GcpJava.EventFilter filter;
                if (deployment.event() instanceof ExportPlan.StorageEvent storage) {
                    filter = new GcpJava.EventFilter(
                            storageType(storage),
                            bucketVariable(deployment.function(), storage),
                            storage.prefix(),
                            storage.suffix());
                } else {
                    filter = new GcpJava.EventFilter("google.cloud.pubsub.topic.v1.messagePublished", null, "", "");
                }
                if (!filters.contains(filter)) {
                    filters.add(filter);
                }
            }
            return filters;
        }

        static String storageType(ExportPlan.StorageEvent storage) {
            return storage.event() == StorageTrigger.Event.DELETED
                    ? "google.cloud.storage.object.v1.deleted"
                    : "google.cloud.storage.object.v1.finalized";
        }

        /** What starts a deployment, in words (for comments and the README). */
        List<String> startedBy(Deployment deployment) {
            List<String> out = new ArrayList<>();
            if (deployment.trigger() == Trigger.HTTP) {
                List<ExportPlan.Http> http = httpEvents(deployment.function());
                for (ExportPlan.Http h : http) {
                    out.add(
                            h.gateway() == null
                                    ? "HTTP " + h.method() + " on the function's URL"
                                    : "HTTP " + h.method() + " " + h.path() + " through the API gateway '"
                                            + gatewayName(h.gateway()) + "'");
                }
                if (http.isEmpty()) {
                    out.add("HTTP calls from other functions (private)");
                }
                return out;
            }
            ExportPlan.Event event = deployment.event();
            if (event instanceof ExportPlan.Schedule schedule) {
                out.add("the schedule '" + schedule.trigger().name() + "' ("
                        + schedule.trigger().expression()
                        + ") through Cloud Scheduler and the Pub/Sub topic '"
                        + schedules.get(schedule.trigger().id())
                        + "'");
            } else if (event instanceof ExportPlan.QueueMessages queue) {
                out.add("messages on the Pub/Sub topic '"
                        + topics.get(queue.queue().id()) + "' (queue '"
                        + queue.queue().name() + "')");
            } else if (event instanceof ExportPlan.StreamRecords stream) {
                out.add("records on the Pub/Sub topic '"
                        + topics.get(stream.stream().id()) + "' (stream '"
                        + stream.stream().name() + "')");
            } else if (event instanceof ExportPlan.TopicMessages topic) {
                out.add("messages on the Pub/Sub topic '"
                        + topics.get(topic.topic().id()) + "'");
            } else if (event instanceof ExportPlan.StorageEvent storage) {
                List<String> parts = new ArrayList<>();
                if (!storage.prefix().isEmpty()) {
                    parts.add("starts with '" + storage.prefix() + "'");
                }
                if (!storage.suffix().isEmpty()) {
                    parts.add("ends with '" + storage.suffix() + "'");
                }
                String filter = parts.isEmpty() ? "" : " whose name " + String.join(" and ", parts);
                out.add("objects " + (storage.event() == StorageTrigger.Event.DELETED ? "deleted from" : "written to")
                        + " the bucket '"
                        + buckets.get(storage.bucket().id()).deployed().replace(PROJECT, "PROJECT")
                        + "'" + filter);
            }
            return out;
        }

        static String gatewayName(ApiGateway gateway) {
            return gateway.name().isBlank() ? gateway.id() : gateway.name();
        }

        // ---- API Gateway ------------------------------------------------------------------------

        /** An API Gateway: its ids, its spec file and, when callers must authenticate, its identity. */
        record GatewayOut(String apiId, String gatewayId, String specFile, String serviceAccount, ExportPlan.Api api) {}

        private List<GatewayOut> gateways() {
            List<ExportPlan.Api> apis =
                    plan.apis().stream().filter(a -> !a.routes().isEmpty()).toList();
            Names.Unique apiIds = new Names.Unique("-", 40);
            List<GatewayOut> out = new ArrayList<>();
            for (ExportPlan.Api api : apis) {
                String apiId = apiIds.next(Names.kebab(gatewayName(api.gateway()), "api", 40));
                String spec = apis.size() == 1 ? "openapi.yaml" : "openapi-" + apiId + ".yaml";
                String account = null;
                if (api.gateway().auth() != ApiGateway.Auth.NONE) {
                    account = Names.kebab(apiId, "api", 24) + "-gw";
                    if (account.length() < 6) {
                        account = "api-" + account;
                    }
                }
                GatewayOut gateway = new GatewayOut(apiId, apiId + "-gateway", spec, account, api);
                files.add(spec, yaml(openApi(gateway)));
                out.add(gateway);
            }
            return out;
        }

        private ObjectNode openApi(GatewayOut gateway) {
            ApiGateway node = gateway.api().gateway();
            ObjectNode spec = Documents.object();
            spec.put("swagger", "2.0");
            ObjectNode info = spec.putObject("info");
            info.put("title", gatewayName(node));
            info.put("description", "API Gateway for " + project.name() + ", exported from Stratus");
            info.put("version", "1.0.0");
            spec.putArray("schemes").add("https");
            spec.putArray("produces").add("application/json");
            switch (node.auth()) {
                case API_KEY -> {
                    ObjectNode key = spec.putObject("securityDefinitions").putObject("api_key");
                    key.put("type", "apiKey");
                    key.put("name", "key");
                    key.put("in", "query");
                    spec.putArray("security").addObject().putArray("api_key");
                    notes.add("The API '" + gatewayName(node) + "' takes an API key in the query parameter 'key':"
                            + " create one with gcloud services api-keys create and restrict it to the API's"
                            + " managed service.");
                }
                case JWT, IAM -> {
                    boolean google = node.auth() == ApiGateway.Auth.IAM;
                    ObjectNode jwt = spec.putObject("securityDefinitions").putObject("jwt");
                    jwt.put("authorizationUrl", "");
                    jwt.put("flow", "implicit");
                    jwt.put("type", "oauth2");
                    jwt.put("x-google-issuer", google ? "https://accounts.google.com" : "https://issuer.example.com");
                    jwt.put(
                            "x-google-jwks_uri",
                            google
                                    ? "https://www.googleapis.com/oauth2/v3/certs"
                                    : "https://issuer.example.com/.well-known/jwks.json");
                    jwt.put("x-google-audiences", gateway.apiId());
                    spec.putArray("security").addObject().putArray("jwt");
                    notes.add(
                            google
                                    ? "The API '" + gatewayName(node)
                                            + "' takes Google identity tokens with the audience '" + gateway.apiId()
                                            + "' (IAM auth)."
                                    : "The API '" + gatewayName(node)
                                            + "' checks JWTs: replace the issuer and JWKS address"
                                            + " issuer.example.com in " + gateway.specFile()
                                            + " with your identity provider's.");
                }
                case NONE ->
                    notes.add("The API '" + gatewayName(node) + "' has no auth, so the functions behind"
                            + " it are public (--allow-unauthenticated): callers reach them through the gateway and at"
                            + " their own URLs.");
                default -> throw new IllegalStateException("unknown auth " + node.auth());
            }
            ObjectNode paths = spec.putObject("paths");
            Names.Unique operationIds = new Names.Unique("", 120);
            for (ExportPlan.Route route : gateway.api().routes()) {
                Deployment deployment = httpDeployment(route.function().id());
                ObjectNode path =
                        paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
                List<String> methods = route.method().equals("ANY")
                        ? List.of("get", "post", "put", "delete", "patch", "head", "options")
                        : List.of(route.method().toLowerCase(Locale.ROOT));
                for (String method : methods) {
                    if (path.has(method)) {
                        notes.add("The API '" + gatewayName(node) + "' has two routes for "
                                + method.toUpperCase(Locale.ROOT) + " " + route.path() + "; the spec keeps the first.");
                        continue;
                    }
                    ObjectNode operation = path.putObject(method);
                    operation.put(
                            "operationId",
                            operationIds.next(
                                    Names.camel(route.function().name(), "call") + Names.pascal(method, "any")));
                    operation.put("summary", route.function().name());
                    ArrayNode parameters = null;
                    for (String parameter : pathParameters(route.path())) {
                        if (parameters == null) {
                            parameters = operation.putArray("parameters");
                        }
                        ObjectNode p = parameters.addObject();
                        p.put("name", parameter);
                        p.put("in", "path");
                        p.put("required", true);
                        p.put("type", "string");
                    }
                    ObjectNode backend = operation.putObject("x-google-backend");
                    backend.put("address", functionUrl(deployment));
                    backend.put("path_translation", "APPEND_PATH_TO_ADDRESS");
                    backend.put("deadline", (double) settings(deployment.name()).timeoutSeconds());
                    operation.putObject("responses").putObject("200").put("description", "The function's answer");
                }
            }
            return spec;
        }

        private static List<String> pathParameters(String path) {
            List<String> out = new ArrayList<>();
            java.util.regex.Matcher m = Pattern.compile("\\{([^}/]+)}").matcher(path);
            while (m.find()) {
                String name = m.group(1).endsWith("+")
                        ? m.group(1).substring(0, m.group(1).length() - 1)
                        : m.group(1);
                out.add(name);
            }
            return out;
        }

        // ---- README -----------------------------------------------------------------------------

        private String readme(List<GatewayOut> gateways) {
            StringBuilder out = new StringBuilder();
            out.append("# ").append(markdown(project.name())).append(" on Google Cloud Functions\n\n");
            if (!project.description().isBlank()) {
                out.append(markdown(project.description())).append("\n\n");
            }
            out.append("Exported from Stratus: a Maven project on the Functions Framework for Java (")
                    .append("`functions-framework-api` ")
                    .append(FRAMEWORK_VERSION)
                    .append("), one class per function, and `deploy.sh`, which creates the resources and deploys")
                    .append(" every function with `gcloud`.\n\n");
            out.append(
                    gen2Project
                            ? "The project targets Cloud Run functions (2nd gen): every function is deployed with `--gen2`.\n\n"
                            : "The project targets Cloud Functions (1st gen): HTTP functions are deployed with `--no-gen2`;"
                                    + " event functions need 2nd gen (`--gen2`) for CloudEvents in Java.\n\n");
            out.append("## Prerequisites\n\n");
            out.append("- JDK 17 or newer and Maven 3.8 or newer\n");
            out.append(
                    "- the Google Cloud CLI (`gcloud`), logged in (`gcloud auth login`), and a project with billing\n");
            out.append("- permission to enable services and to create the resources below in that project\n\n");
            out.append("## Build\n\n```sh\nmvn package\n```\n\n");
            out.append("This builds `")
                    .append(jarPath())
                    .append("`. Cloud Build builds the functions again from the")
                    .append(" sources when they are deployed (see `.gcloudignore` for what is uploaded).\n\n");
            out.append("## Deploy\n\n```sh\nPROJECT=my-project REGION=us-central1 ./deploy.sh\n```\n\n");
            out.append("`PROJECT` defaults to `gcloud config get-value project`, `REGION` to `us-central1`");
            if (!collections.isEmpty()) {
                out.append(", `FIRESTORE_LOCATION` (for a new Firestore database) to `nam5`");
            }
            out.append(". The script can run again: it creates what is missing and deploys the functions anew.")
                    .append(" Each `env-<function>.yaml` holds a function's environment; deploy.sh fills in ")
                    .append("`")
                    .append(PROJECT)
                    .append("` and `")
                    .append(REGION)
                    .append("` before passing it to")
                    .append(" `--env-vars-file`");
            if (!gateways.isEmpty()) {
                out.append(", and does the same for the API Gateway spec");
            }
            out.append(".\n\n");
            out.append("## Functions\n\n");
            out.append("| Cloud Function | class | started by | memory | timeout |\n");
            out.append("|---|---|---|---|---|\n");
            for (Deployment deployment : deployments) {
                out.append("| `")
                        .append(deployment.name())
                        .append("` | `")
                        .append(pkg)
                        .append('.')
                        .append(deployment.className())
                        .append("` | ")
                        .append(markdown(String.join("; ", startedBy(deployment))))
                        .append(" | ")
                        .append(settings(deployment.name()).memory())
                        .append(" | ")
                        .append(settings(deployment.name()).timeoutSeconds())
                        .append(" s |\n");
            }
            out.append('\n');
            if (!topics.isEmpty() || !schedules.isEmpty()) {
                out.append("Pub/Sub topics: ");
                List<String> names = new ArrayList<>(topics.values());
                names.addAll(schedules.values());
                out.append(String.join(
                                ", ", names.stream().map(n -> "`" + n + "`").toList()))
                        .append(".\n\n");
            }
            if (!buckets.isEmpty()) {
                out.append("Cloud Storage buckets (names start with the project id, since bucket names are global): ");
                out.append(String.join(
                                ", ",
                                buckets.values().stream()
                                        .map(b -> "`PROJECT-" + b.suffix() + "`")
                                        .toList()))
                        .append(".\n\n");
            }
            if (!collections.isEmpty()) {
                out.append("Firestore collections: ");
                out.append(String.join(
                                ", ",
                                collections.values().stream()
                                        .map(c -> "`" + c + "`")
                                        .toList()))
                        .append(".\n\n");
            }
            if (!schedules.isEmpty()) {
                out.append("Cloud Scheduler jobs publish to the schedule topics (five-field cron, time zone UTC).\n\n");
            }
            for (GatewayOut gateway : gateways) {
                out.append("The API Gateway `")
                        .append(gateway.gatewayId())
                        .append("` serves `")
                        .append(gateway.specFile())
                        .append("` (OpenAPI 2.0); deploy.sh prints its address. Each")
                        .append(" route goes to its function with the path appended, and the function checks the")
                        .append(" route: another path gets 404, another method 405.\n\n");
            }
            out.append("Functions with their own code pass the event to `handle(String)` as JSON: for HTTP,")
                    .append(" `{method, path, query, headers, body}`, answered with the returned text; for events,")
                    .append(" the CloudEvent's `{id, type, source, subject, time, data}` (Pub/Sub data is the")
                    .append(" `message` with base64 `data`, Cloud Storage data the object's metadata).\n\n");
            out.append("## Run a function locally\n\n");
            out.append("`mvn function:run` needs a plugin that is not part of this build; the Java Function")
                    .append(" Invoker runs any of the functions on a port:\n\n```sh\n");
            out.append("mvn dependency:copy -Dartifact=com.google.cloud.functions.invoker:java-function-invoker:")
                    .append(FRAMEWORK_VERSION)
                    .append(" -DoutputDirectory=.\n");
            Deployment first = deployments.get(0);
            out.append("java -jar java-function-invoker-")
                    .append(FRAMEWORK_VERSION)
                    .append(".jar --classpath ")
                    .append(jarPath())
                    .append(" --target ")
                    .append(pkg)
                    .append('.')
                    .append(first.className())
                    .append(" --port 8080\n```\n\n");
            if (first.trigger() == Trigger.HTTP) {
                ExportPlan.Http route = httpEvents(first.function()).stream()
                        .filter(h -> h.gateway() != null)
                        .findFirst()
                        .orElse(null);
                String path = route == null ? "/" : route.path().replaceAll("\\{[^}/]+}", "1");
                String method = route == null
                                || route.method().equals("GET")
                                || route.method().equals("ANY")
                        ? ""
                        : "-X " + route.method() + " ";
                out.append("Then `curl ")
                        .append(method)
                        .append("http://localhost:8080")
                        .append(path)
                        .append("`.\n\n");
            } else {
                out.append("Then send it a CloudEvent (binary mode), for example:\n\n```sh\n")
                        .append("curl localhost:8080 -H 'ce-id: 1' -H 'ce-specversion: 1.0' \\\n");
                if (first.trigger() == Trigger.STORAGE) {
                    ExportPlan.StorageEvent storage = (ExportPlan.StorageEvent) first.event();
                    out.append("  -H 'ce-type: ")
                            .append(storageType(storage))
                            .append("' \\\n")
                            .append("  -H 'ce-source: //storage.googleapis.com/projects/_/buckets/my-bucket' \\\n")
                            .append("  -H ")
                            .append(Shell.quote(
                                    "ce-subject: objects/" + storage.prefix() + "example" + storage.suffix()))
                            .append(" \\\n")
                            .append("  -H 'Content-Type: application/json' -d '{\"bucket\":\"my-bucket\"}'\n```\n\n");
                } else {
                    out.append("  -H 'ce-type: google.cloud.pubsub.topic.v1.messagePublished' \\\n")
                            .append(
                                    "  -H 'ce-source: //pubsub.googleapis.com/projects/my-project/topics/my-topic' \\\n")
                            .append(
                                    "  -H 'Content-Type: application/json' -d '{\"message\":{\"data\":\"e30=\"}}'\n```\n\n");
                }
            }
            if (!notes.isEmpty()) {
                out.append("## Notes\n\n");
                for (String note : new LinkedHashSet<>(notes)) {
                    out.append("- ").append(markdown(note)).append('\n');
                }
            }
            return out.toString();
        }

        private static String markdown(String text) {
            return text.replaceAll("[\\r\\n]+", " ").replace("|", "\\|").replace("<", "&lt;");
        }

        // ---- for the deploy script --------------------------------------------------------------

        ExportPlan plan() {
            return plan;
        }

        List<Deployment> deployments() {
            return deployments;
        }

        Map<String, String> topics() {
            return topics;
        }

        Map<String, BucketName> buckets() {
            return buckets;
        }

        Map<String, String> collections() {
            return collections;
        }

        Map<String, String> schedules() {
            return schedules;
        }

        Map<String, ScheduleTrigger> scheduleNodes() {
            return scheduleNodes;
        }

        Map<String, String> environment(String deployment) {
            return environments.getOrDefault(deployment, new TreeMap<>());
        }

        String pkg() {
            return pkg;
        }

        Project project() {
            return project;
        }

        void note(String note) {
            notes.add(note);
        }

        String scheduleCron(ScheduleTrigger trigger) throws ExportException {
            for (ExportPlan.Function function : plan.functions()) {
                for (ExportPlan.Event event : function.events()) {
                    if (event instanceof ExportPlan.Schedule s
                            && s.trigger().id().equals(trigger.id())) {
                        String name = trigger.name().isBlank() ? trigger.id() : trigger.name();
                        Schedules.Converted cron = Schedules.unixCron(s.expression(), name);
                        if (cron.note() != null) {
                            notes.add(cron.note());
                        }
                        return cron.expression();
                    }
                }
            }
            throw new IllegalStateException("no schedule " + trigger.id());
        }
    }
}
