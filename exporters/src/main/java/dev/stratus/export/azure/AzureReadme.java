package dev.stratus.export.azure;

import dev.stratus.export.ExportPlan;
import dev.stratus.model.StreamTrigger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The README of an Azure Functions export: prerequisites, commands, functions, settings, notes. */
final class AzureReadme {

    private AzureReadme() {}

    static String readme(ExportPlan plan, AzureApp app, int timeoutSeconds, List<String> notes) {
        String name = app.appName();
        String group = AzureExporter.resourceGroup(app);
        StringBuilder out = new StringBuilder();
        out.append("# ").append(text(plan.project().name())).append(" on Azure Functions\n\n");
        if (!plan.project().description().isBlank()) {
            out.append(text(plan.project().description())).append("\n\n");
        }
        out.append("Exported from Stratus: a Java function app for Azure Functions (runtime ~4, Linux, Java ")
                .append(app.javaVersion())
                .append(", ")
                .append(app.flex() ? "Flex Consumption" : "Consumption")
                .append(" plan), built with the azure-functions-maven-plugin ")
                .append(AzureExporter.PLUGIN_VERSION)
                .append(".\n\n");

        out.append("## Prerequisites\n\n")
                .append("- JDK 17 or newer and Maven 3.8 or newer.\n")
                .append("- To run locally: Azure Functions Core Tools v4 (`func`) and Azurite, the storage emulator"
                        + " (`AzureWebJobsStorage` is `UseDevelopmentStorage=true`).\n");
        if (has(app, AzureApp.SERVICE_BUS_CONNECTION)) {
            out.append("- The Service Bus emulator for local runs (local.settings.json points at it).\n");
        }
        if (has(app, AzureApp.EVENT_HUB_CONNECTION)) {
            out.append("- The Event Hubs emulator for local runs (local.settings.json points at it).\n");
        }
        out.append("- To deploy: the Azure CLI, signed in with `az login`, and a subscription.\n\n");

        out.append("## Build, run, deploy\n\n```sh\n")
                .append("mvn clean package            # compiles and writes target/azure-functions/")
                .append(name)
                .append("/<function>/function.json\n")
                .append(
                        "mvn azure-functions:run      # runs the app locally with Core Tools on http://localhost:7071\n")
                .append("az login\n")
                .append("mvn azure-functions:deploy   # creates or updates the function app ")
                .append(name)
                .append(" in ")
                .append(group)
                .append("\n```\n\n")
                .append("A function app name is global across Azure: if `")
                .append(name)
                .append("` is taken, pass another with `-DfunctionAppName=...` (also `-DfunctionResourceGroup`,"
                        + " `-DfunctionAppRegion`). The plugin's telemetry is off (`allowTelemetry` in pom.xml).\n\n");

        out.append("## Functions\n\n| Azure function | Class | Started by | Writes to |\n|---|---|---|---|\n");
        for (AzureApp.FunctionClass type : app.classes()) {
            String outputs = type.outputs().isEmpty()
                    ? "-"
                    : String.join(
                            ", ",
                            type.outputs().stream().map(AzureSources::describe).toList());
            for (AzureApp.AzureFunction function : type.functions()) {
                out.append("| `")
                        .append(function.name())
                        .append("` | `")
                        .append(type.className())
                        .append("` | ")
                        .append(cell(AzureSources.describe(function.trigger())))
                        .append(" | ")
                        .append(cell(outputs))
                        .append(" |\n");
            }
        }
        out.append("\nEach class's `handle` method is where the work goes")
                .append(
                        app.classes().stream().anyMatch(c -> c.code() != null)
                                ? "; a function with its own code passes the event, as JSON, to it."
                                : ".")
                .append(
                        app.classes().stream()
                                        .flatMap(c -> c.functions().stream())
                                        .anyMatch(f -> f.trigger().kind() == AzureApp.TriggerKind.HTTP)
                                ? " HTTP routes keep the design's paths (host.json sets no `/api` prefix): deployed at `https://"
                                        + name + ".azurewebsites.net/<route>`."
                                : "")
                .append("\n\n");

        mapping(out, app);
        out.append("## Settings\n\n")
                .append("`host.json`: `functionTimeout` ")
                .append(AzureExporter.format(timeoutSeconds))
                .append(" (one timeout for the whole app), extension bundle [4.*, 5.0.0).\n\n")
                .append("| Setting | Local value | Deployed as | What |\n|---|---|---|---|\n");
        for (AzureApp.Setting setting : app.settings()) {
            out.append("| `")
                    .append(cell(setting.name()))
                    .append("` | `")
                    .append(cell(setting.local()))
                    .append("` | ")
                    .append(
                            setting.deployed() == null
                                    ? "set by Azure"
                                    : "`" + cell(setting.deployedName()) + "` = `" + cell(setting.deployed()) + "`")
                    .append(" | ")
                    .append(cell(setting.purpose()))
                    .append(" |\n");
        }
        out.append("\nlocal.settings.json holds the local values and stays out of git; the deployed values are the"
                + " plugin's `appSettings` in pom.xml.\n\n");

        resources(out, app, group);
        scale(out, plan, app, group);

        out.append("## Notes\n\n");
        if (notes.isEmpty()) {
            out.append("The design maps onto Azure Functions without approximations.\n");
        }
        for (String note : notes) {
            out.append("- ").append(text(note)).append('\n');
        }
        return out.toString();
    }

    /** Why each kind of service became what it is on Azure; only the kinds the design uses. */
    private static void mapping(StringBuilder out, AzureApp app) {
        Set<String> lines = new LinkedHashSet<>();
        for (AzureApp.FunctionClass type : app.classes()) {
            for (AzureApp.AzureFunction function : type.functions()) {
                switch (function.trigger().kind()) {
                    case STORAGE_QUEUE -> lines.add(STORAGE_QUEUE);
                    case SERVICE_BUS_QUEUE -> lines.add(SERVICE_BUS_QUEUE);
                    case SERVICE_BUS_TOPIC -> lines.add(TOPIC);
                    case BLOB, EVENT_GRID -> lines.add(BLOB);
                    case EVENT_HUB -> lines.add(STREAM);
                    default -> {}
                }
            }
            for (AzureApp.Output output : type.outputs()) {
                switch (output.kind()) {
                    case STORAGE_QUEUE -> lines.add(STORAGE_QUEUE);
                    case SERVICE_BUS_QUEUE -> lines.add(SERVICE_BUS_QUEUE);
                    case SERVICE_BUS_TOPIC -> lines.add(TOPIC);
                    case TABLE -> lines.add(TABLE);
                }
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        out.append("## How the design maps to Azure\n\n");
        lines.forEach(line -> out.append("- ").append(line).append('\n'));
        out.append('\n');
    }

    private static final String STORAGE_QUEUE = "A standard queue is an Azure Storage queue: at-least-once delivery"
            + " like SQS, in the app's own storage account, so nothing else to provision or pay for.";

    private static final String SERVICE_BUS_QUEUE = "A FIFO queue is a Service Bus queue with sessions, the Azure"
            + " queue that keeps order (per session, like SQS message groups).";

    private static final String TOPIC = "A topic is a Service Bus topic with one subscription per subscribing"
            + " function: everything is declared before deployment, whereas an Event Grid subscription can only be"
            + " made once the function it calls is deployed.";

    private static final String TABLE = "A table is an Azure Table storage table (a key-value store, like DynamoDB)"
            + " in the app's storage account; functions write rows with a table output binding.";

    private static final String BLOB = "A bucket is a Blob Storage container in the app's storage account; key"
            + " prefix and suffix filters are part of the blob path pattern.";

    private static final String STREAM =
            "A stream is an event hub, read in batches (cardinality MANY), one" + " partition per shard.";

    private static void resources(StringBuilder out, AzureApp app, String group) {
        Set<String> storage = new LinkedHashSet<>();
        Set<String> serviceBus = new LinkedHashSet<>();
        Set<String> eventHubs = new LinkedHashSet<>();
        Set<String> eventGrid = new LinkedHashSet<>();
        for (AzureApp.FunctionClass type : app.classes()) {
            for (AzureApp.AzureFunction function : type.functions()) {
                AzureApp.Trigger t = function.trigger();
                switch (t.kind()) {
                    case STORAGE_QUEUE ->
                        storage.add(
                                "az storage queue create --name " + t.resource() + " --connection-string \"$STORAGE\"");
                    case BLOB, EVENT_GRID ->
                        storage.add("az storage container create --name " + t.resource()
                                + " --connection-string \"$STORAGE\"");
                    case SERVICE_BUS_QUEUE ->
                        serviceBus.add("az servicebus queue create -g " + group + " --namespace-name \"$BUS\" --name "
                                + t.resource() + " --enable-session true");
                    case SERVICE_BUS_TOPIC -> {
                        serviceBus.add("az servicebus topic create -g " + group + " --namespace-name \"$BUS\" --name "
                                + t.resource());
                        serviceBus.add("az servicebus topic subscription create -g " + group
                                + " --namespace-name \"$BUS\" --topic-name " + t.resource() + " --name " + t.detail());
                    }
                    case EVENT_HUB ->
                        eventHubs.add("az eventhubs eventhub create -g " + group + " --namespace-name \"$HUBS\" --name "
                                + t.resource() + partitions(function.event()));
                    default -> {}
                }
                if (t.kind() == AzureApp.TriggerKind.EVENT_GRID
                        || (t.kind() == AzureApp.TriggerKind.BLOB && app.flex())) {
                    eventGrid.add(eventGridCommand(app, group, function));
                }
            }
            for (AzureApp.Output output : type.outputs()) {
                switch (output.kind()) {
                    case STORAGE_QUEUE ->
                        storage.add("az storage queue create --name " + output.resource()
                                + " --connection-string \"$STORAGE\"");
                    case TABLE ->
                        storage.add("az storage table create --name " + output.resource()
                                + " --connection-string \"$STORAGE\"");
                    case SERVICE_BUS_QUEUE ->
                        serviceBus.add("az servicebus queue create -g " + group + " --namespace-name \"$BUS\" --name "
                                + output.resource() + " --enable-session true");
                    case SERVICE_BUS_TOPIC ->
                        serviceBus.add("az servicebus topic create -g " + group + " --namespace-name \"$BUS\" --name "
                                + output.resource());
                }
            }
        }
        if (storage.isEmpty() && serviceBus.isEmpty() && eventHubs.isEmpty() && eventGrid.isEmpty()) {
            return;
        }
        out.append("## Resources to create after the first deploy\n\n")
                .append("The plugin creates the function app, its plan and its storage account. Queues, containers"
                        + " and tables live in that storage account")
                .append(
                        serviceBus.isEmpty() && eventHubs.isEmpty()
                                ? ""
                                : "; Service Bus and Event Hubs are reached with the app's managed identity (the"
                                        + " `__fullyQualifiedNamespace` settings)")
                .append(":\n\n```sh\nAPP=")
                .append(app.appName())
                .append("\nSTORAGE=$(az functionapp config appsettings list -g ")
                .append(group)
                .append(" -n $APP --query \"[?name=='AzureWebJobsStorage'].value\" -o tsv)\n");
        storage.forEach(line -> out.append(line).append('\n'));
        if (!serviceBus.isEmpty() || !eventHubs.isEmpty()) {
            out.append("PRINCIPAL=$(az functionapp identity assign -g ")
                    .append(group)
                    .append(" -n $APP --query principalId -o tsv)\n");
        }
        if (!serviceBus.isEmpty()) {
            out.append("BUS=")
                    .append(namespaceProperty(app, "serviceBusNamespace", "-bus"))
                    .append('\n');
            out.append("az servicebus namespace create -g ").append(group).append(" --name \"$BUS\" --sku Standard\n");
            serviceBus.forEach(line -> out.append(line).append('\n'));
            out.append("az role assignment create --assignee \"$PRINCIPAL\" --role \"Azure Service Bus Data Owner\""
                            + " --scope $(az servicebus namespace show -g ")
                    .append(group)
                    .append(" --name \"$BUS\" --query id -o tsv)\n");
        }
        if (!eventHubs.isEmpty()) {
            out.append("HUBS=")
                    .append(namespaceProperty(app, "eventHubsNamespace", "-events"))
                    .append('\n');
            out.append("az eventhubs namespace create -g ").append(group).append(" --name \"$HUBS\"\n");
            eventHubs.forEach(line -> out.append(line).append('\n'));
            out.append("az role assignment create --assignee \"$PRINCIPAL\" --role \"Azure Event Hubs Data Owner\""
                            + " --scope $(az eventhubs namespace show -g ")
                    .append(group)
                    .append(" --name \"$HUBS\" --query id -o tsv)\n");
        }
        if (!eventGrid.isEmpty()) {
            out.append("STORAGE_ID=$(az storage account list -g ")
                    .append(group)
                    .append(" --query \"[0].id\" -o tsv)   # the app's storage account\n");
        }
        eventGrid.forEach(line -> out.append(line).append('\n'));
        out.append("```\n\n");
    }

    /** The stream's shards as event hub partitions. */
    private static String partitions(ExportPlan.Event event) {
        if (event instanceof ExportPlan.StreamRecords stream
                && stream.stream().node() instanceof StreamTrigger trigger) {
            return " --partition-count " + trigger.shards();
        }
        return "";
    }

    private static String eventGridCommand(AzureApp app, String group, AzureApp.AzureFunction function) {
        AzureApp.Trigger t = function.trigger();
        String path = t.detail();
        String afterContainer = path.substring(path.indexOf('/') + 1);
        String prefix = afterContainer
                .substring(0, afterContainer.indexOf("{name}"))
                .replace("{{", "{")
                .replace("}}", "}");
        String suffix = afterContainer
                .substring(afterContainer.indexOf("{name}") + "{name}".length())
                .replace("{{", "{")
                .replace("}}", "}");
        boolean deleted = t.kind() == AzureApp.TriggerKind.EVENT_GRID;
        String endpoint = deleted
                ? "--endpoint-type azurefunction --endpoint $(az functionapp function show -g " + group
                        + " -n $APP --function-name " + function.name() + " --query id -o tsv)"
                : "--endpoint-type webhook --endpoint \"https://$APP.azurewebsites.net/runtime/webhooks/blobs"
                        + "?functionName=Host." + "Functions." + function.name()
                        + "&code=$(az functionapp keys list -g " + group
                        + " -n $APP --query systemKeys.blobs_extension -o tsv)\"";
        return "az eventgrid event-subscription create --name " + shortName(function.name())
                + " --source-resource-id \"$STORAGE_ID\""
                + " " + endpoint
                + " --included-event-types "
                + (deleted ? "Microsoft.Storage.BlobDeleted" : "Microsoft.Storage.BlobCreated")
                + " --subject-begins-with '/blobServices/default/containers/" + t.resource() + "/blobs/"
                + shellQuoted(prefix) + "'"
                + (suffix.isEmpty() ? "" : " --subject-ends-with '" + shellQuoted(suffix) + "'");
    }

    private static String shortName(String name) {
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private static String shellQuoted(String text) {
        return text.replace("'", "'\\''");
    }

    private static String namespaceProperty(AzureApp app, String property, String suffix) {
        return AzureExporter.namespace(app.appName(), suffix) + "   # the " + property + " property in pom.xml";
    }

    private static void scale(StringBuilder out, ExportPlan plan, AzureApp app, String group) {
        Integer limit = AzureExporter.scaleLimit(plan);
        out.append("## Scale\n\n");
        if (limit == null) {
            out.append("No instance limit: reserved concurrency is not set on every function, and Azure limits"
                    + " the scale of a whole function app, not of one function.");
        } else if (app.flex()) {
            out.append("Reserved concurrency ").append(limit).append(" is the app's `maximumInstances` (pom.xml).");
        } else {
            out.append("Reserved concurrency ")
                    .append(limit)
                    .append(" becomes the app's instance limit, `functionAppScaleLimit`, which the plugin cannot set;"
                            + " after deploying run:\n\n```sh\naz resource update --resource-type Microsoft.Web/sites"
                            + " -g ")
                    .append(group)
                    .append(" -n ")
                    .append(app.appName())
                    .append("/config/web --set properties.functionAppScaleLimit=")
                    .append(limit)
                    .append("\n```\n\nIt limits instances; one instance may still run several executions at once.");
        }
        int provisioned = plan.functions().stream()
                .mapToInt(f -> f.node().provisionedConcurrency())
                .max()
                .orElse(0);
        if (provisioned > 0) {
            out.append(
                    app.flex()
                            ? " Provisioned concurrency is `alwaysReadyInstances` (always-ready instances)."
                            : " Provisioned concurrency has no Consumption-plan equivalent (Flex Consumption's always-ready"
                                    + " instances or a Premium plan's minimum instances are).");
        }
        out.append("\n\n");
    }

    private static boolean has(AzureApp app, String setting) {
        return app.settings().stream().anyMatch(s -> s.name().equals(setting));
    }

    /** Text from the design on one Markdown line: no line breaks, no HTML. */
    private static String text(String value) {
        return value.replaceAll("[\\r\\n\\u2028\\u2029]+", " ")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    /** Text in a table cell: also no pipe. */
    private static String cell(String value) {
        return text(value == null ? "" : value).replace("|", "\\|").replace("`", "'");
    }
}
