package dev.stratus.export.gcp;

import dev.stratus.export.ExportPlan;
import dev.stratus.export.gcp.GcpExporter.Deployment;
import dev.stratus.export.gcp.GcpExporter.Trigger;
import dev.stratus.model.Project;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The README.md of a Google Cloud export: what was exported, how to build, deploy and run a function
 * locally, a table of the deployed functions, the resources, and the notes gathered by the export.
 * Text from the design is flattened to one line and escaped for Markdown tables.
 */
final class GcpReadme {
    private final GcpBuild build;
    private final List<ApiGatewaySpecs.GatewayOut> gateways;
    private final Project project;
    private final boolean gen2Project;
    private final String pkg;
    private final List<Deployment> deployments;
    private final Map<String, String> topics;
    private final Map<String, GcpExporter.BucketName> buckets;
    private final Map<String, String> collections;
    private final Map<String, String> schedules;
    private final List<String> notes;

    GcpReadme(GcpBuild build, List<ApiGatewaySpecs.GatewayOut> gateways) {
        this.build = build;
        this.gateways = gateways;
        this.project = build.project();
        this.gen2Project = build.gen2Project();
        this.pkg = build.pkg();
        this.deployments = build.deployments();
        this.topics = build.topics();
        this.buckets = build.buckets();
        this.collections = build.collections();
        this.schedules = build.schedules();
        this.notes = build.notes();
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(markdown(project.name())).append(" on Google Cloud Functions\n\n");
        if (!project.description().isBlank()) {
            out.append(markdown(project.description())).append("\n\n");
        }
        out.append("Exported from Stratus: a Maven project on the Functions Framework for Java (")
                .append("`functions-framework-api` ")
                .append(GcpExporter.FRAMEWORK_VERSION)
                .append("), one class per function, and `deploy.sh`, which creates the resources and deploys")
                .append(" every function with `gcloud`.\n\n");
        out.append(
                gen2Project
                        ? "The project targets Cloud Run functions (2nd gen): every function is deployed with `--gen2`.\n\n"
                        : "The project targets Cloud Functions (1st gen): HTTP functions are deployed with `--no-gen2`;"
                                + " event functions need 2nd gen (`--gen2`) for CloudEvents in Java.\n\n");
        out.append("## Prerequisites\n\n");
        out.append("- JDK 17 or newer and Maven 3.8 or newer\n");
        out.append("- the Google Cloud CLI (`gcloud`), logged in (`gcloud auth login`), and a project with billing\n");
        out.append("- permission to enable services and to create the resources below in that project\n\n");
        out.append("## Build\n\n```sh\nmvn package\n```\n\n");
        out.append("This builds `")
                .append(build.jarPath())
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
                .append(GcpExporter.PROJECT)
                .append("` and `")
                .append(GcpExporter.REGION)
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
                    .append(markdown(String.join("; ", build.startedBy(deployment))))
                    .append(" | ")
                    .append(build.settings(deployment.name()).memory())
                    .append(" | ")
                    .append(build.settings(deployment.name()).timeoutSeconds())
                    .append(" s |\n");
        }
        out.append('\n');
        if (!topics.isEmpty() || !schedules.isEmpty()) {
            out.append("Pub/Sub topics: ");
            List<String> names = new ArrayList<>(topics.values());
            names.addAll(schedules.values());
            out.append(String.join(", ", names.stream().map(n -> "`" + n + "`").toList()))
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
        for (ApiGatewaySpecs.GatewayOut gateway : gateways) {
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
                .append(GcpExporter.FRAMEWORK_VERSION)
                .append(" -DoutputDirectory=.\n");
        Deployment first = deployments.get(0);
        out.append("java -jar java-function-invoker-")
                .append(GcpExporter.FRAMEWORK_VERSION)
                .append(".jar --classpath ")
                .append(build.jarPath())
                .append(" --target ")
                .append(pkg)
                .append('.')
                .append(first.className())
                .append(" --port 8080\n```\n\n");
        if (first.trigger() == Trigger.HTTP) {
            ExportPlan.Http route = Deployments.httpEvents(first.function()).stream()
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
                        .append(Deployments.storageType(storage))
                        .append("' \\\n")
                        .append("  -H 'ce-source: //storage.googleapis.com/projects/_/buckets/my-bucket' \\\n")
                        .append("  -H ")
                        .append(Shell.quote("ce-subject: objects/" + storage.prefix() + "example" + storage.suffix()))
                        .append(" \\\n")
                        .append("  -H 'Content-Type: application/json' -d '{\"bucket\":\"my-bucket\"}'\n```\n\n");
            } else {
                out.append("  -H 'ce-type: google.cloud.pubsub.topic.v1.messagePublished' \\\n")
                        .append("  -H 'ce-source: //pubsub.googleapis.com/projects/my-project/topics/my-topic' \\\n")
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
}
