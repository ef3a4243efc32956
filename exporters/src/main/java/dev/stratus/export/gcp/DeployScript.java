package dev.stratus.export.gcp;

import dev.stratus.export.ExportException;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.Names;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.ScheduleTrigger;
import dev.stratus.model.StorageTrigger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code deploy.sh} of a Google Cloud Functions export: bash with {@code set -euo pipefail}, every
 * value from the design passed through {@link Shell#quote}, and nothing but {@code PROJECT} and
 * {@code REGION} (checked against their formats first) expanded by the shell.
 */
final class DeployScript {

    private final GcpBuild build;
    private final List<ApiGatewaySpecs.GatewayOut> gateways;
    private final StringBuilder out = new StringBuilder();

    DeployScript(GcpBuild build, List<ApiGatewaySpecs.GatewayOut> gateways) {
        this.build = build;
        this.gateways = gateways;
    }

    String text() throws ExportException {
        preamble();
        services();
        topics();
        buckets();
        firestore();
        for (GcpExporter.Deployment deployment : build.deployments()) {
            function(deployment);
        }
        schedules();
        for (ApiGatewaySpecs.GatewayOut gateway : gateways) {
            gateway(gateway);
        }
        line("echo \"Done.\"");
        return out.toString();
    }

    private void preamble() {
        line("#!/usr/bin/env bash");
        line("# Deploys " + comment(build.project().name()) + " to Google Cloud Functions. Exported from Stratus.");
        line("#");
        line("#   PROJECT=my-project REGION=us-central1 ./deploy.sh");
        line("#");
        line("# Needs gcloud, logged in (gcloud auth login). It can run again: it creates what is missing");
        line("# and deploys every function anew.");
        line("set -euo pipefail");
        line("");
        line("PROJECT=\"${PROJECT:-$(gcloud config get-value project 2>/dev/null || true)}\"");
        line("REGION=\"${REGION:-us-central1}\"");
        if (!build.collections().isEmpty()) {
            line("FIRESTORE_LOCATION=\"${FIRESTORE_LOCATION:-nam5}\"");
        }
        line("");
        line("if [[ ! \"$PROJECT\" =~ ^[a-z][a-z0-9-]{4,28}[a-z0-9]$ ]]; then");
        line("  echo \"deploy.sh: set PROJECT to your Google Cloud project id (it is '${PROJECT}')\" >&2");
        line("  exit 1");
        line("fi");
        line("if [[ ! \"$REGION\" =~ ^[a-z]+-[a-z]+[0-9]+$ ]]; then");
        line(
                "  echo \"deploy.sh: set REGION to a Cloud Functions region such as us-central1 (it is '${REGION}')\" >&2");
        line("  exit 1");
        line("fi");
        line("");
        line("cd \"$(dirname \"$0\")\"");
        line("WORK=\"$(mktemp -d)\"");
        line("trap 'rm -rf \"$WORK\"' EXIT");
        line("");
        line("# A copy of a YAML file with __PROJECT__ and __REGION__ filled in; prints the copy's path.");
        line("render() {");
        line("  sed -e \"s/__PROJECT__/${PROJECT}/g\" -e \"s/__REGION__/${REGION}/g\" \"$1\" >\"$WORK/$1\"");
        line("  printf '%s\\n' \"$WORK/$1\"");
        line("}");
        line("");
    }

    private void services() {
        Set<String> services = new LinkedHashSet<>(List.of(
                "cloudfunctions.googleapis.com",
                "cloudbuild.googleapis.com",
                "artifactregistry.googleapis.com",
                "logging.googleapis.com"));
        boolean gen2 = build.deployments().stream().anyMatch(GcpExporter.Deployment::gen2);
        if (gen2) {
            services.add("run.googleapis.com");
        }
        boolean events = build.deployments().stream().anyMatch(d -> d.trigger() != GcpExporter.Trigger.HTTP);
        if (events) {
            services.add("eventarc.googleapis.com");
            services.add("pubsub.googleapis.com");
        }
        if (!build.topics().isEmpty() || !build.schedules().isEmpty()) {
            services.add("pubsub.googleapis.com");
        }
        if (!build.schedules().isEmpty()) {
            services.add("cloudscheduler.googleapis.com");
        }
        if (!build.buckets().isEmpty()) {
            services.add("storage.googleapis.com");
        }
        if (!build.collections().isEmpty()) {
            services.add("firestore.googleapis.com");
        }
        if (!gateways.isEmpty()) {
            services.add("apigateway.googleapis.com");
            services.add("servicemanagement.googleapis.com");
            services.add("servicecontrol.googleapis.com");
        }
        if (gateways.stream().anyMatch(g -> g.serviceAccount() != null)) {
            services.add("iam.googleapis.com");
        }
        line("echo \"Enabling the services in ${PROJECT} ...\"");
        line("gcloud services enable --project=\"$PROJECT\" \\");
        List<String> list = new ArrayList<>(services);
        for (int i = 0; i < list.size(); i++) {
            line("  " + list.get(i) + (i < list.size() - 1 ? " \\" : ""));
        }
        line("");
    }

    private void topics() {
        if (build.topics().isEmpty() && build.schedules().isEmpty()) {
            return;
        }
        line("# Pub/Sub topics: queues, topics and streams of the design, and one per schedule.");
        line("ensure_topic() {");
        line("  gcloud pubsub topics describe \"$1\" --project=\"$PROJECT\" >/dev/null 2>&1 \\");
        line("    || gcloud pubsub topics create \"$1\" --project=\"$PROJECT\"");
        line("}");
        for (ExportPlan.Resource resource : build.plan().resources()) {
            String topic = build.topics().get(resource.id());
            if (topic != null) {
                line("ensure_topic " + Shell.quote(topic) + "  # "
                        + resource.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + comment(resource.name()));
            }
        }
        for (Map.Entry<String, String> schedule : build.schedules().entrySet()) {
            ScheduleTrigger trigger = build.scheduleNodes().get(schedule.getKey());
            line("ensure_topic " + Shell.quote(schedule.getValue()) + "  # schedule " + comment(trigger.name()));
        }
        line("");
    }

    private void buckets() {
        if (build.buckets().isEmpty()) {
            return;
        }
        line("# Cloud Storage buckets; their names are global, so they start with the project id.");
        for (Map.Entry<String, GcpExporter.BucketName> bucket : build.buckets().entrySet()) {
            String name = build.plan()
                    .resource(bucket.getKey())
                    .map(ExportPlan.Resource::name)
                    .orElse("");
            line(bucket.getValue().variable() + "=\"${PROJECT}\""
                    + Shell.quote("-" + bucket.getValue().suffix()) + "  # " + comment(name));
        }
        line("ensure_bucket() {");
        line("  gcloud storage buckets describe \"gs://$1\" --project=\"$PROJECT\" >/dev/null 2>&1 \\");
        line("    || gcloud storage buckets create \"gs://$1\" --project=\"$PROJECT\" --location=\"$REGION\""
                + " --uniform-bucket-level-access");
        line("}");
        for (GcpExporter.BucketName bucket : build.buckets().values()) {
            line("ensure_bucket \"$" + bucket.variable() + "\"");
        }
        boolean storageTriggers =
                build.deployments().stream().anyMatch(d -> d.trigger() == GcpExporter.Trigger.STORAGE);
        if (storageTriggers) {
            line("# Cloud Storage sends its events to functions through Pub/Sub: its service agent publishes.");
            line("GCS_AGENT=\"$(gcloud storage service-agent --project=\"$PROJECT\")\"");
            command(List.of(
                    "gcloud",
                    "projects",
                    "add-iam-policy-binding",
                    "\"$PROJECT\"",
                    "--member=\"serviceAccount:${GCS_AGENT}\"",
                    "--role=roles/pubsub.publisher",
                    "--condition=None",
                    ">/dev/null"));
        }
        line("");
    }

    private void firestore() {
        if (build.collections().isEmpty()) {
            return;
        }
        line("# Firestore (native mode) for the tables; each collection appears with its first document.");
        line("gcloud firestore databases describe --database='(default)' --project=\"$PROJECT\" >/dev/null 2>&1 \\");
        line("  || gcloud firestore databases create --location=\"$FIRESTORE_LOCATION\" --type=firestore-native"
                + " --project=\"$PROJECT\"");
        line("");
    }

    private void function(GcpExporter.Deployment deployment) {
        Settings settings = build.settings(deployment.name());
        for (String start : build.startedBy(deployment)) {
            line("# " + comment(deployment.name() + ": " + start));
        }
        line("echo " + Shell.quote("Deploying " + deployment.name() + " ..."));
        Map<String, String> environment = build.environment(deployment.name());
        String envVariable = null;
        if (!environment.isEmpty()) {
            envVariable = "ENV_" + Names.upperSnake(deployment.name(), "fn");
            line(envVariable + "=\"$(render " + Shell.quote(Environments.envFile(deployment)) + ")\"");
        }
        List<String> words = new ArrayList<>(List.of("gcloud", "functions", "deploy", Shell.quote(deployment.name())));
        words.add("--project=\"$PROJECT\"");
        words.add("--region=\"$REGION\"");
        words.add(deployment.gen2() ? "--gen2" : "--no-gen2");
        words.add("--runtime=" + Shell.quote(settings.runtime()));
        words.add("--entry-point=" + Shell.quote(build.pkg() + "." + deployment.className()));
        words.add("--source=.");
        words.add("--memory=" + Shell.quote(settings.memory()));
        words.add("--timeout=" + settings.timeoutSeconds() + "s");
        if (settings.maxInstances() != null) {
            words.add("--max-instances=" + settings.maxInstances());
        }
        if (settings.minInstances() != null) {
            words.add("--min-instances=" + settings.minInstances());
        }
        if (settings.concurrency() != null) {
            words.add("--concurrency=" + settings.concurrency());
            if (settings.concurrency() > 1 && deployment.function().node().memoryMb() < 2048) {
                words.add("--cpu=1");
            }
        }
        if (envVariable != null) {
            words.add("--env-vars-file=\"$" + envVariable + "\"");
        }
        switch (deployment.trigger()) {
            case HTTP -> {
                words.add("--trigger-http");
                words.add(deployment.isPublic() ? "--allow-unauthenticated" : "--no-allow-unauthenticated");
            }
            case PUBSUB -> {
                words.add("--trigger-topic=" + Shell.quote(topic(deployment.event())));
                if (deployment.event() instanceof ExportPlan.QueueMessages
                        || deployment.event() instanceof ExportPlan.StreamRecords) {
                    words.add("--retry");
                }
            }
            case STORAGE -> {
                ExportPlan.StorageEvent storage = (ExportPlan.StorageEvent) deployment.event();
                String variable = build.buckets().get(storage.bucket().id()).variable();
                if (storage.event() == StorageTrigger.Event.CREATED) {
                    words.add("--trigger-bucket=\"$" + variable + "\"");
                } else {
                    words.add("--trigger-event-filters=" + Shell.quote("type=" + Deployments.storageType(storage)));
                    words.add("--trigger-event-filters=\"bucket=${" + variable + "}\"");
                }
                if (!storage.prefix().isEmpty() || !storage.suffix().isEmpty()) {
                    build.note("The storage trigger of '"
                            + deployment.function().name() + "' on '"
                            + storage.bucket().name() + "' filters object names (prefix '" + storage.prefix()
                            + "', suffix '" + storage.suffix() + "'); Cloud Storage triggers cannot, so every object"
                            + " starts '" + deployment.name() + "' and the handler skips the others.");
                }
            }
            default -> throw new IllegalStateException("unknown trigger " + deployment.trigger());
        }
        if (deployment.event() instanceof ExportPlan.QueueMessages queue && queue.batchSize() > 1) {
            build.note("The queue trigger of '" + deployment.function().name() + "' takes batches of up to "
                    + queue.batchSize() + "; Pub/Sub starts a function once per message.");
        }
        if (deployment.event() instanceof ExportPlan.StreamRecords stream && stream.batchSize() > 1) {
            build.note("The stream trigger of '" + deployment.function().name() + "' takes batches of up to "
                    + stream.batchSize() + "; Pub/Sub starts a function once per record.");
        }
        command(words);
        line("");
    }

    private String topic(ExportPlan.Event event) {
        if (event instanceof ExportPlan.Schedule schedule) {
            return build.schedules().get(schedule.trigger().id());
        } else if (event instanceof ExportPlan.QueueMessages queue) {
            return build.topics().get(queue.queue().id());
        } else if (event instanceof ExportPlan.StreamRecords stream) {
            return build.topics().get(stream.stream().id());
        } else if (event instanceof ExportPlan.TopicMessages topic) {
            return build.topics().get(topic.topic().id());
        }
        throw new IllegalStateException("no topic for " + event);
    }

    private void schedules() throws ExportException {
        if (build.schedules().isEmpty()) {
            return;
        }
        line("# Cloud Scheduler jobs publish a message to the schedule's topic at each tick (UTC).");
        Names.Unique jobs = new Names.Unique("-", 100);
        for (Map.Entry<String, String> schedule : build.schedules().entrySet()) {
            ScheduleTrigger trigger = build.scheduleNodes().get(schedule.getKey());
            String job = jobs.next(Names.kebab(trigger.name(), "schedule", 100));
            String cron = build.scheduleCron(trigger);
            line("# " + comment(trigger.name() + ": " + trigger.expression()));
            line("if gcloud scheduler jobs describe " + Shell.quote(job)
                    + " --location=\"$REGION\" --project=\"$PROJECT\" >/dev/null 2>&1; then");
            line("  JOB_ACTION=update");
            line("else");
            line("  JOB_ACTION=create");
            line("fi");
            command(List.of(
                    "gcloud",
                    "scheduler",
                    "jobs",
                    "\"$JOB_ACTION\"",
                    "pubsub",
                    Shell.quote(job),
                    "--project=\"$PROJECT\"",
                    "--location=\"$REGION\"",
                    "--schedule=" + Shell.quote(cron),
                    "--time-zone=UTC",
                    "--topic=" + Shell.quote(schedule.getValue()),
                    "--message-body=" + Shell.quote(job)));
            line("");
        }
    }

    private void gateway(ApiGatewaySpecs.GatewayOut gateway) {
        String api = Shell.quote(gateway.apiId());
        line("# API Gateway "
                + comment(Deployments.gatewayName(gateway.api().gateway())) + ": routes in "
                + gateway.specFile());
        String account = null;
        if (gateway.serviceAccount() != null) {
            account = "GATEWAY_ACCOUNT_" + Names.upperSnake(gateway.apiId(), "api");
            line("# Callers must authenticate ("
                    + gateway.api().gateway().auth().id() + "), so the functions are"
                    + " private and the gateway calls them as its own service account.");
            line(account + "=" + Shell.quote(gateway.serviceAccount()) + "\"@${PROJECT}.iam.gserviceaccount.com\"");
            line("gcloud iam service-accounts describe \"$" + account + "\" --project=\"$PROJECT\" >/dev/null 2>&1 \\");
            line("  || gcloud iam service-accounts create " + Shell.quote(gateway.serviceAccount())
                    + " --project=\"$PROJECT\" --display-name=" + Shell.quote("API Gateway " + gateway.apiId()));
            Set<String> granted = new LinkedHashSet<>();
            for (ExportPlan.Route route : gateway.api().routes()) {
                GcpExporter.Deployment deployment =
                        build.httpDeployment(route.function().id());
                if (deployment.isPublic() || !granted.add(deployment.name())) {
                    continue;
                }
                List<String> words = new ArrayList<>(List.of("gcloud", "functions"));
                if (deployment.gen2()) {
                    words.add("add-invoker-policy-binding");
                    words.add(Shell.quote(deployment.name()));
                } else {
                    words.add("add-iam-policy-binding");
                    words.add(Shell.quote(deployment.name()));
                    words.add("--role=roles/cloudfunctions.invoker");
                }
                words.add("--region=\"$REGION\"");
                words.add("--project=\"$PROJECT\"");
                words.add("--member=\"serviceAccount:${" + account + "}\"");
                words.add(">/dev/null");
                command(words);
            }
        }
        String spec = "SPEC_" + Names.upperSnake(gateway.apiId(), "api");
        line(spec + "=\"$(render " + Shell.quote(gateway.specFile()) + ")\"");
        line("gcloud api-gateway apis describe " + api + " --project=\"$PROJECT\" >/dev/null 2>&1 \\");
        line("  || gcloud api-gateway apis create " + api + " --project=\"$PROJECT\"");
        String config = "CONFIG_" + Names.upperSnake(gateway.apiId(), "api");
        line(config + "=" + Shell.quote(gateway.apiId() + "-") + "\"$(date +%Y%m%d-%H%M%S)\"");
        List<String> words = new ArrayList<>(List.of(
                "gcloud",
                "api-gateway",
                "api-configs",
                "create",
                "\"$" + config + "\"",
                "--api=" + api,
                "--openapi-spec=\"$" + spec + "\"",
                "--project=\"$PROJECT\""));
        if (account != null) {
            words.add("--backend-auth-service-account=\"$" + account + "\"");
        }
        command(words);
        String id = Shell.quote(gateway.gatewayId());
        line("if gcloud api-gateway gateways describe " + id
                + " --location=\"$REGION\" --project=\"$PROJECT\" >/dev/null 2>&1; then");
        line("  GATEWAY_ACTION=update");
        line("else");
        line("  GATEWAY_ACTION=create");
        line("fi");
        command(List.of(
                "gcloud",
                "api-gateway",
                "gateways",
                "\"$GATEWAY_ACTION\"",
                id,
                "--api=" + api,
                "--api-config=\"$" + config + "\"",
                "--location=\"$REGION\"",
                "--project=\"$PROJECT\""));
        line("echo \"API Gateway " + gateway.gatewayId() + ": https://$(gcloud api-gateway gateways describe " + id
                + " --location=\"$REGION\" --project=\"$PROJECT\" --format='value(defaultHostname)')\"");
        if (gateway.api().gateway().auth() == ApiGateway.Auth.NONE) {
            line("# The functions behind it are public too (the design's gateway has no auth).");
        }
        line("");
    }

    /** A command on one line when it is short, else with each flag on a line of its own. */
    private void command(List<String> words) {
        String oneLine = String.join(" ", words);
        if (oneLine.length() <= 100) {
            line(oneLine);
            return;
        }
        StringBuilder command = new StringBuilder(words.get(0));
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            command.append(word.startsWith("--") ? " \\\n  " : " ").append(word);
        }
        line(command.toString());
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    /** Text for a {@code #} comment: one line, no control characters. */
    static String comment(String text) {
        return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ");
    }
}
