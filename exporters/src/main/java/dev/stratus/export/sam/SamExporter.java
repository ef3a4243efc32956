package dev.stratus.export.sam;

import static dev.stratus.export.aws.Intrinsics.getAtt;
import static dev.stratus.export.aws.Intrinsics.ref;
import static dev.stratus.export.aws.Intrinsics.sub;

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
import dev.stratus.export.Names;
import dev.stratus.export.aws.AwsRules;
import dev.stratus.export.aws.HandlerKind;
import dev.stratus.export.aws.LambdaProject;
import dev.stratus.export.aws.LogicalIds;
import dev.stratus.export.aws.Markdown;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.Edge;
import dev.stratus.model.ExternalApi;
import dev.stratus.model.HttpTrigger;
import dev.stratus.model.Node;
import dev.stratus.model.Project;
import dev.stratus.model.ScheduleTrigger;
import dev.stratus.model.StorageTrigger;
import dev.stratus.model.StreamTrigger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exports a design as an AWS SAM application: {@code template.yaml} with a function per function
 * node (its events, settings, environment and least-privilege policy templates), the tables,
 * buckets, queues, topics, streams and APIs the design needs, and outputs; the Maven project of
 * {@link LambdaProject}; and a README.
 *
 * <p>Every resource made from a node carries {@code Metadata: {Stratus: {id, name}}}, and the template
 * {@code Metadata: {Stratus: {name, description}}}, so that an import recovers the exact ids and
 * names. Intrinsic functions are written in their long form ({@code {Ref: X}}, {@code
 * {Fn::GetAtt: [X, Arn]}}), which CloudFormation reads like the short tags.
 */
public final class SamExporter implements Exporter {

    /** The stage the APIs deploy to; part of their URLs. */
    public static final String STAGE = "prod";

    /** The alias that provisioned concurrency is configured on. */
    public static final String ALIAS = "live";

    /** Logical ids SAM generates for implicit APIs, which no node may take. */
    private static final String[] RESERVED = {"ServerlessRestApi", "ServerlessHttpApi", "ServerlessDeploymentBucket"};

    @Override
    public ExportTarget target() {
        return ExportTarget.SAM;
    }

    @Override
    public Export export(Project project) throws ExportException {
        return new Builder(ExportPlan.of(project)).build();
    }

    private static final class Builder {
        private final ExportPlan plan;
        private final List<String> notes = new ArrayList<>();
        private final LogicalIds ids = new LogicalIds(RESERVED);
        private final ObjectNode parameters = Documents.object();
        private final ObjectNode resources = Documents.object();
        private final ObjectNode outputs = Documents.object();
        private final Names.Unique outputIds = new Names.Unique("", LogicalIds.MAX_LENGTH);
        private final Map<String, String> emailParameters = new HashMap<>();
        private final Set<String> eventBuckets = new LinkedHashSet<>();
        private final Set<String> skippedApis = new LinkedHashSet<>();
        /** The nodes behind template parameters (email services), for an import to recover. */
        private final ObjectNode parameterNodes = Documents.object();

        private LambdaProject lambda;

        Builder(ExportPlan plan) {
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
            for (ExportPlan.Api api : plan.apis()) {
                api(api);
            }
            for (ExportPlan.Function function : plan.functions()) {
                function(function);
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
            // The plan may give the same note twice (a route is read for the API and for the function).
            List<String> distinct = List.copyOf(new LinkedHashSet<>(notes));
            notes.clear();
            notes.addAll(distinct);
            ExportedFiles files = new ExportedFiles();
            files.add("template.yaml", Documents.yaml(template));
            lambda.addTo(files);
            files.add("README.md", readme());
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
                        emailParameters.put(
                                resource.id(), ids.assign(resource.id(), resource.name(), "email", "Identity"));
                    case EXTERNAL_API -> {
                        // Only a URL: nothing to create.
                    }
                }
            }
            for (ExportPlan.Api api : plan.apis()) {
                ids.assign(api.gateway().id(), name(api.gateway()), "api", "Api");
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
                    ObjectNode properties = resource(id, "AWS::Kinesis::Stream", resource.node())
                            .putObject("Properties");
                    int shards = resource.node() instanceof StreamTrigger s ? s.shards() : 1;
                    properties.put("ShardCount", shards);
                    output(id + "Name", "The name of the stream '" + resource.name() + "'", ref(id));
                }
                case EMAIL -> emailParameter(resource);
                case EXTERNAL_API -> {
                    if (resource.node() instanceof ExternalApi api && api.url().isBlank()) {
                        notes.add("The external API '" + resource.name() + "' has no URL; its variable is empty"
                                + " until you set it.");
                    }
                }
            }
        }

        private ObjectNode resource(String id, String type, Node node) {
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

        // ---- APIs ----------------------------------------------------------------------------

        private void api(ExportPlan.Api api) {
            ApiGateway gateway = api.gateway();
            String id = ids.of(gateway.id());
            if (api.routes().isEmpty()) {
                skippedApis.add(gateway.id());
                notes.add("The API '" + name(gateway) + "' has no routes to functions, so it is not exported.");
                return;
            }
            if (!api.exposed()) {
                notes.add("No HTTP trigger feeds the API '" + name(gateway) + "'; it is exported all the same,"
                        + " reachable on its public URL.");
            }
            boolean rest = gateway.type() == ApiGateway.Type.REST;
            ObjectNode resource = resource(id, rest ? "AWS::Serverless::Api" : "AWS::Serverless::HttpApi", gateway);
            triggerMetadata(resource, gateway.id(), HttpTrigger.class, "httpTriggers");
            ObjectNode properties = resource.putObject("Properties");
            properties.put("StageName", STAGE);
            if (rest) {
                ObjectNode settings = properties.putArray("MethodSettings").addObject();
                settings.put("ResourcePath", "/*");
                settings.put("HttpMethod", "*");
                settings.put("ThrottlingRateLimit", gateway.rateLimitPerSecond());
                settings.put("ThrottlingBurstLimit", gateway.burst());
                if (gateway.cache() != null) {
                    properties.put("CacheClusterEnabled", true);
                    properties.put("CacheClusterSize", "0.5");
                    settings.put("CachingEnabled", true);
                    settings.put("CacheTtlInSeconds", (int)
                            Math.min(3600, Math.ceil(gateway.cache().ttlSeconds())));
                    notes.add("The API '" + name(gateway) + "' caches answers in a 0.5 GB API Gateway cache,"
                            + " which is billed by the hour.");
                }
            } else {
                ObjectNode settings = properties.putObject("DefaultRouteSettings");
                settings.put("ThrottlingRateLimit", gateway.rateLimitPerSecond());
                settings.put("ThrottlingBurstLimit", gateway.burst());
                if (gateway.cache() != null) {
                    notes.add("The API '" + name(gateway) + "' has a response cache, which HTTP APIs do not"
                            + " offer; it is exported without one (a REST API or CloudFront can cache).");
                }
            }
            auth(api, id, properties, rest);
            output(
                    id + "Url",
                    "The URL of the API '" + name(gateway) + "'",
                    sub("https://${" + id + "}.execute-api.${AWS::Region}.${AWS::URLSuffix}/" + STAGE));
        }

        private void auth(ExportPlan.Api api, String id, ObjectNode properties, boolean rest) {
            ApiGateway gateway = api.gateway();
            switch (gateway.auth()) {
                case NONE -> {
                    // Open to anyone, as designed.
                }
                case API_KEY -> {
                    if (rest) {
                        ObjectNode auth = properties.putObject("Auth");
                        auth.put("ApiKeyRequired", true);
                        auth.putObject("UsagePlan").put("CreateUsagePlan", "PER_API");
                        notes.add("The API '" + name(gateway) + "' requires an API key: SAM creates a usage plan"
                                + " and a key; read the key's value in the API Gateway console and send it in the"
                                + " x-api-key header.");
                    } else {
                        notes.add("The API '" + name(gateway) + "' asks for API keys, which HTTP APIs do not have;"
                                + " it is exported WITHOUT authorisation. Add a Lambda authorizer, or make it a REST"
                                + " API in the design.");
                    }
                }
                case IAM -> {
                    ObjectNode auth = properties.putObject("Auth");
                    if (!rest) {
                        auth.put("EnableIamAuthorizer", true);
                    }
                    auth.put("DefaultAuthorizer", "AWS_IAM");
                    notes.add("The API '" + name(gateway) + "' uses IAM authorisation: callers sign requests"
                            + " with SigV4 and need execute-api:Invoke permission.");
                }
                case JWT -> {
                    ObjectNode auth = properties.putObject("Auth");
                    if (rest) {
                        String pool = ids.fresh(id, "api", "UserPoolArn");
                        ObjectNode parameter = parameters.putObject(pool);
                        parameter.put("Type", "String");
                        parameter.put("Description", "The ARN of the Cognito user pool whose tokens the API accepts");
                        ObjectNode authorizer = auth.putObject("Authorizers").putObject("CognitoAuthorizer");
                        authorizer.set("UserPoolArn", ref(pool));
                        auth.put("DefaultAuthorizer", "CognitoAuthorizer");
                        notes.add("The API '" + name(gateway) + "' checks JWTs: a REST API validates tokens of a"
                                + " Cognito user pool, whose ARN is the template parameter " + pool + ".");
                    } else {
                        String issuer = ids.fresh(id, "api", "JwtIssuer");
                        String audience = ids.fresh(id, "api", "JwtAudience");
                        parameters
                                .putObject(issuer)
                                .put("Type", "String")
                                .put("Description", "The issuer URL of the JWTs the API accepts");
                        parameters
                                .putObject(audience)
                                .put("Type", "String")
                                .put("Description", "The audience (client id) of the JWTs the API accepts");
                        ObjectNode authorizer = auth.putObject("Authorizers").putObject("JwtAuthorizer");
                        authorizer.put("IdentitySource", "$request.header.Authorization");
                        ObjectNode jwt = authorizer.putObject("JwtConfiguration");
                        jwt.set("issuer", ref(issuer));
                        jwt.putArray("audience").add(ref(audience));
                        auth.put("DefaultAuthorizer", "JwtAuthorizer");
                        notes.add("The API '" + name(gateway) + "' checks JWTs: give the issuer and audience of your"
                                + " identity provider as the template parameters " + issuer + " and " + audience
                                + ".");
                    }
                }
            }
        }

        // ---- functions -------------------------------------------------------------------------

        private void function(ExportPlan.Function function) {
            String id = ids.of(function.id());
            ObjectNode resource = resource(id, "AWS::Serverless::Function", function.node());
            triggerMetadata(resource, function.id(), HttpTrigger.class, "httpTriggers");
            triggerMetadata(resource, function.id(), ScheduleTrigger.class, "scheduleTriggers");
            ObjectNode properties = resource.putObject("Properties");
            properties.put("CodeUri", ".");
            properties.put("Handler", lambda.handlerName(function.id()));
            properties.put("Runtime", LambdaProject.runtime(function, notes));
            properties
                    .putArray("Architectures")
                    .add(function.node().architecture().id());
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
                properties.put("AutoPublishAlias", ALIAS);
                properties
                        .putObject("ProvisionedConcurrencyConfig")
                        .put("ProvisionedConcurrentExecutions", provisioned);
                notes.add("The function '" + function.name() + "' keeps " + provisioned + " instances warm on the"
                        + " alias '" + ALIAS + "' (provisioned concurrency is billed while enabled); its events"
                        + " invoke that alias.");
                if (reserved != null && reserved < provisioned) {
                    notes.add("The function '" + function.name() + "' reserves " + reserved + " but provisions "
                            + provisioned + " instances; Lambda refuses provisioned concurrency above the"
                            + " reserved concurrency, so raise one or lower the other before deploying.");
                }
            }
            boolean url = function.events().stream()
                    .anyMatch(e -> e instanceof ExportPlan.Http http && http.gateway() == null);
            if (url) {
                properties.putObject("FunctionUrlConfig").put("AuthType", "NONE");
                notes.add("The function '" + function.name() + "' has a public function URL (AuthType NONE), as its"
                        + " HTTP trigger asks; the output " + id + "Url gives it.");
                for (ExportPlan.Event event : function.events()) {
                    if (event instanceof ExportPlan.Http http
                            && http.gateway() == null
                            && !AwsRules.urlMatchesRoute(function, http)) {
                        notes.add("The function '" + function.name() + "' is reached through its function URL,"
                                + " which answers every method and path; the route " + http.method() + " "
                                + http.path() + " is left for the code to check.");
                    }
                }
                output(id + "Url", "The function URL of '" + function.name() + "'", getAtt(id + "Url", "FunctionUrl"));
            }
            ArrayNode policies = policies(function);
            if (!policies.isEmpty()) {
                properties.set("Policies", policies);
            }
            ObjectNode events = events(function);
            if (!events.isEmpty()) {
                properties.set("Events", events);
            }
            output(id + "Arn", "The ARN of the function '" + function.name() + "'", getAtt(id, "Arn"));
        }

        /**
         * Records in the resource's Stratus metadata the trigger nodes of a kind that feed it and become
         * no resource of their own (HTTP triggers, schedules), so that an import recovers them.
         */
        private void triggerMetadata(ObjectNode resource, String nodeId, Class<? extends Node> kind, String key) {
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
                case BUCKET -> bucketName(resource);
                case QUEUE ->
                    variable.name().endsWith("_NAME")
                            ? getAtt(ids.of(resource.id()), "QueueName")
                            : ref(ids.of(resource.id()));
                case EXTERNAL_API -> TextNode.valueOf(resource.node() instanceof ExternalApi api ? api.url() : "");
                case EMAIL -> ref(emailParameters.get(resource.id()));
                default -> ref(ids.of(resource.id()));
            };
        }

        /**
         * The bucket's name: a Ref, or for a bucket that starts a function a fixed name built with
         * Fn::Sub. Such a bucket's notification configuration refers to the function, so a Ref to the
         * bucket in that function's policy or environment would be a circular dependency.
         */
        private JsonNode bucketName(ExportPlan.Resource bucket) {
            if (!eventBuckets.contains(bucket.id())) {
                return ref(ids.of(bucket.id()));
            }
            String project = Names.kebab(plan.project().name(), "stratus", 18);
            String name = Names.kebab(bucket.name(), "bucket", 16);
            return sub(project + "-" + name + "-${AWS::AccountId}-${AWS::Region}");
        }

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
                    case BUCKET -> policies.add(policy("S3CrudPolicy", "BucketName", bucketName(resource)));
                    case QUEUE ->
                        policies.add(policy(
                                "SQSSendMessagePolicy", "QueueName", getAtt(ids.of(resource.id()), "QueueName")));
                    case TOPIC ->
                        policies.add(policy(
                                "SNSPublishMessagePolicy", "TopicName", getAtt(ids.of(resource.id()), "TopicName")));
                    case STREAM -> policies.add(policy("KinesisCrudPolicy", "StreamName", ref(ids.of(resource.id()))));
                    case EMAIL ->
                        policies.add(policy("SESCrudPolicy", "IdentityName", ref(emailParameters.get(resource.id()))));
                    case EXTERNAL_API -> {
                        // An HTTP call out of AWS needs no permission.
                    }
                }
            }
            for (ExportPlan.Event event : function.events()) {
                // SAM gives SQS and Kinesis pollers their read permissions and S3 and SNS push to the
                // function; reading the object an S3 event names is up to the function's own policy.
                if (event instanceof ExportPlan.StorageEvent storage) {
                    JsonNode crud = policy("S3CrudPolicy", "BucketName", bucketName(storage.bucket()));
                    if (!policies.contains(crud)) {
                        policies.add(policy("S3ReadPolicy", "BucketName", bucketName(storage.bucket())));
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

        private ObjectNode events(ExportPlan.Function function) {
            ObjectNode events = Documents.object();
            Names.Unique names = new Names.Unique("", 60);
            for (ExportPlan.Event event : function.events()) {
                if (event instanceof ExportPlan.Http http) {
                    if (http.gateway() == null
                            || skippedApis.contains(http.gateway().id())) {
                        continue;
                    }
                    boolean rest = http.gateway().type() == ApiGateway.Type.REST;
                    ObjectNode e =
                            event(events, names, http.method() + " " + http.path(), "route", rest ? "Api" : "HttpApi");
                    e.put("Path", http.path());
                    e.put("Method", http.method());
                    e.set(
                            rest ? "RestApiId" : "ApiId",
                            ref(ids.of(http.gateway().id())));
                } else if (event instanceof ExportPlan.Schedule schedule) {
                    ObjectNode e = event(events, names, name(schedule.trigger()), "schedule", "Schedule");
                    e.put("Schedule", schedule.trigger().expression().strip());
                    e.put("Description", truncate("Stratus schedule '" + name(schedule.trigger()) + "'", 512));
                } else if (event instanceof ExportPlan.QueueMessages messages) {
                    queueEvent(function, events, names, messages);
                } else if (event instanceof ExportPlan.StorageEvent storage) {
                    ObjectNode e = event(events, names, storage.bucket().name(), "bucket", "S3");
                    e.set("Bucket", ref(ids.of(storage.bucket().id())));
                    e.put(
                            "Events",
                            storage.event() == StorageTrigger.Event.CREATED
                                    ? "s3:ObjectCreated:*"
                                    : "s3:ObjectRemoved:*");
                    if (!storage.prefix().isEmpty() || !storage.suffix().isEmpty()) {
                        ArrayNode rules =
                                e.putObject("Filter").putObject("S3Key").putArray("Rules");
                        if (!storage.prefix().isEmpty()) {
                            rules.addObject().put("Name", "prefix").put("Value", storage.prefix());
                        }
                        if (!storage.suffix().isEmpty()) {
                            rules.addObject().put("Name", "suffix").put("Value", storage.suffix());
                        }
                    }
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
                ExportPlan.Function function,
                ObjectNode events,
                Names.Unique names,
                ExportPlan.QueueMessages messages) {
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

        /** Adds an event named after {@code label} and returns its Properties. */
        private static ObjectNode event(
                ObjectNode events, Names.Unique names, String label, String fallback, String type) {
            ObjectNode event = events.putObject(names.next(Names.pascal(label, fallback)));
            event.put("Type", type);
            return event.putObject("Properties");
        }

        // ---- outputs and README ---------------------------------------------------------------

        private void output(String name, String description, JsonNode value) {
            ObjectNode output = outputs.putObject(outputIds.next(name));
            output.put("Description", truncate(description, 1024));
            output.set("Value", value);
        }

        private String readme() {
            Project project = plan.project();
            StringBuilder out = new StringBuilder();
            out.append("# ").append(Markdown.text(project.name())).append(" (AWS SAM)\n\n");
            if (!project.description().isBlank()) {
                out.append(Markdown.text(project.description())).append("\n\n");
            }
            out.append("Exported from Stratus. `template.yaml` is an AWS SAM template; the functions are one Maven"
                            + " project (`pom.xml`, Java ")
                    .append(dev.stratus.export.MavenPom.JAVA_RELEASE)
                    .append(" bytecode) on aws-lambda-java-core ")
                    .append(LambdaProject.CORE_VERSION)
                    .append(" and aws-lambda-java-events ")
                    .append(LambdaProject.EVENTS_VERSION)
                    .append(".\n\n");
            out.append("## Prerequisites\n\n"
                    + "- JDK 17 or later and Maven 3.8 or later\n"
                    + "- AWS SAM CLI (`sam --version`) and AWS credentials for the account to deploy to"
                    + " (`aws configure`)\n"
                    + "- Docker, only for `sam local invoke`\n\n");
            out.append("## Build and deploy\n\n```sh\n"
                            + "mvn package                 # compiles the handlers, builds target/")
                    .append(lambda.artifactId())
                    .append(".jar\n"
                            + "sam validate --lint         # checks the template\n"
                            + "sam build                   # builds each function from the Maven project (CodeUri: .)\n"
                            + "sam deploy --guided         # first deploy: asks for stack name, region and parameters\n"
                            + "```\n\n"
                            + "Later deploys: `sam build && sam deploy`. Remove everything with `sam delete`.\n\n");
            ExportPlan.Function first = plan.functions().get(0);
            out.append("## Run a function locally\n\n```sh\nsam build\n");
            String sample = sampleEvent(HandlerKind.of(first));
            out.append(
                    sample != null
                            ? "sam local generate-event " + sample + " > event.json\n"
                            : "echo '{}' > event.json\n");
            out.append("sam local invoke ").append(ids.of(first.id())).append(" --event event.json\n");
            out.append("```\n\n`sam local generate-event --help` lists sample events of every kind; `sam local"
                    + " start-api` serves the APIs on localhost.\n\n");
            out.append("## Functions\n\n| Logical id | Handler | Started by |\n|---|---|---|\n");
            for (ExportPlan.Function function : plan.functions()) {
                out.append("| ")
                        .append(ids.of(function.id()))
                        .append(" | ")
                        .append(Markdown.code(lambda.handlerName(function.id())))
                        .append(" | ")
                        .append(Markdown.text(startedBy(function)))
                        .append(" |\n");
            }
            out.append("\nA function with code of its own in the design gets it beside its handler; the others"
                    + " log each event and answer with JSON naming the function and its connections — replace"
                    + " that with your code.\n\n");
            out.append("## Resources\n\n"
                    + "- Tables are `AWS::Serverless::SimpleTable`: a string key `id` and on-demand"
                    + " (pay-per-request) capacity, which matches how Stratus simulates them; use"
                    + " `AWS::DynamoDB::Table` for other keys or indexes.\n"
                    + "- Each connection gives the function an environment variable (the table, bucket or queue"
                    + " name, queue URL, topic ARN or function name) and a least-privilege SAM policy template.\n"
                    + "- The outputs list the API URLs, function ARNs and resource names after a deploy"
                    + " (`sam list stack-outputs`).\n\n");
            if (!notes.isEmpty()) {
                out.append("## Notes\n\n").append(Markdown.bullets(notes)).append('\n');
            }
            return out.toString();
        }

        /** The arguments of {@code sam local generate-event} for a sample event of the handler's kind. */
        private static String sampleEvent(HandlerKind kind) {
            return switch (kind) {
                case HTTP_API -> "apigateway http-api-proxy";
                case REST_API -> "apigateway aws-proxy";
                case SCHEDULE -> "cloudwatch scheduled-event";
                case QUEUE -> "sqs receive-message";
                case STORAGE -> "s3 put";
                case STREAM -> "kinesis get-records";
                case TOPIC -> "sns notification";
                case ANY -> null;
            };
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

    private static String description(Project project) {
        String text =
                project.description().isBlank() ? "Exported from Stratus: " + project.name() : project.description();
        return truncate(text, 1024);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
