package dev.stratus.export.openwhisk;

import dev.stratus.export.ExportPlan;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Project;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The README.md of an OpenWhisk export: prerequisites, build and deploy commands, what starts each
 * action, the triggers, API routes and services to create, and the notes. Text from the design is
 * escaped for one line of Markdown.
 */
final class OpenWhiskReadme {
    private OpenWhiskReadme() {}

    static String of(OpenWhiskJob job) {
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
                    .append(OpenWhiskManifest.memory(node))
                    .append(" MB | ")
                    .append(OpenWhiskManifest.timeout(node))
                    .append(" ms | ")
                    .append(String.join(
                            "; ",
                            action.startedBy().stream().map(OpenWhiskReadme::md).toList()))
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
            for (OpenWhiskManifest.Trigger trigger : job.triggers().values()) {
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
            for (OpenWhiskManifest.ApiRoute route : job.routes()) {
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
                .filter(r ->
                        r.kind() != ExportPlan.ResourceKind.EMAIL && r.kind() != ExportPlan.ResourceKind.EXTERNAL_API)
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
