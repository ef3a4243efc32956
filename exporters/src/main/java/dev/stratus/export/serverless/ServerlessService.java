package dev.stratus.export.serverless;

import static dev.stratus.export.aws.Intrinsics.getAtt;
import static dev.stratus.export.aws.Intrinsics.ref;
import static dev.stratus.export.serverless.ServerlessExporter.literal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.stratus.export.Documents;
import dev.stratus.export.Export;
import dev.stratus.export.ExportException;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.ExportTarget;
import dev.stratus.export.ExportedFiles;
import dev.stratus.export.Names;
import dev.stratus.export.aws.AwsNotes;
import dev.stratus.export.aws.AwsRules;
import dev.stratus.export.aws.LambdaProject;
import dev.stratus.export.aws.LogicalIds;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.Node;
import dev.stratus.model.StreamTrigger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code serverless.yml} of one design while it is built: the logical ids, function keys,
 * parameters, CloudFormation resources and outputs so far, and the notes. It makes the resources
 * and the provider section itself, leaves the APIs to {@link ServerlessApis}, the functions to
 * {@link ServerlessFunctions} and the role's statements to {@link ServerlessPermissions}, and finally
 * writes the file, the Maven project and the README. Used once.
 */
final class ServerlessService {

    /** Logical ids the framework generates itself. */
    private static final String[] RESERVED = {
        "ServerlessDeploymentBucket",
        "ServerlessDeploymentBucketPolicy",
        "IamRoleLambdaExecution",
        "HttpApi",
        "HttpApiStage",
        "ApiGatewayRestApi",
        "ApiGatewayApiKey1",
        "ApiGatewayUsagePlan",
        "ServiceEndpoint",
        "HttpApiUrl"
    };

    final ExportPlan plan;
    final List<String> notes = new ArrayList<>();
    final LogicalIds ids = new LogicalIds(RESERVED);
    /** The service's name, {@link ServerlessExporter#serviceName}. */
    final String service;
    /** The parameters under {@code params.default}. */
    final ObjectNode params = Documents.object();
    /** The parameter naming the SES identity of each email resource, by node id. */
    final Map<String, String> emailParams = new HashMap<>();

    private final Map<String, String> functionKeys = new HashMap<>();
    private final ObjectNode resources = Documents.object();
    private final ObjectNode outputs = Documents.object();
    private final Set<String> eventBuckets = new LinkedHashSet<>();
    private LambdaProject lambda;

    ServerlessService(ExportPlan plan) {
        this.plan = plan;
        this.service = ServerlessExporter.serviceName(plan.project());
        notes.addAll(plan.notes());
    }

    Export build() throws ExportException {
        lambda = LambdaProject.of(plan);
        eventBuckets.addAll(AwsRules.eventBuckets(plan));
        Names.Unique keys = new Names.Unique("", 30);
        for (ExportPlan.Function function : plan.functions()) {
            functionKeys.put(function.id(), keys.next(Names.camel(function.name(), "function")));
        }
        for (ExportPlan.Resource resource : plan.resources()) {
            resource(resource);
        }
        ServerlessApis apis = new ServerlessApis(this);
        apis.check();
        ServerlessPermissions permissions = new ServerlessPermissions(this);
        ServerlessFunctions functionSection = new ServerlessFunctions(this, lambda, permissions);
        ObjectNode functions = Documents.object();
        for (ExportPlan.Function function : plan.functions()) {
            functions.set(functionKeys.get(function.id()), functionSection.function(function));
        }
        ObjectNode root = Documents.object();
        root.put("service", service);
        root.put("frameworkVersion", "3");
        root.put("configValidationMode", "error");
        if (!params.isEmpty()) {
            root.putObject("params").set("default", params);
        }
        root.set("provider", provider(apis, permissions));
        root.putObject("package").put("artifact", lambda.jarPath());
        root.set("functions", functions);
        if (!resources.isEmpty() || !outputs.isEmpty() || !apis.extensions().isEmpty()) {
            ObjectNode section = root.putObject("resources");
            if (!resources.isEmpty()) {
                section.set("Resources", resources);
            }
            if (!outputs.isEmpty()) {
                section.set("Outputs", outputs);
            }
            if (!apis.extensions().isEmpty()) {
                section.set("extensions", apis.extensions());
            }
        }
        AwsNotes.dropRepeats(notes);
        ExportedFiles files = new ExportedFiles();
        files.add("serverless.yml", Documents.yaml(root));
        lambda.addTo(files);
        files.add("README.md", new ServerlessReadme(plan, service, functionKeys, lambda, notes).text());
        return new Export(ExportTarget.SERVERLESS, files, notes);
    }

    private ObjectNode provider(ServerlessApis apis, ServerlessPermissions permissions) {
        ObjectNode provider = Documents.object();
        provider.put("name", "aws");
        provider.put("runtime", ServerlessFunctions.runtime(plan.functions().get(0), new ArrayList<>()));
        provider.put("stage", ServerlessExporter.DEFAULT_STAGE);
        provider.put("region", ServerlessExporter.DEFAULT_REGION);
        if (apis.httpApiAuthorizers() != null) {
            provider.putObject("httpApi").set("authorizers", apis.httpApiAuthorizers());
        }
        if (apis.restApiKeys()) {
            ObjectNode gateway = provider.putObject("apiGateway");
            gateway.putArray("apiKeys").add(service + "-key");
            ApiGateway rest = apis.restGateway();
            if (rest != null) {
                ObjectNode throttle = gateway.putObject("usagePlan").putObject("throttle");
                throttle.put("burstLimit", rest.burst());
                throttle.put("rateLimit", rest.rateLimitPerSecond());
            }
        }
        if (!permissions.statements().isEmpty()) {
            ArrayNode array = provider.putObject("iam").putObject("role").putArray("statements");
            permissions.statements().forEach(array::add);
        }
        return provider;
    }

    // ---- resources ------------------------------------------------------------------------

    private void resource(ExportPlan.Resource resource) {
        switch (resource.kind()) {
            case TABLE -> {
                String id = ids.assign(resource.id(), resource.name(), "table", "Table");
                ObjectNode properties = resource(id, "AWS::DynamoDB::Table", resource.node());
                properties.put("BillingMode", "PAY_PER_REQUEST");
                properties
                        .putArray("AttributeDefinitions")
                        .addObject()
                        .put("AttributeName", "id")
                        .put("AttributeType", "S");
                properties
                        .putArray("KeySchema")
                        .addObject()
                        .put("AttributeName", "id")
                        .put("KeyType", "HASH");
                output(id + "Name", "The name of the table '" + resource.name() + "'", ref(id));
            }
            case BUCKET -> {
                if (eventBuckets.contains(resource.id())) {
                    notes.add("The bucket '" + resource.name() + "' starts a function, so the framework creates"
                            + " it from the s3 event, named " + bucketName(resource) + " (bucket names are"
                            + " global: change it if it is taken).");
                    return;
                }
                String id = ids.assign(resource.id(), resource.name(), "bucket", "Bucket");
                resource(id, "AWS::S3::Bucket", resource.node());
                output(id + "Name", "The name of the bucket '" + resource.name() + "'", ref(id));
            }
            case QUEUE -> {
                String id = ids.assign(resource.id(), resource.name(), "queue", "Queue");
                ObjectNode properties = resource(id, "AWS::SQS::Queue", resource.node());
                if (AwsRules.isFifo(resource)) {
                    properties.put("FifoQueue", true);
                }
                properties.put("VisibilityTimeout", AwsRules.visibilityTimeout(plan, resource, notes));
                output(id + "Name", "The name of the queue '" + resource.name() + "'", getAtt(id, "QueueName"));
                output(id + "Url", "The URL of the queue '" + resource.name() + "'", ref(id));
            }
            case TOPIC -> {
                String id = ids.assign(resource.id(), resource.name(), "topic", "Topic");
                resource(id, "AWS::SNS::Topic", resource.node());
                output(id + "Arn", "The ARN of the topic '" + resource.name() + "'", ref(id));
            }
            case STREAM -> {
                String id = ids.assign(resource.id(), resource.name(), "stream", "Stream");
                ObjectNode properties = resource(id, "AWS::Kinesis::Stream", resource.node());
                properties.put("ShardCount", resource.node() instanceof StreamTrigger s ? s.shards() : 1);
                output(id + "Name", "The name of the stream '" + resource.name() + "'", ref(id));
            }
            case EMAIL -> emailParam(resource);
            case EXTERNAL_API -> AwsNotes.externalApi(resource, notes);
        }
    }

    private void emailParam(ExportPlan.Resource resource) {
        String param = Names.camel(resource.name(), "email") + "Identity";
        while (params.has(param)) {
            param = param + "X";
        }
        emailParams.put(resource.id(), param);
        String sender = AwsRules.senderAddress(plan, resource);
        params.put(param, sender != null ? literal(sender) : "example.com");
        notes.add("Email through '" + resource.name() + "' needs an SES identity verified in your account:"
                + " the parameter " + param + " names it (now "
                + (sender != null ? sender + ", from the function's environment" : "a placeholder, example.com")
                + "); set it under params in serverless.yml or with --param=\"" + param + "=...\".");
    }

    /** Adds a CloudFormation resource with the node's id and name as metadata; returns its Properties. */
    private ObjectNode resource(String id, String type, Node node) {
        ObjectNode resource = resources.putObject(id);
        resource.put("Type", type);
        ObjectNode stratus = resource.putObject("Metadata").putObject("Stratus");
        stratus.put("id", literal(node.id()));
        stratus.put("name", literal(node.name()));
        return resource.putObject("Properties");
    }

    private void output(String name, String description, JsonNode value) {
        ObjectNode output = outputs.putObject(name);
        output.put("Description", literal(description));
        output.set("Value", value);
    }

    /** Whether the bucket starts a function, so that the framework creates it from the s3 event. */
    boolean isEventBucket(ExportPlan.Resource bucket) {
        return eventBuckets.contains(bucket.id());
    }

    /** The name the framework gives a bucket that an s3 event creates. */
    String bucketName(ExportPlan.Resource bucket) {
        return "${self:service}-${sls:stage}-" + Names.kebab(bucket.name(), "bucket", 20);
    }

    /** The bucket's name as a variable holds it: the fixed name of an event bucket, else a Ref. */
    JsonNode bucketValue(ExportPlan.Resource bucket) {
        return isEventBucket(bucket) ? TextNode.valueOf(bucketName(bucket)) : ref(ids.of(bucket.id()));
    }

    /** The name the framework deploys a function under: service, stage and key. */
    String functionName(String functionId) {
        return "${self:service}-${sls:stage}-" + functionKeys.get(functionId);
    }
}
