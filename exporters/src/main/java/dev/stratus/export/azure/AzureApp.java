package dev.stratus.export.azure;

import dev.stratus.export.ExportPlan;
import dev.stratus.export.UserCode;
import java.util.List;

/**
 * The Azure shape of an exported design: one function app, one Java class per designed function and
 * one Azure function (a {@code @FunctionName} method) per event that starts it, each with its trigger
 * binding and the output bindings its connections imply.
 */
record AzureApp(
        String appName,
        String basePackage,
        boolean flex,
        int javaVersion,
        List<FunctionClass> classes,
        List<Setting> settings,
        List<String> notes) {

    AzureApp {
        classes = List.copyOf(classes);
        settings = List.copyOf(settings);
        notes = List.copyOf(notes);
    }

    /** The connection setting for Azure Storage (queues, blobs, tables) that every function app has. */
    static final String STORAGE_CONNECTION = "AzureWebJobsStorage";

    static final String SERVICE_BUS_CONNECTION = "ServiceBusConnection";

    static final String EVENT_HUB_CONNECTION = "EventHubConnection";

    /** The kinds of trigger the export writes. */
    enum TriggerKind {
        HTTP("httpTrigger", "HTTP request"),
        TIMER("timerTrigger", "timer"),
        STORAGE_QUEUE("queueTrigger", "Storage queue"),
        SERVICE_BUS_QUEUE("serviceBusTrigger", "Service Bus queue (sessions, first in first out)"),
        SERVICE_BUS_TOPIC("serviceBusTrigger", "Service Bus topic subscription"),
        BLOB("blobTrigger", "blob created"),
        EVENT_GRID("eventGridTrigger", "Event Grid event"),
        EVENT_HUB("eventHubTrigger", "Event Hub records");

        private final String bindingType;
        private final String description;

        TriggerKind(String bindingType, String description) {
            this.bindingType = bindingType;
            this.description = description;
        }

        /** The binding type the Maven plugin writes into function.json. */
        String bindingType() {
            return bindingType;
        }

        String description() {
            return description;
        }
    }

    /**
     * A trigger binding. {@code resource} is the queue, topic, container or event hub name;
     * {@code detail} the route (HTTP), schedule (timer), subscription (topic) or blob path (blob).
     */
    record Trigger(
            TriggerKind kind,
            String resource,
            String detail,
            String connection,
            List<String> methods,
            boolean functionKey,
            List<RouteParameter> routeParameters,
            int batchSize) {
        Trigger {
            methods = List.copyOf(methods);
            routeParameters = List.copyOf(routeParameters);
        }

        static Trigger of(TriggerKind kind, String resource, String detail, String connection) {
            return new Trigger(kind, resource, detail, connection, List.of(), false, List.of(), 1);
        }
    }

    /** A route parameter: its name in the Azure route and the Java parameter that receives it. */
    record RouteParameter(String name, String javaName) {}

    /** The kinds of output binding a connection can give. */
    enum OutputKind {
        STORAGE_QUEUE("queue"),
        SERVICE_BUS_QUEUE("serviceBus"),
        SERVICE_BUS_TOPIC("serviceBus"),
        TABLE("table");

        private final String bindingType;

        OutputKind(String bindingType) {
            this.bindingType = bindingType;
        }

        String bindingType() {
            return bindingType;
        }
    }

    /** An output binding: a Java parameter of type {@code OutputBinding<String>}. */
    record Output(OutputKind kind, String javaName, String resource, String connection) {}

    /** One Azure function: a method of its class. */
    record AzureFunction(String name, String methodName, Trigger trigger, ExportPlan.Event event) {}

    /** The class for one designed function. */
    record FunctionClass(
            ExportPlan.Function function,
            String className,
            List<AzureFunction> functions,
            List<Output> outputs,
            UserCode code) {
        FunctionClass {
            functions = List.copyOf(functions);
            outputs = List.copyOf(outputs);
        }
    }

    /**
     * An app setting: {@code local} goes into local.settings.json, {@code deployed} into the plugin's
     * appSettings (null: not deployed by the plugin, Azure sets it itself). {@code deployedName}
     * differs from {@code name} for identity-based connections.
     */
    record Setting(String name, String local, String deployedName, String deployed, String purpose) {}
}
