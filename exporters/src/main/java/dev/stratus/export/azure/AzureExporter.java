package dev.stratus.export.azure;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stratus.export.Documents;
import dev.stratus.export.Export;
import dev.stratus.export.ExportException;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.ExportTarget;
import dev.stratus.export.ExportedFiles;
import dev.stratus.export.Exporter;
import dev.stratus.export.MavenPom;
import dev.stratus.export.UserCode;
import dev.stratus.export.Xml;
import dev.stratus.model.Project;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Azure Functions (Java): a Maven project on azure-functions-java-library with the
 * azure-functions-maven-plugin, whose {@code package} goal writes each function's function.json;
 * host.json, local.settings.json, one annotated class per function and a README.
 */
public final class AzureExporter implements Exporter {

    /** The function library and Maven plugin versions known to resolve. */
    static final String LIBRARY_VERSION = "3.2.3";

    static final String PLUGIN_VERSION = "1.30.0";

    /** The longest a function may run on the Consumption plan, seconds. */
    static final int CONSUMPTION_TIMEOUT_LIMIT = 600;

    /** How long an HTTP-triggered function may take before Azure's load balancer answers 502, seconds. */
    static final int HTTP_RESPONSE_LIMIT = 230;

    @Override
    public ExportTarget target() {
        return ExportTarget.AZURE;
    }

    @Override
    public Export export(Project project) throws ExportException {
        ExportPlan plan = ExportPlan.of(project);
        AzureApp app = AzureApps.of(plan);
        // The plan may say the same thing twice (a route is checked for the gateway and for the function).
        Set<String> distinct = new LinkedHashSet<>(plan.notes());
        distinct.addAll(app.notes());
        List<String> notes = new ArrayList<>(distinct);
        int timeout = functionTimeout(plan, app, notes);
        for (AzureApp.Setting setting : app.settings()) {
            if (setting.deployed() != null
                    && setting.deployed().contains("${")
                    && !setting.deployed().startsWith("https://${functionAppName}")
                    && !setting.deployed().startsWith("${")) {
                notes.add("The value of " + setting.name() + " contains '${', which Maven reads as a property in"
                        + " pom.xml; check the deployed value.");
            }
        }

        ExportedFiles files = new ExportedFiles();
        files.add("pom.xml", pom(plan, app));
        files.add("host.json", hostJson(plan, app, timeout));
        files.add("local.settings.json", localSettings(app));
        files.add(".gitignore", "target/\nlocal.settings.json\n");
        String folder = "src/main/java/" + AzureSources.packageName(app).replace('.', '/') + "/";
        files.add(folder + "Json.java", AzureSources.json(app));
        Map<String, String> userSources = new LinkedHashMap<>();
        for (AzureApp.FunctionClass type : app.classes()) {
            files.add(folder + type.className() + ".java", AzureSources.functionClass(app, type));
        }
        for (AzureApp.FunctionClass type : app.classes()) {
            UserCode code = type.code();
            if (code == null) {
                continue;
            }
            String before = userSources.putIfAbsent(code.path(), code.source());
            if (before == null) {
                if (files.contains(code.path())) {
                    throw new ExportException(
                            "the code of function '" + type.function().name() + "' declares "
                                    + code.qualifiedName() + ", a class the export generates; rename the class or its"
                                    + " package");
                }
                files.add(code.path(), code.source());
            } else if (!before.equals(code.source())) {
                throw new ExportException("two functions have code declaring the class " + code.qualifiedName()
                        + " with different bodies; give one of them another class name");
            }
        }
        files.add("README.md", AzureReadme.readme(plan, app, timeout, notes));
        return new Export(ExportTarget.AZURE, files, notes);
    }

    /** host.json's functionTimeout, seconds: the largest function timeout, within the plan's limit. */
    private static int functionTimeout(ExportPlan plan, AzureApp app, List<String> notes) {
        double longest = 0;
        double shortest = Double.MAX_VALUE;
        for (ExportPlan.Function function : plan.functions()) {
            longest = Math.max(longest, function.node().timeoutSeconds());
            shortest = Math.min(shortest, function.node().timeoutSeconds());
        }
        int seconds = (int) Math.max(1, Math.ceil(longest));
        if (shortest < longest) {
            notes.add("Azure sets one timeout for the whole function app (host.json functionTimeout): "
                    + format(seconds) + ", the longest of the functions' timeouts.");
        }
        if (!app.flex() && seconds > CONSUMPTION_TIMEOUT_LIMIT) {
            notes.add("The timeout of " + seconds + " s is longer than the Consumption plan allows; it is capped at"
                    + " 10 minutes. Flex Consumption (azure-flex) or a Premium plan runs longer.");
            seconds = CONSUMPTION_TIMEOUT_LIMIT;
        }
        for (AzureApp.FunctionClass type : app.classes()) {
            boolean http = type.functions().stream().anyMatch(f -> f.trigger().kind() == AzureApp.TriggerKind.HTTP);
            if (http && type.function().node().timeoutSeconds() > HTTP_RESPONSE_LIMIT) {
                notes.add("'" + type.function().name() + "' answers HTTP with a timeout over 230 s; Azure's load"
                        + " balancer ends an HTTP request after 230 s whatever the function timeout.");
            }
        }
        return seconds;
    }

    /** Seconds as host.json's hh:mm:ss. */
    static String format(int seconds) {
        return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    static String pom(ExportPlan plan, AzureApp app) {
        Project project = plan.project();
        MavenPom pom = MavenPom.forProject(project, "azure-functions");
        pom.property("functionAppName", app.appName());
        pom.property("functionResourceGroup", resourceGroup(app));
        pom.property("functionAppRegion", "westeurope");
        boolean serviceBus = setting(app, AzureApp.SERVICE_BUS_CONNECTION);
        boolean eventHubs = setting(app, AzureApp.EVENT_HUB_CONNECTION);
        if (serviceBus) {
            pom.property("serviceBusNamespace", namespace(app.appName(), "-bus"));
        }
        if (eventHubs) {
            pom.property("eventHubsNamespace", namespace(app.appName(), "-events"));
        }
        pom.dependency("com.microsoft.azure.functions", "azure-functions-java-library", LIBRARY_VERSION);
        Xml plugin = pom.plugin("com.microsoft.azure", "azure-functions-maven-plugin", PLUGIN_VERSION);
        Xml configuration = plugin.child("configuration")
                .leaf("appName", "${functionAppName}")
                .leaf("resourceGroup", "${functionResourceGroup}")
                .leaf("region", "${functionAppRegion}")
                .leaf("pricingTier", app.flex() ? "Flex Consumption" : "Consumption");
        if (app.flex()) {
            int memory = plan.functions().stream()
                    .mapToInt(f -> f.node().memoryMb())
                    .max()
                    .orElse(512);
            configuration.leaf("instanceSize", Integer.toString(AzureScale.instanceSize(memory)));
            Integer limit = scaleLimit(plan);
            if (limit != null) {
                configuration.leaf("maximumInstances", Integer.toString(Math.min(limit, 1000)));
            }
            int provisioned = plan.functions().stream()
                    .mapToInt(f -> f.node().provisionedConcurrency())
                    .max()
                    .orElse(0);
            if (provisioned > 0) {
                int ready = limit != null ? Math.min(provisioned, limit) : provisioned;
                configuration.leaf("alwaysReadyInstances", Integer.toString(ready));
            }
        }
        configuration.child("runtime").leaf("os", "linux").leaf("javaVersion", Integer.toString(app.javaVersion()));
        Xml settings = configuration.child("appSettings");
        settings.child("property").leaf("name", "FUNCTIONS_EXTENSION_VERSION").leaf("value", "~4");
        for (AzureApp.Setting setting : app.settings()) {
            if (setting.deployed() != null) {
                settings.child("property").leaf("name", setting.deployedName()).leaf("value", setting.deployed());
            }
        }
        // Telemetry would be sent to Microsoft on every build; the export keeps builds quiet and offline.
        configuration.leaf("allowTelemetry", "false");
        plugin.child("executions")
                .child("execution")
                .leaf("id", "package-functions")
                .child("goals")
                .leaf("goal", "package");
        return pom.document();
    }

    /** The app-wide instance limit when every function has a reserved concurrency, else null. */
    static Integer scaleLimit(ExportPlan plan) {
        int limit = 0;
        for (ExportPlan.Function function : plan.functions()) {
            Integer reserved = function.node().reservedConcurrency();
            if (reserved == null || reserved <= 0) {
                return null;
            }
            limit = Math.max(limit, reserved);
        }
        return limit;
    }

    static String resourceGroup(AzureApp app) {
        return app.appName() + "-rg";
    }

    /** A Service Bus or Event Hubs namespace name: 6 to 50 letters, digits and hyphens. */
    static String namespace(String appName, String suffix) {
        String stem = appName.length() + suffix.length() > 50 ? appName.substring(0, 50 - suffix.length()) : appName;
        while (stem.endsWith("-")) {
            stem = stem.substring(0, stem.length() - 1);
        }
        String name = stem + suffix;
        return name.length() < 6 ? name + "-ns" : name;
    }

    private static boolean setting(AzureApp app, String name) {
        return app.settings().stream().anyMatch(s -> s.name().equals(name));
    }

    static String hostJson(ExportPlan plan, AzureApp app, int timeoutSeconds) {
        ObjectNode host = Documents.object();
        host.put("version", "2.0");
        host.put("functionTimeout", format(timeoutSeconds));
        ObjectNode logging = host.putObject("logging");
        logging.putObject("applicationInsights")
                .putObject("samplingSettings")
                .put("isEnabled", true)
                .put("excludedTypes", "Request");
        host.putObject("extensionBundle")
                .put("id", "Microsoft.Azure.Functions.ExtensionBundle")
                .put("version", "[4.*, 5.0.0)");
        ObjectNode extensions = Documents.object();
        int queueBatch = 0;
        int streamBatch = 0;
        boolean http = false;
        for (AzureApp.FunctionClass type : app.classes()) {
            for (AzureApp.AzureFunction function : type.functions()) {
                switch (function.trigger().kind()) {
                    case HTTP -> http = true;
                    case STORAGE_QUEUE ->
                        queueBatch = Math.max(queueBatch, function.trigger().batchSize());
                    case EVENT_HUB ->
                        streamBatch = Math.max(streamBatch, function.trigger().batchSize());
                    default -> {}
                }
            }
        }
        if (http) {
            // Routes keep the gateway's paths: no /api prefix.
            extensions.putObject("http").put("routePrefix", "");
        }
        if (queueBatch > 0) {
            // Storage queue functions take one message per call; batchSize is how many the host fetches and
            // runs in parallel per instance (at most 32).
            extensions.putObject("queues").put("batchSize", Math.min(32, queueBatch));
        }
        if (streamBatch > 0) {
            extensions.putObject("eventHubs").put("maxEventBatchSize", streamBatch);
        }
        if (!extensions.isEmpty()) {
            host.set("extensions", extensions);
        }
        return Documents.json(host);
    }

    static String localSettings(AzureApp app) {
        ObjectNode local = Documents.object();
        local.put("IsEncrypted", false);
        ObjectNode values = local.putObject("Values");
        for (AzureApp.Setting setting : app.settings()) {
            values.put(setting.name(), setting.local());
        }
        return Documents.json(local);
    }
}
