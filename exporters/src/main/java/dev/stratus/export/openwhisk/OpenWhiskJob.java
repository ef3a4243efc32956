package dev.stratus.export.openwhisk;

import dev.stratus.export.Documents;
import dev.stratus.export.Export;
import dev.stratus.export.ExportException;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.ExportTarget;
import dev.stratus.export.ExportedFiles;
import dev.stratus.export.MavenPom;
import dev.stratus.export.Names;
import dev.stratus.export.UserCode;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Project;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of the OpenWhisk export: reads the functions' own code, builds an action per function and
 * the manifest around them, gathers the notes on what OpenWhisk does differently, and writes the
 * files (manifest.yaml, pom.xml, the sources, README.md). Single use: {@link #run} once.
 */
final class OpenWhiskJob {
    private final ExportPlan plan;
    private final Project project;
    private final List<String> notes;
    private final String javaPackage;
    private final String artifact;
    private final OpenWhiskManifest manifest;
    private final List<ActionSources.Action> actions = new ArrayList<>();

    OpenWhiskJob(ExportPlan plan) {
        this.plan = plan;
        this.project = plan.project();
        this.notes = new ArrayList<>(plan.notes());
        this.javaPackage = MavenPom.basePackage(project);
        this.artifact = MavenPom.artifactId(project, "openwhisk");
        this.manifest = new OpenWhiskManifest(project, javaPackage, artifact, notes);
    }

    Export run() throws ExportException {
        manifest.nameActions(plan.functions());
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
                startedBy.add(manifest.event(function, event));
            }
            if (startedBy.isEmpty()) {
                startedBy.add("nothing in the design: invoke it with wsk action invoke " + manifest.packageName() + "/"
                        + manifest.actionName(function.id()));
            }
            List<String> inputs = function.environment().stream()
                    .map(ExportPlan.Variable::name)
                    .toList();
            actions.add(new ActionSources.Action(
                    function,
                    manifest.actionName(function.id()),
                    className,
                    userCodes.get(function.id()),
                    inputs,
                    startedBy));
            settingsNotes(function);
        }
        resourceNotes();
        if (!manifest.triggers().isEmpty()) {
            notes.add("Triggers and rules belong to the namespace, not to the package " + manifest.packageName() + ": a"
                    + " trigger or rule of the same name deployed from another manifest into the same namespace"
                    + " replaces it.");
        }
        ExportedFiles files = new ExportedFiles();
        files.add("manifest.yaml", Documents.yaml(manifest.document(actions)));
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
        files.add("README.md", OpenWhiskReadme.of(this));
        return new Export(ExportTarget.OPENWHISK, files, notes);
    }

    private void settingsNotes(ExportPlan.Function function) {
        FunctionNode node = function.node();
        String name = "'" + function.name() + "'";
        if (node.memoryMb() != OpenWhiskManifest.memory(node)) {
            notes.add(name + " asks for " + node.memoryMb() + " MB; OpenWhisk actions take "
                    + OpenWhiskManifest.MIN_MEMORY_MB + " to " + OpenWhiskManifest.MAX_MEMORY_MB + " MB, so it gets "
                    + OpenWhiskManifest.memory(node) + " MB.");
        }
        long wanted = Math.round(node.timeoutSeconds() * 1000);
        if (wanted != OpenWhiskManifest.timeout(node)) {
            notes.add(name + " has a timeout of " + node.timeoutSeconds() + " s; OpenWhisk allows "
                    + OpenWhiskManifest.MIN_TIMEOUT_MS + " ms to " + OpenWhiskManifest.MAX_TIMEOUT_MS / 1000
                    + " s, so it gets " + OpenWhiskManifest.timeout(node) + " ms.");
        }
        if (node.instanceConcurrency() > 1) {
            notes.add(name + " serves " + node.instanceConcurrency() + " requests per instance: exported as"
                    + " concurrentActivations "
                    + Math.min(node.instanceConcurrency(), OpenWhiskManifest.MAX_CONCURRENCY) + "."
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
                        + " holds the action's name (" + manifest.packageName() + "/"
                        + manifest.actionName(connection.function().id()) + "); invoke it with the OpenWhisk API"
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
                    + " <service> " + manifest.packageName()
                    + "), elsewhere add them as package or action parameters.");
        }
        if (!manifest.kafkaInputs().isEmpty()) {
            notes.add("Queues, streams and topics become Kafka topics read by the Event Streams (Message Hub)"
                    + " feed " + OpenWhiskManifest.MESSAGE_HUB_FEED
                    + "; its credentials come from the environment variables"
                    + " KAFKA_BROKERS_SASL, KAFKA_USER, KAFKA_PASSWORD and KAFKA_ADMIN_URL when you deploy."
                    + " On Apache OpenWhisk with plain Kafka use /whisk.system/messaging/kafkaFeed with a"
                    + " brokers input instead.");
        }
        if (manifest.cosFeed()) {
            notes.add("Bucket events use IBM Cloud Object Storage's feed " + OpenWhiskManifest.COS_FEED
                    + ", which exists only on"
                    + " IBM Cloud Functions and needs a service authorization from Functions to the COS"
                    + " instance; COS_ENDPOINT must hold the bucket's endpoint when you deploy. Apache OpenWhisk"
                    + " has no storage feed.");
        }
    }

    private String pom() {
        MavenPom pom = MavenPom.forProject(project, "openwhisk").javaRelease("8");
        // The runtime puts its own Gson before the action's jar, so the jar need not carry it.
        pom.dependency("com.google.code.gson", "gson", OpenWhiskExporter.GSON_VERSION, "provided");
        pom.shade(artifact);
        return pom.document();
    }

    // Accessors for the README.
    String packageName() {
        return manifest.packageName();
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

    Map<String, OpenWhiskManifest.Trigger> triggers() {
        return manifest.triggers();
    }

    List<OpenWhiskManifest.ApiRoute> routes() {
        return manifest.routes();
    }

    Set<String> kafkaInputs() {
        return manifest.kafkaInputs();
    }

    boolean cosFeed() {
        return manifest.cosFeed();
    }

    String resourceValue(ExportPlan.Resource resource) {
        return OpenWhiskManifest.resourceName(resource);
    }
}
