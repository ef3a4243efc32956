package dev.stratus.export.serverless;

import static dev.stratus.export.aws.AwsNotes.name;
import static dev.stratus.export.aws.Intrinsics.getAtt;
import static dev.stratus.export.aws.Intrinsics.ref;
import static dev.stratus.export.serverless.ServerlessExporter.literal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.stratus.export.Documents;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.aws.AwsNotes;
import dev.stratus.export.aws.AwsRules;
import dev.stratus.export.aws.HandlerKind;
import dev.stratus.export.aws.LambdaProject;
import dev.stratus.export.aws.LogicalIds;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.ExternalApi;
import dev.stratus.model.StorageTrigger;
import java.util.List;
import java.util.Locale;

/**
 * The entries under {@code functions} of a Serverless service: each function's handler, runtime,
 * settings, environment, concurrency and function URL, and the events that start it. Each function
 * also hands its connections to {@link ServerlessPermissions}.
 */
final class ServerlessFunctions {

    private final ServerlessService service;
    private final LambdaProject lambda;
    private final ServerlessPermissions permissions;
    private final LogicalIds ids;
    private final List<String> notes;

    ServerlessFunctions(ServerlessService service, LambdaProject lambda, ServerlessPermissions permissions) {
        this.service = service;
        this.lambda = lambda;
        this.permissions = permissions;
        this.ids = service.ids;
        this.notes = service.notes;
    }

    /** The function's entry; adds its statements to the role. */
    ObjectNode function(ExportPlan.Function function) {
        ObjectNode out = Documents.object();
        out.put("handler", lambda.handlerName(function.id()));
        out.put("runtime", runtime(function, notes));
        out.put("architecture", function.node().architecture().id());
        out.put("memorySize", LambdaProject.memory(function, notes));
        out.put("timeout", LambdaProject.timeout(function, notes));
        if (!function.environment().isEmpty()) {
            ObjectNode environment = out.putObject("environment");
            for (ExportPlan.Variable variable : function.environment()) {
                environment.set(variable.name(), value(variable));
            }
        }
        Integer reserved = function.node().reservedConcurrency();
        if (reserved != null) {
            out.put("reservedConcurrency", reserved);
        }
        int provisioned = function.node().provisionedConcurrency();
        if (provisioned > 0) {
            out.put("provisionedConcurrency", provisioned);
            notes.add("The function '" + function.name() + "' keeps " + provisioned + " instances warm"
                    + " (provisioned concurrency, billed while enabled, on the alias the framework publishes).");
        }
        boolean url = false;
        ArrayNode events = Documents.array();
        for (ExportPlan.Event event : function.events()) {
            if (event instanceof ExportPlan.Http http && http.gateway() == null) {
                url = true;
                AwsNotes.urlRoute(function, http, notes);
                continue;
            }
            JsonNode e = event(function, event);
            if (e != null) {
                events.add(e);
            }
        }
        if (url) {
            out.put("url", true);
            notes.add("The function '" + function.name() + "' has a public function URL (no authorisation),"
                    + " as its HTTP trigger asks; serverless info prints it.");
        }
        if (!events.isEmpty()) {
            out.set("events", events);
        }
        permissions.add(function);
        return out;
    }

    private JsonNode value(ExportPlan.Variable variable) {
        if (!variable.isReference()) {
            return TextNode.valueOf(literal(variable.literal()));
        }
        ExportPlan.Connection connection = variable.reference();
        if (connection.function() != null) {
            return TextNode.valueOf(service.functionName(connection.function().id()));
        }
        ExportPlan.Resource resource = connection.resource();
        return switch (resource.kind()) {
            case BUCKET -> service.bucketValue(resource);
            case QUEUE ->
                variable.name().endsWith("_NAME")
                        ? getAtt(ids.of(resource.id()), "QueueName")
                        : ref(ids.of(resource.id()));
            case EXTERNAL_API -> TextNode.valueOf(literal(resource.node() instanceof ExternalApi api ? api.url() : ""));
            case EMAIL -> TextNode.valueOf("${param:" + service.emailParams.get(resource.id()) + "}");
            default -> ref(ids.of(resource.id()));
        };
    }

    /** The function's runtime among those Serverless Framework v3 knows (up to java21). */
    static String runtime(ExportPlan.Function function, List<String> notes) {
        String runtime = LambdaProject.runtime(function, notes);
        if (runtime.equals("java25")) {
            notes.add("The function '" + function.name() + "' asks for java25, which Serverless Framework v3"
                    + " does not know; it is exported with java21 (the jar is Java 17 bytecode and runs on both).");
            return "java21";
        }
        return runtime;
    }

    /** The event as the framework writes it, or null for an event it has no entry for. */
    private JsonNode event(ExportPlan.Function function, ExportPlan.Event event) {
        ObjectNode wrapper = Documents.object();
        if (event instanceof ExportPlan.Http http) {
            httpEvent(wrapper, http);
        } else if (event instanceof ExportPlan.Schedule schedule) {
            ObjectNode e = wrapper.putObject("schedule");
            e.putArray("rate").add(schedule.trigger().expression().strip());
            String description = "Stratus schedule '" + name(schedule.trigger()) + "'";
            e.put(
                    "description",
                    literal(description.length() > 512 ? description.substring(0, 509) + "..." : description));
        } else if (event instanceof ExportPlan.QueueMessages messages) {
            ObjectNode e = wrapper.putObject("sqs");
            e.set("arn", getAtt(ids.of(messages.queue().id()), "Arn"));
            AwsRules.Batch batch = AwsRules.sqsBatch(function, messages, notes);
            e.put("batchSize", batch.size());
            if (batch.windowSeconds() > 0) {
                e.put("maximumBatchingWindow", batch.windowSeconds());
            }
            if (HandlerKind.of(function) == HandlerKind.QUEUE) {
                e.put("functionResponseType", "ReportBatchItemFailures");
            }
        } else if (event instanceof ExportPlan.StorageEvent storage) {
            storageEvent(wrapper, storage);
        } else if (event instanceof ExportPlan.StreamRecords records) {
            ObjectNode e = wrapper.putObject("stream");
            e.put("type", "kinesis");
            e.set("arn", getAtt(ids.of(records.stream().id()), "Arn"));
            AwsRules.Batch batch = AwsRules.kinesisBatch(function, records, notes);
            e.put("batchSize", batch.size());
            if (batch.windowSeconds() > 0) {
                e.put("batchWindow", batch.windowSeconds());
            }
            e.put("startingPosition", "LATEST");
        } else if (event instanceof ExportPlan.TopicMessages topic) {
            ObjectNode e = wrapper.putObject("sns");
            String id = ids.of(topic.topic().id());
            e.set("arn", ref(id));
            e.put("topicName", id);
        } else {
            return null;
        }
        return wrapper;
    }

    private static void httpEvent(ObjectNode wrapper, ExportPlan.Http http) {
        ApiGateway gateway = http.gateway();
        boolean rest = gateway.type() == ApiGateway.Type.REST;
        ObjectNode e = wrapper.putObject(rest ? "http" : "httpApi");
        if (rest) {
            e.put("method", http.method().toLowerCase(Locale.ROOT));
            e.put("path", http.path());
            switch (gateway.auth()) {
                case API_KEY -> e.put("private", true);
                case IAM -> e.put("authorizer", "aws_iam");
                case JWT -> {
                    ObjectNode authorizer = e.putObject("authorizer");
                    authorizer.put("type", "COGNITO_USER_POOLS");
                    authorizer.put("arn", "${param:userPoolArn}");
                }
                case NONE -> {
                    // Open.
                }
            }
        } else {
            e.put("method", http.method().equals("ANY") ? "*" : http.method());
            e.put("path", http.path());
            switch (gateway.auth()) {
                case IAM -> e.putObject("authorizer").put("type", "aws_iam");
                case JWT -> e.putObject("authorizer").put("name", "jwtAuthorizer");
                default -> {
                    // Open (HTTP APIs have no API keys; see the notes).
                }
            }
        }
    }

    private void storageEvent(ObjectNode wrapper, ExportPlan.StorageEvent storage) {
        ObjectNode e = wrapper.putObject("s3");
        e.put("bucket", service.bucketName(storage.bucket()));
        e.put("event", storage.event() == StorageTrigger.Event.CREATED ? "s3:ObjectCreated:*" : "s3:ObjectRemoved:*");
        if (!storage.prefix().isEmpty() || !storage.suffix().isEmpty()) {
            ArrayNode rules = e.putArray("rules");
            if (!storage.prefix().isEmpty()) {
                rules.addObject().put("prefix", literal(storage.prefix()));
            }
            if (!storage.suffix().isEmpty()) {
                rules.addObject().put("suffix", literal(storage.suffix()));
            }
        }
    }
}
