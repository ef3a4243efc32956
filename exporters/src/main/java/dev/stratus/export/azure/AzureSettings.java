package dev.stratus.export.azure;

import dev.stratus.export.ExportPlan;
import dev.stratus.model.ExternalApi;
import dev.stratus.model.Queue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The app settings of an {@link AzureApp}: the storage, Service Bus and Event Hubs connections the
 * bindings need, each function's environment (values for the deployed app and for a local run),
 * and the settings that disable throttled functions. App settings belong to the whole function app,
 * so a variable two functions set differently gets one value and a note.
 */
final class AzureSettings {

    private final AzureApps apps;
    private final ExportPlan plan;
    private final List<String> notes;

    AzureSettings(AzureApps apps) {
        this.apps = apps;
        this.plan = apps.plan;
        this.notes = apps.notes;
    }

    /** The app settings, deployed and local, in the order they are written. */
    List<AzureApp.Setting> settings(String appName) {
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
                String name = "AzureWebJobs." + apps.functionNames.get(function.id()) + ".Disabled";
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
            String path = apps.httpPaths.get(id);
            if (path != null) {
                return new String[] {
                    "https://${functionAppName}.azurewebsites.net/" + path,
                    "http://localhost:7071/" + path,
                    "URL of the function " + apps.functionNames.get(id)
                };
            }
            String name = apps.functionNames.get(id);
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
        String name = apps.resourceName(resource);
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
