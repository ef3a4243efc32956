package dev.stratus.export.sam;

import static dev.stratus.export.aws.Intrinsics.getAtt;
import static dev.stratus.export.aws.Intrinsics.ref;
import static dev.stratus.export.aws.Intrinsics.sub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.stratus.model.Edge;
import dev.stratus.model.ExternalApi;
import dev.stratus.model.Node;
import dev.stratus.model.Project;
import dev.stratus.model.StreamTrigger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SAM template of one design while it is built: the logical ids, parameters, resources and
 * outputs so far, and the notes. It makes the tables, buckets, queues, topics, streams and email
 * parameters itself, leaves the APIs to {@link SamApis} and the functions to {@link SamFunctions},
 * and finally writes {@code template.yaml}, the Maven project and the README. Used once.
 */
final class SamTemplate {

    /** Logical ids SAM generates for implicit APIs, which no node may take. */
    private static final String[] RESERVED = {"ServerlessRestApi", "ServerlessHttpApi", "ServerlessDeploymentBucket"};

    final ExportPlan plan;
    final List<String> notes = new ArrayList<>();
    final LogicalIds ids = new LogicalIds(RESERVED);
    final ObjectNode parameters = Documents.object();
    /** The template parameter of each email resource, by node id. */
    final Map<String, String> emailParameters = new HashMap<>();
    /** The APIs left out for want of routes, by node id. */
    final Set<String> skippedApis = new LinkedHashSet<>();

    private final ObjectNode resources = Documents.object();
    private final ObjectNode outputs = Documents.object();
    private final Names.Unique outputIds = new Names.Unique("", LogicalIds.MAX_LENGTH);
    private final Set<String> eventBuckets = new LinkedHashSet<>();
    /** The nodes behind template parameters (email services), for an import to recover. */
    private final ObjectNode parameterNodes = Documents.object();

    private LambdaProject lambda;

    SamTemplate(ExportPlan plan) {
        this.plan = plan;
        notes.addAll(plan.notes());
    }

    Export build() throws ExportException {
        lambda = LambdaProject.of(plan);
        eventBuckets.addAll(AwsRules.eventBuckets(plan));
        List<String> cycle = AwsRules.invocationCycle(plan);
        if (!cycle.isEmpty()) {
            notes.add("The functions " + String.join(" -> ", cycle) + " call each other in a circle: each role"
                    + " names the function it invokes, which CloudFormation cannot create. Give one of them a"
                    + " fixed FunctionName and write its LambdaInvokePolicy and variable with that name.");
        }
        assignIds();
        for (ExportPlan.Resource resource : plan.resources()) {
            resource(resource);
        }
        SamApis apis = new SamApis(this);
        for (ExportPlan.Api api : plan.apis()) {
            apis.api(api);
        }
        SamFunctions functions = new SamFunctions(this, lambda);
        for (ExportPlan.Function function : plan.functions()) {
            functions.function(function);
        }
        ObjectNode template = Documents.object();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        template.put("Transform", "AWS::Serverless-2016-10-31");
        template.put("Description", description(plan.project()));
        ObjectNode stratus = template.putObject("Metadata").putObject("Stratus");
        stratus.put("name", plan.project().name());
        stratus.put("description", plan.project().description());
        if (!parameterNodes.isEmpty()) {
            stratus.set("parameters", parameterNodes);
        }
        ArrayNode externalApis = Documents.array();
        for (ExportPlan.Resource resource : plan.resources()) {
            if (resource.node() instanceof ExternalApi api) {
                externalApis
                        .addObject()
                        .put("id", api.id())
                        .put("name", api.name())
                        .put("url", api.url());
            }
        }
        if (!externalApis.isEmpty()) {
            stratus.set("externalApis", externalApis);
        }
        if (!parameters.isEmpty()) {
            template.set("Parameters", parameters);
        }
        template.set("Resources", resources);
        if (!outputs.isEmpty()) {
            template.set("Outputs", outputs);
        }
        AwsNotes.dropRepeats(notes);
        ExportedFiles files = new ExportedFiles();
        files.add("template.yaml", Documents.yaml(template));
        lambda.addTo(files);
        files.add("README.md", new SamReadme(plan, ids, lambda, notes).text());
        return new Export(ExportTarget.SAM, files, notes);
    }

    private void assignIds() {
        for (ExportPlan.Resource resource : plan.resources()) {
            switch (resource.kind()) {
                case TABLE -> ids.assign(resource.id(), resource.name(), "table", "Table");
                case BUCKET -> ids.assign(resource.id(), resource.name(), "bucket", "Bucket");
                case QUEUE -> ids.assign(resource.id(), resource.name(), "queue", "Queue");
                case TOPIC -> ids.assign(resource.id(), resource.name(), "topic", "Topic");
                case STREAM -> ids.assign(resource.id(), resource.name(), "stream", "Stream");
                case EMAIL ->
                    emailParameters.put(resource.id(), ids.assign(resource.id(), resource.name(), "email", "Identity"));
                case EXTERNAL_API -> {
                    // Only a URL: nothing to create.
                }
            }
        }
        for (ExportPlan.Api api : plan.apis()) {
            ids.assign(api.gateway().id(), AwsNotes.name(api.gateway()), "api", "Api");
        }
        for (ExportPlan.Function function : plan.functions()) {
            ids.assign(function.id(), function.name(), "function", "Function");
        }
    }

    // ---- resources ----------------------------------------------------------------------

    private void resource(ExportPlan.Resource resource) {
        String id = ids.has(resource.id()) ? ids.of(resource.id()) : null;
        switch (resource.kind()) {
            case TABLE -> {
                ObjectNode table = resource(id, "AWS::Serverless::SimpleTable", resource.node());
                ObjectNode key = table.putObject("Properties").putObject("PrimaryKey");
                key.put("Name", "id");
                key.put("Type", "String");
                output(id + "Name", "The name of the table '" + resource.name() + "'", ref(id));
            }
            case BUCKET -> {
                ObjectNode bucket = resource(id, "AWS::S3::Bucket", resource.node());
                if (eventBuckets.contains(resource.id())) {
                    bucket.putObject("Properties").set("BucketName", bucketName(resource));
                    notes.add("The bucket '" + resource.name() + "' starts a function, so it has a fixed name"
                            + " (project, bucket, account and region) instead of a generated one: a policy or"
                            + " variable that used Ref would make a circular dependency. Deploy the template"
                            + " once per account and region, or change the name.");
                }
                output(id + "Name", "The name of the bucket '" + resource.name() + "'", bucketName(resource));
            }
            case QUEUE -> {
                ObjectNode properties =
                        resource(id, "AWS::SQS::Queue", resource.node()).putObject("Properties");
                if (AwsRules.isFifo(resource)) {
                    properties.put("FifoQueue", true);
                }
                properties.put("VisibilityTimeout", AwsRules.visibilityTimeout(plan, resource, notes));
                output(id + "Name", "The name of the queue '" + resource.name() + "'", getAtt(id, "QueueName"));
                output(id + "Url", "The URL of the queue '" + resource.name() + "'", ref(id));
            }
            case TOPIC -> {
                resource(id, "AWS::SNS::Topic", resource.node());
                output(id + "Arn", "The ARN of the topic '" + resource.name() + "'", ref(id));
            }
            case STREAM -> {
                ObjectNode properties =
                        resource(id, "AWS::Kinesis::Stream", resource.node()).putObject("Properties");
                int shards = resource.node() instanceof StreamTrigger s ? s.shards() : 1;
                properties.put("ShardCount", shards);
                output(id + "Name", "The name of the stream '" + resource.name() + "'", ref(id));
            }
            case EMAIL -> emailParameter(resource);
            case EXTERNAL_API -> AwsNotes.externalApi(resource, notes);
        }
    }

    /** Adds a resource with the node's id and name as metadata and returns it. */
    ObjectNode resource(String id, String type, Node node) {
        ObjectNode resource = resources.putObject(id);
        resource.put("Type", type);
        ObjectNode stratus = resource.putObject("Metadata").putObject("Stratus");
        stratus.put("id", node.id());
        stratus.put("name", node.name());
        return resource;
    }

    private void emailParameter(ExportPlan.Resource resource) {
        String id = emailParameters.get(resource.id());
        parameterNodes
                .putObject(id)
                .put("id", resource.id())
                .put("name", resource.node().name());
        ObjectNode parameter = parameters.putObject(id);
        parameter.put("Type", "String");
        parameter.put(
                "Description",
                truncate(
                        "The SES identity (a verified email address or domain) that sends the mail of '"
                                + resource.name() + "'",
                        4000));
        String sender = AwsRules.senderAddress(plan, resource);
        if (sender != null) {
            parameter.put("Default", sender);
        }
        notes.add("Email through '" + resource.name() + "' needs an SES identity verified in your account:"
                + " the template parameter " + id + " names it"
                + (sender != null ? " (default " + sender + ", from the function's environment)" : "")
                + ", and SESCrudPolicy lets the functions send from it.");
    }

    /**
     * Records in the resource's Stratus metadata the trigger nodes of a kind that feed it and become
     * no resource of their own (HTTP triggers, schedules), so that an import recovers them.
     */
    void triggerMetadata(ObjectNode resource, String nodeId, Class<? extends Node> kind, String key) {
        Map<String, Node> nodes = plan.project().architecture().nodesById();
        ArrayNode triggers = Documents.array();
        for (Edge edge : plan.project().architecture().edges()) {
            Node from = nodes.get(edge.from());
            if (edge.to().equals(nodeId) && kind.isInstance(from)) {
                triggers.addObject().put("id", from.id()).put("name", from.name());
            }
        }
        if (!triggers.isEmpty()) {
            ((ObjectNode) resource.path("Metadata").path("Stratus")).set(key, triggers);
        }
    }

    /**
     * The bucket's name: a Ref, or for a bucket that starts a function a fixed name built with
     * Fn::Sub. Such a bucket's notification configuration refers to the function, so a Ref to the
     * bucket in that function's policy or environment would be a circular dependency.
     */
    JsonNode bucketName(ExportPlan.Resource bucket) {
        if (!eventBuckets.contains(bucket.id())) {
            return ref(ids.of(bucket.id()));
        }
        String project = Names.kebab(plan.project().name(), "stratus", 18);
        String name = Names.kebab(bucket.name(), "bucket", 16);
        return sub(project + "-" + name + "-${AWS::AccountId}-${AWS::Region}");
    }

    /** Adds an output; a name already taken gets a number. */
    void output(String name, String description, JsonNode value) {
        ObjectNode output = outputs.putObject(outputIds.next(name));
        output.put("Description", truncate(description, 1024));
        output.set("Value", value);
    }

    private static String description(Project project) {
        String text =
                project.description().isBlank() ? "Exported from Stratus: " + project.name() : project.description();
        return truncate(text, 1024);
    }

    /** The text cut to {@code max} characters, ending with "..." if it was longer. */
    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
