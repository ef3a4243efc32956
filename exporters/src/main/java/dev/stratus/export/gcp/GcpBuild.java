package dev.stratus.export.gcp;

import dev.stratus.export.Export;
import dev.stratus.export.ExportException;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.ExportTarget;
import dev.stratus.export.ExportedFiles;
import dev.stratus.export.MavenPom;
import dev.stratus.export.Schedules;
import dev.stratus.export.UserCode;
import dev.stratus.export.gcp.GcpExporter.Deployment;
import dev.stratus.export.gcp.GcpExporter.Trigger;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.ScheduleTrigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of the Google Cloud export: names the resources, plans the deployments, works out their
 * environments and settings, and writes the files (pom.xml, the sources, the env files, the API
 * Gateway specs, deploy.sh and the README) in that order. The notes every step adds are kept in the
 * order they were made, without repeats. Single use: {@link #run} once.
 */
final class GcpBuild {
    private final ExportPlan plan;
    private final Project project;
    private final boolean gen2Project;
    private final String pkg;
    private final List<String> notes = new ArrayList<>();
    private final ExportedFiles files = new ExportedFiles();
    private final ResourceNames resources;
    private final Deployments deployments;
    private final Environments environments;
    private final Map<String, UserCode> userCode = new LinkedHashMap<>();
    private final Map<String, Settings> settings = new LinkedHashMap<>();

    GcpBuild(ExportPlan plan) {
        this.plan = plan;
        this.project = plan.project();
        this.gen2Project = project.provider() == Provider.GCP_GEN2;
        this.pkg = MavenPom.basePackage(project);
        notes.addAll(plan.notes());
        this.resources = new ResourceNames(plan, notes);
        this.deployments = new Deployments(plan, gen2Project, resources, notes);
        this.environments = new Environments(resources, deployments, notes);
    }

    Export run() throws ExportException {
        readUserCode();
        deployments.planDeployments();
        environments.compute();
        for (Deployment deployment : deployments.all()) {
            settings.put(deployment.name(), Settings.of(deployment, notes));
        }
        files.add("pom.xml", pom());
        files.add(".gcloudignore", gcloudIgnore());
        writeSources();
        environments.writeFiles(files);
        List<ApiGatewaySpecs.GatewayOut> gateways = new ApiGatewaySpecs(this).write();
        files.addExecutable("deploy.sh", new DeployScript(this, gateways).text());
        files.add("README.md", new GcpReadme(this, gateways).text());
        return new Export(ExportTarget.GCP, files, List.copyOf(new LinkedHashSet<>(notes)));
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
                deployments.reserveClass(code.className());
            }
            userCode.put(function.id(), code);
        }
    }

    private String pom() {
        MavenPom pom = MavenPom.forProject(project, "gcp");
        pom.dependency(
                "com.google.cloud.functions", "functions-framework-api", GcpExporter.FRAMEWORK_VERSION, "provided");
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
        boolean anyHttp = deployments.all().stream().anyMatch(d -> d.trigger() == Trigger.HTTP);
        boolean anyEvents = deployments.all().stream().anyMatch(d -> d.trigger() != Trigger.HTTP);
        if (anyHttp) {
            files.add(sourcePath(pkg + ".support", "Routes"), GcpJava.routes(pkg));
        }
        if (anyEvents) {
            files.add(sourcePath(pkg + ".support", "Events"), GcpJava.events(pkg));
        }
        Set<String> written = new LinkedHashSet<>();
        for (Deployment deployment : deployments.all()) {
            if (!written.add(deployment.className())) {
                continue;
            }
            ExportPlan.Function function = deployment.function();
            List<Deployment> same = deployments.all().stream()
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
                    environments.connections(function.id()),
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
        for (ExportPlan.Http http : Deployments.httpEvents(function)) {
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
                        Deployments.storageType(storage),
                        environments.bucketVariable(deployment.function(), storage),
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

    String scheduleCron(ScheduleTrigger trigger) throws ExportException {
        for (ExportPlan.Function function : plan.functions()) {
            for (ExportPlan.Event event : function.events()) {
                if (event instanceof ExportPlan.Schedule s && s.trigger().id().equals(trigger.id())) {
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

    // ---- for the writers (deploy.sh, the specs, the README) ----------------------------------------

    ExportPlan plan() {
        return plan;
    }

    Project project() {
        return project;
    }

    boolean gen2Project() {
        return gen2Project;
    }

    String pkg() {
        return pkg;
    }

    ExportedFiles files() {
        return files;
    }

    /** The notes so far, in the order they were made; writers add to it. */
    List<String> notes() {
        return notes;
    }

    void note(String note) {
        notes.add(note);
    }

    List<Deployment> deployments() {
        return deployments.all();
    }

    Deployment httpDeployment(String functionId) {
        return deployments.httpDeployment(functionId);
    }

    /** What starts a deployment, in words (for comments and the README). */
    List<String> startedBy(Deployment deployment) {
        return deployments.startedBy(deployment);
    }

    Settings settings(String deployment) {
        return settings.get(deployment);
    }

    Map<String, String> environment(String deployment) {
        return environments.environment(deployment);
    }

    Map<String, String> topics() {
        return resources.topics();
    }

    Map<String, GcpExporter.BucketName> buckets() {
        return resources.buckets();
    }

    Map<String, String> collections() {
        return resources.collections();
    }

    Map<String, String> schedules() {
        return resources.schedules();
    }

    Map<String, ScheduleTrigger> scheduleNodes() {
        return resources.scheduleNodes();
    }
}
