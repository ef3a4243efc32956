package dev.stratus.export.gcp;

import dev.stratus.export.ExportPlan;
import dev.stratus.export.Names;
import dev.stratus.model.ExternalApi;
import dev.stratus.model.ScheduleTrigger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Google Cloud names of a design's resources: a Pub/Sub topic per queue, topic and stream, a
 * bucket (by its shell variable and the part after the project id) per bucket, a Firestore collection
 * per table, and a Pub/Sub topic per schedule. Each map is keyed by node id, in the plan's order, and
 * every name is unique within its kind and within Google Cloud's length limits.
 */
final class ResourceNames {
    private final ExportPlan plan;
    private final List<String> notes;

    private final Map<String, String> topics = new LinkedHashMap<>();
    private final Map<String, GcpExporter.BucketName> buckets = new LinkedHashMap<>();
    private final Map<String, String> collections = new LinkedHashMap<>();
    private final Map<String, String> schedules = new LinkedHashMap<>();
    private final Map<String, ScheduleTrigger> scheduleNodes = new LinkedHashMap<>();

    /** Names the resources of the plan, adding to {@code notes} what the names mean on Google Cloud. */
    ResourceNames(ExportPlan plan, List<String> notes) {
        this.plan = plan;
        this.notes = notes;
        nameResources();
    }

    private void nameResources() {
        Names.Unique topicNames = new Names.Unique("-", 200);
        Names.Unique bucketNames = new Names.Unique("-", 32);
        Names.Unique bucketVariables = new Names.Unique("_", 60);
        Names.Unique collectionNames = new Names.Unique("-", 100);
        for (ExportPlan.Resource resource : plan.resources()) {
            switch (resource.kind()) {
                case QUEUE, TOPIC, STREAM -> topics.put(resource.id(), topicNames.next(topicName(resource.name())));
                case BUCKET -> {
                    String suffix = Names.kebab(resource.name(), "bucket", 32).replace("google", "g00gle");
                    String variable = "BUCKET_" + Names.upperSnake(resource.name(), "bucket");
                    buckets.put(
                            resource.id(),
                            new GcpExporter.BucketName(bucketVariables.next(variable), bucketNames.next(suffix)));
                }
                case TABLE ->
                    collections.put(
                            resource.id(), collectionNames.next(Names.kebab(resource.name(), "collection", 100)));
                case EMAIL, EXTERNAL_API -> {
                    // Nothing to create on Google Cloud: see the notes and the URL variables.
                }
                default -> throw new IllegalStateException("unknown resource kind " + resource.kind());
            }
            if (resource.kind() == ExportPlan.ResourceKind.QUEUE) {
                notes.add("The queue '" + resource.name() + "' is the Pub/Sub topic '" + topics.get(resource.id())
                        + "': Google Cloud Functions take queue messages through Pub/Sub, one message per"
                        + " invocation, retried until the function succeeds (--retry).");
            } else if (resource.kind() == ExportPlan.ResourceKind.STREAM) {
                notes.add("The stream '" + resource.name() + "' is the Pub/Sub topic '" + topics.get(resource.id())
                        + "': Google Cloud has no Kinesis-like shard stream for functions; Pub/Sub delivers"
                        + " one record per invocation, without shard order unless you publish with ordering keys.");
            } else if (resource.kind() == ExportPlan.ResourceKind.TABLE) {
                notes.add("The table '" + resource.name() + "' is the Firestore collection '"
                        + collections.get(resource.id()) + "' in the project's (default) database (native mode);"
                        + " Firestore creates a collection with its first document, so deploy.sh only creates"
                        + " the database. Use Datastore mode instead if you prefer entities and kinds.");
            } else if (resource.kind() == ExportPlan.ResourceKind.EMAIL) {
                notes.add("The email service '" + resource.name() + "' has no Google Cloud counterpart: send"
                        + " mail through a provider such as SendGrid or Mailgun and give the function its API key"
                        + " (Secret Manager, --set-secrets).");
            } else if (resource.kind() == ExportPlan.ResourceKind.EXTERNAL_API
                    && resource.node() instanceof ExternalApi api
                    && api.url().isBlank()) {
                notes.add("The external API '" + resource.name() + "' has no URL; its variable is empty,"
                        + " fill it in the env-*.yaml files.");
            }
        }
        for (ExportPlan.Function function : plan.functions()) {
            for (ExportPlan.Event event : function.events()) {
                if (event instanceof ExportPlan.Schedule schedule
                        && !schedules.containsKey(schedule.trigger().id())) {
                    String name = Names.kebab(schedule.trigger().name(), "schedule", 60);
                    schedules.put(schedule.trigger().id(), topicNames.next(topicName(name + "-ticks")));
                    scheduleNodes.put(schedule.trigger().id(), schedule.trigger());
                }
            }
        }
    }

    /** Pub/Sub topic ids: 3 to 255 characters, starting with a letter. */
    private static String topicName(String name) {
        String kebab = Names.kebab(name, "topic", 200);
        return kebab.length() < 3 ? kebab + "-topic" : kebab;
    }

    Map<String, String> topics() {
        return topics;
    }

    Map<String, GcpExporter.BucketName> buckets() {
        return buckets;
    }

    Map<String, String> collections() {
        return collections;
    }

    Map<String, String> schedules() {
        return schedules;
    }

    Map<String, ScheduleTrigger> scheduleNodes() {
        return scheduleNodes;
    }
}
