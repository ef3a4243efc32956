package dev.stratus.export.sam;

import static dev.stratus.export.aws.AwsNotes.name;
import static dev.stratus.export.aws.Intrinsics.getAtt;
import static dev.stratus.export.aws.Intrinsics.ref;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.stratus.export.Documents;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.Names;
import dev.stratus.export.aws.AwsNotes;
import dev.stratus.export.aws.AwsRules;
import dev.stratus.export.aws.HandlerKind;
import dev.stratus.export.aws.LambdaProject;
import dev.stratus.export.aws.LogicalIds;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.ExternalApi;
import dev.stratus.model.HttpTrigger;
import dev.stratus.model.ScheduleTrigger;
import dev.stratus.model.StorageTrigger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code AWS::Serverless::Function} resources of a SAM template: each function's settings,
 * environment, concurrency and function URL, its least-privilege policy templates, and the events
 * that start it; with its ARN (and URL) as outputs.
 */
final class SamFunctions {

    private final SamTemplate template;
    private final LambdaProject lambda;
    private final LogicalIds ids;
    private final List<String> notes;

    SamFunctions(SamTemplate template, LambdaProject lambda) {
        this.template = template;
        this.lambda = lambda;
        this.ids = template.ids;
        this.notes = template.notes;
    }

    void function(ExportPlan.Function function) {
        String id = ids.of(function.id());
        ObjectNode resource = template.resource(id, "AWS::Serverless::Function", function.node());
        template.triggerMetadata(resource, function.id(), HttpTrigger.class, "httpTriggers");
        template.triggerMetadata(resource, function.id(), ScheduleTrigger.class, "scheduleTriggers");
        ObjectNode properties = resource.putObject("Properties");
        properties.put("CodeUri", ".");
        properties.put("Handler", lambda.handlerName(function.id()));
        properties.put("Runtime", LambdaProject.runtime(function, notes));
        properties.putArray("Architectures").add(function.node().architecture().id());
        properties.put("MemorySize", LambdaProject.memory(function, notes));
        properties.put("Timeout", LambdaProject.timeout(function, notes));
        if (!function.environment().isEmpty()) {
            ObjectNode variables = properties.putObject("Environment").putObject("Variables");
            for (ExportPlan.Variable variable : function.environment()) {
                variables.set(variable.name(), value(variable));
            }
        }
        Integer reserved = function.node().reservedConcurrency();
        if (reserved != null) {
            properties.put("ReservedConcurrentExecutions", reserved);
        }
        int provisioned = function.node().provisionedConcurrency();
        if (provisioned > 0) {
            properties.put("AutoPublishAlias", SamExporter.ALIAS);
            properties.putObject("ProvisionedConcurrencyConfig").put("ProvisionedConcurrentExecutions", provisioned);
            notes.add("The function '" + function.name() + "' keeps " + provisioned + " instances warm on the"
                    + " alias '" + SamExporter.ALIAS + "' (provisioned concurrency is billed while enabled); its"
                    + " events invoke that alias.");
            if (reserved != null && reserved < provisioned) {
                notes.add("The function '" + function.name() + "' reserves " + reserved + " but provisions "
                        + provisioned + " instances; Lambda refuses provisioned concurrency above the"
                        + " reserved concurrency, so raise one or lower the other before deploying.");
            }
        }
        boolean url =
                function.events().stream().anyMatch(e -> e instanceof ExportPlan.Http http && http.gateway() == null);
        if (url) {
            properties.putObject("FunctionUrlConfig").put("AuthType", "NONE");
            notes.add("The function '" + function.name() + "' has a public function URL (AuthType NONE), as its"
                    + " HTTP trigger asks; the output " + id + "Url gives it.");
            for (ExportPlan.Event event : function.events()) {
                if (event instanceof ExportPlan.Http http && http.gateway() == null) {
                    AwsNotes.urlRoute(function, http, notes);
                }
            }
            template.output(
                    id + "Url", "The function URL of '" + function.name() + "'", getAtt(id + "Url", "FunctionUrl"));
        }
        ArrayNode policies = policies(function);
        if (!policies.isEmpty()) {
            properties.set("Policies", policies);
        }
        ObjectNode events = events(function);
        if (!events.isEmpty()) {
            properties.set("Events", events);
        }
        template.output(id + "Arn", "The ARN of the function '" + function.name() + "'", getAtt(id, "Arn"));
    }

    private JsonNode value(ExportPlan.Variable variable) {
        if (!variable.isReference()) {
            return TextNode.valueOf(variable.literal());
        }
        ExportPlan.Connection connection = variable.reference();
        if (connection.function() != null) {
            return ref(ids.of(connection.function().id()));
        }
        ExportPlan.Resource resource = connection.resource();
        return switch (resource.kind()) {
            case BUCKET -> template.bucketName(resource);
            case QUEUE ->
                variable.name().endsWith("_NAME")
                        ? getAtt(ids.of(resource.id()), "QueueName")
                        : ref(ids.of(resource.id()));
            case EXTERNAL_API -> TextNode.valueOf(resource.node() instanceof ExternalApi api ? api.url() : "");
            case EMAIL -> ref(template.emailParameters.get(resource.id()));
            default -> ref(ids.of(resource.id()));
        };
    }

    // ---- policies -------------------------------------------------------------------------

    private ArrayNode policies(ExportPlan.Function function) {
        Set<JsonNode> policies = new LinkedHashSet<>();
        for (ExportPlan.Connection connection : function.connections()) {
            if (connection.function() != null) {
                policies.add(policy(
                        "LambdaInvokePolicy",
                        "FunctionName",
                        ref(ids.of(connection.function().id()))));
                continue;
            }
            ExportPlan.Resource resource = connection.resource();
            switch (resource.kind()) {
                case TABLE -> policies.add(policy("DynamoDBCrudPolicy", "TableName", ref(ids.of(resource.id()))));
                case BUCKET -> policies.add(policy("S3CrudPolicy", "BucketName", template.bucketName(resource)));
                case QUEUE ->
                    policies.add(
                            policy("SQSSendMessagePolicy", "QueueName", getAtt(ids.of(resource.id()), "QueueName")));
                case TOPIC ->
                    policies.add(
                            policy("SNSPublishMessagePolicy", "TopicName", getAtt(ids.of(resource.id()), "TopicName")));
                case STREAM -> policies.add(policy("KinesisCrudPolicy", "StreamName", ref(ids.of(resource.id()))));
                case EMAIL ->
                    policies.add(
                            policy("SESCrudPolicy", "IdentityName", ref(template.emailParameters.get(resource.id()))));
                case EXTERNAL_API -> {
                    // An HTTP call out of AWS needs no permission.
                }
            }
        }
        for (ExportPlan.Event event : function.events()) {
            // SAM gives SQS and Kinesis pollers their read permissions and S3 and SNS push to the
            // function; reading the object an S3 event names is up to the function's own policy.
            if (event instanceof ExportPlan.StorageEvent storage) {
                JsonNode crud = policy("S3CrudPolicy", "BucketName", template.bucketName(storage.bucket()));
                if (!policies.contains(crud)) {
                    policies.add(policy("S3ReadPolicy", "BucketName", template.bucketName(storage.bucket())));
                }
            }
        }
        ArrayNode array = Documents.array();
        policies.forEach(array::add);
        return array;
    }

    private static ObjectNode policy(String template, String parameter, JsonNode value) {
        ObjectNode policy = Documents.object();
        policy.putObject(template).set(parameter, value);
        return policy;
    }

    // ---- events ---------------------------------------------------------------------------

    private ObjectNode events(ExportPlan.Function function) {
        ObjectNode events = Documents.object();
        Names.Unique names = new Names.Unique("", 60);
        for (ExportPlan.Event event : function.events()) {
            if (event instanceof ExportPlan.Http http) {
                if (http.gateway() == null
                        || template.skippedApis.contains(http.gateway().id())) {
                    continue;
                }
                boolean rest = http.gateway().type() == ApiGateway.Type.REST;
                ObjectNode e =
                        event(events, names, http.method() + " " + http.path(), "route", rest ? "Api" : "HttpApi");
                e.put("Path", http.path());
                e.put("Method", http.method());
                e.set(rest ? "RestApiId" : "ApiId", ref(ids.of(http.gateway().id())));
            } else if (event instanceof ExportPlan.Schedule schedule) {
                ObjectNode e = event(events, names, name(schedule.trigger()), "schedule", "Schedule");
                e.put("Schedule", schedule.trigger().expression().strip());
                e.put("Description", SamTemplate.truncate("Stratus schedule '" + name(schedule.trigger()) + "'", 512));
            } else if (event instanceof ExportPlan.QueueMessages messages) {
                queueEvent(function, events, names, messages);
            } else if (event instanceof ExportPlan.StorageEvent storage) {
                storageEvent(events, names, storage);
            } else if (event instanceof ExportPlan.StreamRecords records) {
                ObjectNode e = event(events, names, records.stream().name(), "stream", "Kinesis");
                e.set("Stream", getAtt(ids.of(records.stream().id()), "Arn"));
                e.put("StartingPosition", "LATEST");
                AwsRules.Batch batch = AwsRules.kinesisBatch(function, records, notes);
                e.put("BatchSize", batch.size());
                if (batch.windowSeconds() > 0) {
                    e.put("MaximumBatchingWindowInSeconds", batch.windowSeconds());
                }
            } else if (event instanceof ExportPlan.TopicMessages topic) {
                ObjectNode e = event(events, names, topic.topic().name(), "topic", "SNS");
                e.set("Topic", ref(ids.of(topic.topic().id())));
            }
        }
        return events;
    }

    private void queueEvent(
            ExportPlan.Function function, ObjectNode events, Names.Unique names, ExportPlan.QueueMessages messages) {
        ObjectNode e = event(events, names, messages.queue().name(), "queue", "SQS");
        e.set("Queue", getAtt(ids.of(messages.queue().id()), "Arn"));
        AwsRules.Batch batch = AwsRules.sqsBatch(function, messages, notes);
        e.put("BatchSize", batch.size());
        if (batch.windowSeconds() > 0) {
            e.put("MaximumBatchingWindowInSeconds", batch.windowSeconds());
        }
        if (HandlerKind.of(function) == HandlerKind.QUEUE) {
            e.putArray("FunctionResponseTypes").add("ReportBatchItemFailures");
        }
    }

    private void storageEvent(ObjectNode events, Names.Unique names, ExportPlan.StorageEvent storage) {
        ObjectNode e = event(events, names, storage.bucket().name(), "bucket", "S3");
        e.set("Bucket", ref(ids.of(storage.bucket().id())));
        e.put("Events", storage.event() == StorageTrigger.Event.CREATED ? "s3:ObjectCreated:*" : "s3:ObjectRemoved:*");
        if (!storage.prefix().isEmpty() || !storage.suffix().isEmpty()) {
            ArrayNode rules = e.putObject("Filter").putObject("S3Key").putArray("Rules");
            if (!storage.prefix().isEmpty()) {
                rules.addObject().put("Name", "prefix").put("Value", storage.prefix());
            }
            if (!storage.suffix().isEmpty()) {
                rules.addObject().put("Name", "suffix").put("Value", storage.suffix());
            }
        }
    }

    /** Adds an event named after {@code label} and returns its Properties. */
    private static ObjectNode event(ObjectNode events, Names.Unique names, String label, String fallback, String type) {
        ObjectNode event = events.putObject(names.next(Names.pascal(label, fallback)));
        event.put("Type", type);
        return event.putObject("Properties");
    }
}
