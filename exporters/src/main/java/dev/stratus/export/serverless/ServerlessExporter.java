package dev.stratus.export.serverless;

import static dev.stratus.export.aws.Intrinsics.getAtt;
import static dev.stratus.export.aws.Intrinsics.join;
import static dev.stratus.export.aws.Intrinsics.ref;

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
import dev.stratus.export.Exporter;
import dev.stratus.export.MavenPom;
import dev.stratus.export.Names;
import dev.stratus.export.aws.AwsRules;
import dev.stratus.export.aws.HandlerKind;
import dev.stratus.export.aws.LambdaProject;
import dev.stratus.export.aws.LogicalIds;
import dev.stratus.export.aws.Markdown;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.ExternalApi;
import dev.stratus.model.Node;
import dev.stratus.model.Project;
import dev.stratus.model.StorageTrigger;
import dev.stratus.model.StreamTrigger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exports a design as a Serverless Framework v3 service: {@code serverless.yml} (provider, the IAM
 * statements the connections imply, functions with their events, settings and environment, and the
 * tables, queues, topics and streams as CloudFormation resources), the Maven project of {@link
 * LambdaProject} that {@code package.artifact} points at, and a README.
 *
 * <p>Text from the design that reaches the file (environment values, names) has its <code>${</code>
 * escaped, so the framework does not read it as a variable.
 */
public final class ServerlessExporter implements Exporter {

    public static final String DEFAULT_STAGE = "dev";
    public static final String DEFAULT_REGION = "us-east-1";

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

    private static final Pattern VARIABLE = Pattern.compile("(\\\\*)\\$\\{");

    @Override
    public ExportTarget target() {
        return ExportTarget.SERVERLESS;
    }

    @Override
    public Export export(Project project) throws ExportException {
        return new Builder(ExportPlan.of(project)).build();
    }

    /** The service name: kebab-case, 2 to 24 characters, so that function names stay within 64. */
    public static String serviceName(Project project) {
        String name = Names.kebab(project.name(), "stratus-app", 24);
        return name.length() < 2 ? name + "-app" : name;
    }

    /**
     * Text the framework must take literally: each <code>${</code> gets the backslash that escapes it (and
     * backslashes in front of it are doubled, as the framework halves them).
     */
    public static String literal(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String slashes = m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(slashes + slashes + "\\${"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final class Builder {
        private final ExportPlan plan;
        private final List<String> notes = new ArrayList<>();
        private final LogicalIds ids = new LogicalIds(RESERVED);
        private final Map<String, String> functionKeys = new HashMap<>();
        private final Map<String, String> emailParams = new HashMap<>();
        private final ObjectNode params = Documents.object();
        private final ObjectNode resources = Documents.object();
        private final ObjectNode outputs = Documents.object();
        private final ObjectNode extensions = Documents.object();
        private final Set<JsonNode> statements = new LinkedHashSet<>();
        private final Set<String> eventBuckets = new LinkedHashSet<>();
        private final String service;
        private LambdaProject lambda;
        private ObjectNode httpApiAuthorizers;
        private String restUserPoolParam;
        private boolean restApiKeys;

        Builder(ExportPlan plan) {
            this.plan = plan;
            this.service = serviceName(plan.project());
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
            checkApis();
            ObjectNode functions = Documents.object();
            for (ExportPlan.Function function : plan.functions()) {
                functions.set(functionKeys.get(function.id()), function(function));
            }
            ObjectNode root = Documents.object();
            root.put("service", service);
            root.put("frameworkVersion", "3");
            root.put("configValidationMode", "error");
            if (!params.isEmpty()) {
                root.putObject("params").set("default", params);
            }
            root.set("provider", provider());
            root.putObject("package").put("artifact", lambda.jarPath());
            root.set("functions", functions);
            if (!resources.isEmpty() || !outputs.isEmpty() || !extensions.isEmpty()) {
                ObjectNode section = root.putObject("resources");
                if (!resources.isEmpty()) {
                    section.set("Resources", resources);
                }
                if (!outputs.isEmpty()) {
                    section.set("Outputs", outputs);
                }
                if (!extensions.isEmpty()) {
                    section.set("extensions", extensions);
                }
            }
            // The plan may give the same note twice (a route is read for the API and for the function).
            List<String> distinct = List.copyOf(new LinkedHashSet<>(notes));
            notes.clear();
            notes.addAll(distinct);
            ExportedFiles files = new ExportedFiles();
            files.add("serverless.yml", Documents.yaml(root));
            lambda.addTo(files);
            files.add("README.md", readme());
            return new Export(ExportTarget.SERVERLESS, files, notes);
        }

        private ObjectNode provider() {
            ObjectNode provider = Documents.object();
            provider.put("name", "aws");
            provider.put("runtime", runtime(plan.functions().get(0), new ArrayList<>()));
            provider.put("stage", DEFAULT_STAGE);
            provider.put("region", DEFAULT_REGION);
            if (httpApiAuthorizers != null) {
                provider.putObject("httpApi").set("authorizers", httpApiAuthorizers);
            }
            if (restApiKeys) {
                ObjectNode gateway = provider.putObject("apiGateway");
                gateway.putArray("apiKeys").add(service + "-key");
                ApiGateway rest = restGateway();
                if (rest != null) {
                    ObjectNode throttle = gateway.putObject("usagePlan").putObject("throttle");
                    throttle.put("burstLimit", rest.burst());
                    throttle.put("rateLimit", rest.rateLimitPerSecond());
                }
            }
            if (!statements.isEmpty()) {
                ArrayNode array = provider.putObject("iam").putObject("role").putArray("statements");
                statements.forEach(array::add);
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
                case EMAIL -> {
                    String param = Names.camel(resource.name(), "email") + "Identity";
                    while (params.has(param)) {
                        param = param + "X";
                    }
                    emailParams.put(resource.id(), param);
                    String sender = AwsRules.senderAddress(plan, resource);
                    params.put(param, sender != null ? literal(sender) : "example.com");
                    notes.add("Email through '" + resource.name() + "' needs an SES identity verified in your account:"
                            + " the parameter " + param + " names it (now "
                            + (sender != null
                                    ? sender + ", from the function's environment"
                                    : "a placeholder, example.com")
                            + "); set it under params in serverless.yml or with --param=\"" + param + "=...\".");
                }
                case EXTERNAL_API -> {
                    if (resource.node() instanceof ExternalApi api && api.url().isBlank()) {
                        notes.add("The external API '" + resource.name() + "' has no URL; its variable is empty"
                                + " until you set it.");
                    }
                }
            }
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

        /** The name the framework gives a bucket that an s3 event creates. */
        private String bucketName(ExportPlan.Resource bucket) {
            return "${self:service}-${sls:stage}-" + Names.kebab(bucket.name(), "bucket", 20);
        }

        private JsonNode bucketValue(ExportPlan.Resource bucket) {
            return eventBuckets.contains(bucket.id()) ? TextNode.valueOf(bucketName(bucket)) : ref(ids.of(bucket.id()));
        }

        /** The bucket's ARN, and the ARN of its objects. */
        private List<JsonNode> bucketArns(ExportPlan.Resource bucket) {
            if (eventBuckets.contains(bucket.id())) {
                String arn = "arn:aws:s3:::" + bucketName(bucket);
                return List.of(TextNode.valueOf(arn), TextNode.valueOf(arn + "/*"));
            }
            JsonNode arn = getAtt(ids.of(bucket.id()), "Arn");
            return List.of(arn, join("", arn, TextNode.valueOf("/*")));
        }

        // ---- APIs -------------------------------------------------------------------------------

        /**
         * The framework has one HTTP API and one REST API per service; the design's gateways of each type
         * become routes of that one API, with its auth.
         */
        private void checkApis() {
            int http = 0;
            int rest = 0;
            for (ExportPlan.Api api : plan.apis()) {
                if (api.routes().isEmpty()) {
                    notes.add(
                            "The API '" + name(api.gateway()) + "' has no routes to functions, so it is not exported.");
                    continue;
                }
                ApiGateway gateway = api.gateway();
                boolean isRest = gateway.type() == ApiGateway.Type.REST;
                if (isRest) {
                    rest++;
                } else {
                    http++;
                }
                if (gateway.cache() != null) {
                    notes.add("The API '" + name(gateway) + "' has a response cache; the Serverless Framework has no"
                            + " setting for it, so it is exported without one.");
                }
                if (isRest && gateway.auth() != ApiGateway.Auth.API_KEY) {
                    notes.add("The REST API '" + name(gateway) + "' throttles at " + gateway.rateLimitPerSecond()
                            + " requests/s (burst " + gateway.burst() + "); the framework sets stage throttling only"
                            + " through usage plans, so set it on the stage after deploying.");
                }
                switch (gateway.auth()) {
                    case NONE -> {
                        // Open, as designed.
                    }
                    case API_KEY -> {
                        if (isRest) {
                            restApiKeys = true;
                            notes.add("The REST API '" + name(gateway) + "' requires an API key: the framework creates"
                                    + " one with a usage plan (throttled as designed); serverless info shows it.");
                        } else {
                            notes.add("The API '" + name(gateway) + "' asks for API keys, which HTTP APIs do not have;"
                                    + " it is exported WITHOUT authorisation. Add a Lambda authorizer, or make it a"
                                    + " REST API in the design.");
                        }
                    }
                    case IAM ->
                        notes.add("The API '" + name(gateway) + "' uses IAM authorisation: callers sign"
                                + " requests with SigV4 and need execute-api:Invoke permission.");
                    case JWT -> {
                        if (isRest) {
                            restUserPoolParam = "userPoolArn";
                            params.put(
                                    restUserPoolParam,
                                    "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_EXAMPLE");
                            notes.add("The REST API '" + name(gateway) + "' checks JWTs of a Cognito user pool: set the"
                                    + " parameter userPoolArn (now a placeholder).");
                        } else if (httpApiAuthorizers == null) {
                            params.put("jwtIssuer", "https://issuer.example.com");
                            params.put("jwtAudience", "example-client-id");
                            httpApiAuthorizers = Documents.object();
                            ObjectNode jwt = httpApiAuthorizers.putObject("jwtAuthorizer");
                            jwt.put("type", "jwt");
                            jwt.put("identitySource", "$request.header.Authorization");
                            jwt.put("issuerUrl", "${param:jwtIssuer}");
                            jwt.putArray("audience").add("${param:jwtAudience}");
                            notes.add("The API '" + name(gateway) + "' checks JWTs: set the parameters jwtIssuer and"
                                    + " jwtAudience (now placeholders) to your identity provider's.");
                        }
                    }
                }
                if (!isRest && http == 1) {
                    // The framework has no throttling setting for HTTP APIs; an extension of the stage
                    // it generates sets it exactly.
                    ObjectNode settings = extensions
                            .putObject("HttpApiStage")
                            .putObject("Properties")
                            .putObject("DefaultRouteSettings");
                    settings.put("ThrottlingRateLimit", gateway.rateLimitPerSecond());
                    settings.put("ThrottlingBurstLimit", gateway.burst());
                }
            }
            if (http > 1 || rest > 1) {
                notes.add("The design has " + (http > 1 ? http + " HTTP APIs" : rest + " REST APIs") + "; a Serverless"
                        + " service has one of each, so their routes share it (and the first one's auth).");
            }
        }

        private ApiGateway restGateway() {
            return plan.apis().stream()
                    .map(ExportPlan.Api::gateway)
                    .filter(g -> g.type() == ApiGateway.Type.REST && g.auth() == ApiGateway.Auth.API_KEY)
                    .findFirst()
                    .orElse(null);
        }

        // ---- functions --------------------------------------------------------------------------

        private ObjectNode function(ExportPlan.Function function) {
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
                    if (!AwsRules.urlMatchesRoute(function, http)) {
                        notes.add("The function '" + function.name() + "' is reached through its function URL,"
                                + " which answers every method and path; the route " + http.method() + " "
                                + http.path() + " is left for the code to check.");
                    }
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
            statements(function);
            return out;
        }

        private JsonNode value(ExportPlan.Variable variable) {
            if (!variable.isReference()) {
                return TextNode.valueOf(literal(variable.literal()));
            }
            ExportPlan.Connection connection = variable.reference();
            if (connection.function() != null) {
                return TextNode.valueOf(functionName(connection.function().id()));
            }
            ExportPlan.Resource resource = connection.resource();
            return switch (resource.kind()) {
                case BUCKET -> bucketValue(resource);
                case QUEUE ->
                    variable.name().endsWith("_NAME")
                            ? getAtt(ids.of(resource.id()), "QueueName")
                            : ref(ids.of(resource.id()));
                case EXTERNAL_API ->
                    TextNode.valueOf(literal(resource.node() instanceof ExternalApi api ? api.url() : ""));
                case EMAIL -> TextNode.valueOf("${param:" + emailParams.get(resource.id()) + "}");
                default -> ref(ids.of(resource.id()));
            };
        }

        /** The function's runtime among those Serverless Framework v3 knows (up to java21). */
        private static String runtime(ExportPlan.Function function, List<String> notes) {
            String runtime = LambdaProject.runtime(function, notes);
            if (runtime.equals("java25")) {
                notes.add("The function '" + function.name() + "' asks for java25, which Serverless Framework v3"
                        + " does not know; it is exported with java21 (the jar is Java 17 bytecode and runs on both).");
                return "java21";
            }
            return runtime;
        }

        /** The name the framework deploys a function under: service, stage and key. */
        private String functionName(String functionId) {
            return "${self:service}-${sls:stage}-" + functionKeys.get(functionId);
        }

        private JsonNode event(ExportPlan.Function function, ExportPlan.Event event) {
            ObjectNode wrapper = Documents.object();
            if (event instanceof ExportPlan.Http http) {
                ApiGateway gateway = http.gateway();
                boolean rest = gateway.type() == ApiGateway.Type.REST;
                ObjectNode e = wrapper.putObject(rest ? "http" : "httpApi");
                if (rest) {
                    e.put("method", http.method().toLowerCase(java.util.Locale.ROOT));
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
                ObjectNode e = wrapper.putObject("s3");
                e.put("bucket", bucketName(storage.bucket()));
                e.put(
                        "event",
                        storage.event() == StorageTrigger.Event.CREATED ? "s3:ObjectCreated:*" : "s3:ObjectRemoved:*");
                if (!storage.prefix().isEmpty() || !storage.suffix().isEmpty()) {
                    ArrayNode rules = e.putArray("rules");
                    if (!storage.prefix().isEmpty()) {
                        rules.addObject().put("prefix", literal(storage.prefix()));
                    }
                    if (!storage.suffix().isEmpty()) {
                        rules.addObject().put("suffix", literal(storage.suffix()));
                    }
                }
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

        /** The IAM statements the function's connections and events need, added to the service's role. */
        private void statements(ExportPlan.Function function) {
            for (ExportPlan.Connection connection : function.connections()) {
                if (connection.function() != null) {
                    // By name, not GetAtt: the service's one role is created before the functions,
                    // so a GetAtt of a function in it would be a circular dependency.
                    statements.add(statement(
                            List.of("lambda:InvokeFunction"),
                            List.of(join(
                                    ":",
                                    TextNode.valueOf("arn"),
                                    ref("AWS::Partition"),
                                    TextNode.valueOf("lambda"),
                                    ref("AWS::Region"),
                                    ref("AWS::AccountId"),
                                    TextNode.valueOf("function"),
                                    TextNode.valueOf(
                                            functionName(connection.function().id()))))));
                    continue;
                }
                ExportPlan.Resource resource = connection.resource();
                switch (resource.kind()) {
                    case TABLE -> {
                        JsonNode arn = getAtt(ids.of(resource.id()), "Arn");
                        statements.add(statement(
                                List.of(
                                        "dynamodb:GetItem",
                                        "dynamodb:PutItem",
                                        "dynamodb:UpdateItem",
                                        "dynamodb:DeleteItem",
                                        "dynamodb:Query",
                                        "dynamodb:Scan",
                                        "dynamodb:BatchGetItem",
                                        "dynamodb:BatchWriteItem",
                                        "dynamodb:ConditionCheckItem",
                                        "dynamodb:DescribeTable"),
                                List.of(arn, join("", arn, TextNode.valueOf("/index/*")))));
                    }
                    case BUCKET -> {
                        List<JsonNode> arns = bucketArns(resource);
                        statements.add(statement(
                                List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"), List.of(arns.get(1))));
                        statements.add(statement(List.of("s3:ListBucket"), List.of(arns.get(0))));
                    }
                    case QUEUE ->
                        statements.add(statement(
                                List.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"),
                                List.of(getAtt(ids.of(resource.id()), "Arn"))));
                    case TOPIC ->
                        statements.add(statement(List.of("sns:Publish"), List.of(ref(ids.of(resource.id())))));
                    case STREAM ->
                        statements.add(statement(
                                List.of("kinesis:PutRecord", "kinesis:PutRecords", "kinesis:DescribeStreamSummary"),
                                List.of(getAtt(ids.of(resource.id()), "Arn"))));
                    case EMAIL ->
                        statements.add(statement(
                                List.of("ses:SendEmail", "ses:SendRawEmail", "ses:SendTemplatedEmail"),
                                List.of(join(
                                        ":",
                                        TextNode.valueOf("arn"),
                                        ref("AWS::Partition"),
                                        TextNode.valueOf("ses"),
                                        ref("AWS::Region"),
                                        ref("AWS::AccountId"),
                                        TextNode.valueOf(
                                                "identity/${param:" + emailParams.get(resource.id()) + "}")))));
                    case EXTERNAL_API -> {
                        // An HTTP call out of AWS needs no permission.
                    }
                }
            }
            for (ExportPlan.Event event : function.events()) {
                // The framework grants the SQS and Kinesis pollers their reads; reading the object an
                // S3 event names is the function's own business.
                if (event instanceof ExportPlan.StorageEvent storage) {
                    statements.add(statement(
                            List.of("s3:GetObject"),
                            List.of(bucketArns(storage.bucket()).get(1))));
                }
            }
        }

        private static ObjectNode statement(List<String> actions, List<JsonNode> resources) {
            ObjectNode statement = Documents.object();
            statement.put("Effect", "Allow");
            ArrayNode action = statement.putArray("Action");
            actions.forEach(action::add);
            ArrayNode resource = statement.putArray("Resource");
            resources.forEach(resource::add);
            return statement;
        }

        private void output(String name, String description, JsonNode value) {
            ObjectNode output = outputs.putObject(name);
            output.put("Description", literal(description));
            output.set("Value", value);
        }

        // ---- README ------------------------------------------------------------------------------

        private String readme() {
            Project project = plan.project();
            StringBuilder out = new StringBuilder();
            out.append("# ").append(Markdown.text(project.name())).append(" (Serverless Framework)\n\n");
            if (!project.description().isBlank()) {
                out.append(Markdown.text(project.description())).append("\n\n");
            }
            out.append("Exported from Stratus. `serverless.yml` is a Serverless Framework v3 service (`")
                    .append(service)
                    .append("`); the functions are one Maven project (`pom.xml`, Java ")
                    .append(MavenPom.JAVA_RELEASE)
                    .append(" bytecode) on aws-lambda-java-core ")
                    .append(LambdaProject.CORE_VERSION)
                    .append(" and aws-lambda-java-events ")
                    .append(LambdaProject.EVENTS_VERSION)
                    .append(", shaded into `")
                    .append(lambda.jarPath())
                    .append("`, which `package.artifact` deploys.\n\n");
            out.append("## Prerequisites\n\n"
                    + "- JDK 17 or later and Maven 3.8 or later\n"
                    + "- Node.js 18 or later and the Serverless Framework v3: `npm install -g serverless@3`"
                    + " (v4 needs a login)\n"
                    + "- AWS credentials for the account to deploy to (`aws configure`)\n\n");
            out.append("## Build and deploy\n\n```sh\n" + "mvn package                                   # builds ")
                    .append(lambda.jarPath())
                    .append("\n"
                            + "serverless package --stage dev --region us-east-1   # optional: writes the CloudFormation"
                            + " to .serverless/\n"
                            + "serverless deploy --stage dev --region us-east-1\n"
                            + "```\n\n"
                            + "`serverless info` prints the endpoints; `serverless invoke -f <function> --data '{}'` runs a"
                            + " function; `serverless remove` deletes the stack.\n\n");
            out.append("## Functions\n\n| Function | Handler | Started by |\n|---|---|---|\n");
            for (ExportPlan.Function function : plan.functions()) {
                out.append("| ")
                        .append(functionKeys.get(function.id()))
                        .append(" | ")
                        .append(Markdown.code(lambda.handlerName(function.id())))
                        .append(" | ")
                        .append(Markdown.text(startedBy(function)))
                        .append(" |\n");
            }
            out.append("\nA function with code of its own in the design gets it beside its handler; the others"
                    + " log each event and answer with JSON naming the function and its connections — replace"
                    + " that with your code.\n\n");
            out.append("## Resources and permissions\n\n"
                    + "- Tables are `AWS::DynamoDB::Table` with a string key `id` and on-demand (PAY_PER_REQUEST)"
                    + " capacity.\n"
                    + "- Each connection gives the function an environment variable (the table, bucket or queue"
                    + " name, queue URL, topic ARN or function name) and IAM statements on that resource alone."
                    + " Serverless Framework v3 gives all functions of a service one role, so the role holds the"
                    + " statements of every function.\n\n");
            if (!notes.isEmpty()) {
                out.append("## Notes\n\n").append(Markdown.bullets(notes)).append('\n');
            }
            return out.toString();
        }

        private String startedBy(ExportPlan.Function function) {
            if (function.events().isEmpty()) {
                return "other functions only (direct invocation)";
            }
            List<String> parts = new ArrayList<>();
            for (ExportPlan.Event event : function.events()) {
                parts.add(LambdaProject.describe(event));
            }
            return String.join("; ", parts);
        }
    }

    private static String name(Node node) {
        return node.name().isBlank() ? node.id() : node.name();
    }
}
