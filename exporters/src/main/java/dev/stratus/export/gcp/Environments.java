package dev.stratus.export.gcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stratus.export.Documents;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.ExportedFiles;
import dev.stratus.export.Names;
import dev.stratus.export.gcp.GcpExporter.Deployment;
import dev.stratus.model.ExternalApi;
import dev.stratus.model.FunctionNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The environment of each deployment and its {@code env-<deployment>.yaml} file: the function's
 * variables, with names Cloud Functions accepts, connections resolved to topic, bucket and collection
 * names or function URLs, and a variable per storage trigger naming its bucket. Values may hold the
 * {@link GcpExporter#PROJECT} and {@link GcpExporter#REGION} placeholders that deploy.sh fills in.
 */
final class Environments {

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

    private final ResourceNames resources;
    private final Deployments deployments;
    private final List<String> notes;
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> connectionVariables = new LinkedHashMap<>();
    private final Map<String, String> variableRenames = new LinkedHashMap<>();
    private final Map<String, String> triggerBuckets = new LinkedHashMap<>();

    Environments(ResourceNames resources, Deployments deployments, List<String> notes) {
        this.resources = resources;
        this.deployments = deployments;
        this.notes = notes;
    }

    /** Works out the environment of every deployment; call once the deployments are planned. */
    void compute() {
        for (Deployment deployment : deployments.all()) {
            environments.put(deployment.name(), environment(deployment));
        }
    }

    /** Adds an env file for every deployment with a non-empty environment. */
    void writeFiles(ExportedFiles files) {
        for (Deployment deployment : deployments.all()) {
            Map<String, String> environment = environments.get(deployment.name());
            if (!environment.isEmpty()) {
                ObjectNode yaml = Documents.object();
                environment.forEach(yaml::put);
                files.add(envFile(deployment), GcpExporter.yaml(yaml));
            }
        }
    }

    Map<String, String> environment(String deployment) {
        return environments.getOrDefault(deployment, new TreeMap<>());
    }

    /** The variables of a function that hold connections, with what each one holds in words. */
    Map<String, String> connections(String functionId) {
        return connectionVariables.getOrDefault(functionId, Map.of());
    }

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
                                resources.buckets().get(storage.bucket().id()).deployed())
                        && triggerBuckets.containsKey(key)) {
                    continue;
                }
                String name = names.next(Names.upperSnake(storage.bucket().name(), "trigger") + "_BUCKET");
                triggerBuckets.putIfAbsent(key, name);
                environment.put(
                        name, resources.buckets().get(storage.bucket().id()).deployed());
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
                case QUEUE, TOPIC, STREAM -> resources.topics().get(resource.id());
                case BUCKET -> resources.buckets().get(resource.id()).deployed();
                case TABLE -> resources.collections().get(resource.id());
                case EXTERNAL_API -> resource.node() instanceof ExternalApi api ? api.url() : "";
                case EMAIL -> "";
            };
        }
        FunctionNode target = connection.function();
        Deployment http = deployments.httpDeployment(target.id());
        String targetName = target.name().isBlank() ? target.id() : target.name();
        String callerName = caller.name();
        if (http == null) {
            Deployment any = deployments.all().stream()
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
        return "https://" + GcpExporter.REGION + "-" + GcpExporter.PROJECT + ".cloudfunctions.net/" + deployment.name();
    }

    static String envFile(Deployment deployment) {
        return "env-" + deployment.name() + ".yaml";
    }
}
