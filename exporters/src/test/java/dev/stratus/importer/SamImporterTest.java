package dev.stratus.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.stratus.model.ApiGateway;
import dev.stratus.model.Bucket;
import dev.stratus.model.Database;
import dev.stratus.model.Edge;
import dev.stratus.model.Email;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.HttpTrigger;
import dev.stratus.model.Node;
import dev.stratus.model.NodeKind;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.Queue;
import dev.stratus.model.QueueTrigger;
import dev.stratus.model.ScheduleTrigger;
import dev.stratus.model.StorageTrigger;
import dev.stratus.model.StreamTrigger;
import dev.stratus.model.Topic;
import dev.stratus.model.Workload;
import dev.stratus.project.FileProblem;
import dev.stratus.project.ProjectFiles;
import dev.stratus.validate.Problem;
import dev.stratus.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SamImporterTest {

    static final Path FIXTURES = Path.of("src/test/resources/sam-import");

    static ImportResult load(String name) throws Exception {
        return new SamImporter().importFile(FIXTURES.resolve(name));
    }

    static Node node(Project project, String name) {
        return project.architecture().nodes().stream()
                .filter(n -> n.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no node named " + name + " in "
                        + project.architecture().nodes().stream()
                                .map(Node::name)
                                .toList()));
    }

    static FunctionNode function(Project project, String name) {
        return (FunctionNode) node(project, name);
    }

    /** The edges as "from-name -> to-name [route]". */
    static List<String> edges(Project project) {
        return project.architecture().edges().stream()
                .map(e -> project.architecture().node(e.from()).orElseThrow().name() + " -> "
                        + project.architecture().node(e.to()).orElseThrow().name()
                        + (e.route() == null ? "" : " [" + e.route() + "]"))
                .toList();
    }

    static Edge edge(Project project, String from, String to) {
        String fromId = node(project, from).id();
        String toId = node(project, to).id();
        return project.architecture().edges().stream()
                .filter(e -> e.from().equals(fromId) && e.to().equals(toId))
                .findFirst()
                .orElseThrow();
    }

    static Stream<String> templates() {
        return Stream.of(
                "crud-api.yaml", "crud-api.json", "order-pipeline.yaml", "thumbnailer.yaml", "cloudformation.yaml");
    }

    @Test
    void aSamCrudApiBecomesAGatewayWithRoutesToItsFunctionsAndATable() throws Exception {
        Project project = load("crud-api.yaml").project();

        assertThat(project.name()).isEqualTo("sam-app");
        assertThat(project.provider()).isEqualTo(Provider.AWS);
        assertThat(project.architecture().nodes())
                .extracting(Node::kind, Node::name, Node::id)
                .containsExactly(
                        tuple(NodeKind.HTTP_TRIGGER, "sam-app-http", "trigger-sam-app-http"),
                        tuple(NodeKind.API_GATEWAY, "sam-app-api", "gw-sam-app-api"),
                        tuple(NodeKind.FUNCTION, "get-all-items-function", "fn-get-all-items-function"),
                        tuple(NodeKind.FUNCTION, "get-by-id-function", "fn-get-by-id-function"),
                        tuple(NodeKind.FUNCTION, "put-item-function", "fn-put-item-function"),
                        tuple(NodeKind.DATABASE, "sample-table", "db-sample-table"));
        assertThat(edges(project))
                .containsExactly(
                        "sam-app-http -> sam-app-api",
                        "sam-app-api -> get-all-items-function [GET /items]",
                        "sam-app-api -> get-by-id-function [GET /items/{id}]",
                        "sam-app-api -> put-item-function [POST /items]",
                        "sam-app-api -> put-item-function [ANY /items/{id}]",
                        "get-all-items-function -> sample-table",
                        "get-by-id-function -> sample-table",
                        "put-item-function -> sample-table");
        ApiGateway gateway = (ApiGateway) node(project, "sam-app-api");
        assertThat(gateway.type()).isEqualTo(ApiGateway.Type.HTTP);
        assertThat(gateway.auth()).isEqualTo(ApiGateway.Auth.NONE);
        assertThat(project.workloads()).containsExactly(new Workload.Poisson("trigger-sam-app-http", 1));
    }

    @Test
    void functionSettingsComeFromTheFunctionThenGlobalsThenAwsDefaults() throws Exception {
        Project project = load("crud-api.yaml").project();

        FunctionNode getAll = function(project, "get-all-items-function");
        assertThat(getAll.memoryMb()).isEqualTo(512);
        assertThat(getAll.timeoutSeconds()).isEqualTo(10);
        assertThat(getAll.runtime()).isEqualTo("java21");
        assertThat(getAll.architecture()).isEqualTo(FunctionNode.Architecture.ARM64);
        assertThat(getAll.handler()).isEqualTo("com.example.items.GetAllItems");
        assertThat(getAll.reservedConcurrency()).isNull();
        assertThat(getAll.provisionedConcurrency()).isZero();
        assertThat(function(project, "get-by-id-function").timeoutSeconds()).isEqualTo(5);
        FunctionNode put = function(project, "put-item-function");
        assertThat(put.memoryMb()).isEqualTo(1024);
        assertThat(put.reservedConcurrency()).isEqualTo(20);
        assertThat(put.provisionedConcurrency()).isEqualTo(2);

        Project thumbnailer = load("thumbnailer.yaml").project();
        FunctionNode cleanUp = function(thumbnailer, "clean-up-function");
        assertThat(cleanUp.memoryMb()).isEqualTo(128);
        assertThat(cleanUp.timeoutSeconds()).isEqualTo(3);
        assertThat(cleanUp.runtime()).isEqualTo("java17");
        assertThat(cleanUp.architecture()).isEqualTo(FunctionNode.Architecture.X86_64);
    }

    @Test
    void environmentReferencesBecomeConnectionsAndKeepTheTargetsName() throws Exception {
        Project project = load("crud-api.yaml").project();

        // !Ref, !GetAtt [T, Arn] and !Sub '${T}' all name the table; a parameter gives its default.
        for (String name : List.of("get-all-items-function", "get-by-id-function", "put-item-function")) {
            assertThat(function(project, name).environment())
                    .containsExactlyInAnyOrderEntriesOf(
                            java.util.Map.of("SAMPLE_TABLE", "sample-table", "STAGE", "prod", "LOG_LEVEL", "INFO"));
        }
        Project pipeline = load("order-pipeline.yaml").project();
        assertThat(function(pipeline, "place-order-function").environment())
                .containsEntry("ORDERS_QUEUE_URL", "orders-queue")
                .containsEntry("PAYMENT_API_URL", "https://api.payments.example.com/v1");
        // Only an environment variable connects notify-customer to the table: still an edge.
        assertThat(function(pipeline, "notify-customer-function").environment())
                .containsEntry("ORDERS_TABLE", "orders-table")
                .containsEntry("SENDER_ADDRESS", "orders@example.com");
        assertThat(edges(pipeline)).contains("notify-customer-function -> orders-table");
    }

    @Test
    void theJsonTemplateWithLongFormsGivesTheSameProject() throws Exception {
        assertThat(load("crud-api.json").project())
                .isEqualTo(load("crud-api.yaml").project());
    }

    @Test
    void anSqsToLambdaToSnsPipelineKeepsItsQueueAndTopicAsServices() throws Exception {
        ImportResult result = load("order-pipeline.yaml");
        Project project = result.project();

        assertThat(edges(project))
                .containsExactly(
                        "orders-http -> orders-api",
                        "orders-api -> place-order-function [POST /orders]",
                        "orders-queue -> process-order-function",
                        "order-events -> notify-customer-function",
                        "place-order-function -> orders-queue",
                        "process-order-function -> orders-table",
                        "process-order-function -> order-events",
                        "notify-customer-function -> sender-address",
                        "notify-customer-function -> orders-table");
        Queue queue = (Queue) node(project, "orders-queue");
        assertThat(queue.type()).isEqualTo(Queue.Type.STANDARD);
        assertThat(queue.visibilityTimeoutSeconds()).isEqualTo(180);
        assertThat(edge(project, "orders-queue", "process-order-function").batching())
                .isEqualTo(new Edge.Batching(10, 0));
        assertThat(node(project, "order-events")).isInstanceOf(Topic.class);
        assertThat(node(project, "orders-table")).isInstanceOf(Database.class);
        assertThat(node(project, "sender-address")).isInstanceOf(Email.class);
        ApiGateway api = (ApiGateway) node(project, "orders-api");
        assertThat(api.rateLimitPerSecond()).isEqualTo(200);
        assertThat(api.burst()).isEqualTo(400);
        assertThat(node(project, "orders-http")).isInstanceOf(HttpTrigger.class);
        assertThat(function(project, "process-order-function").timeoutSeconds()).isEqualTo(30);
        assertThat(project.workloads()).extracting(Workload::trigger).containsExactly("trigger-orders-http");
    }

    @Test
    void connectionsFromPoliciesStatementsAndVariablesGiveOneEdgePerPair() throws Exception {
        for (String template : templates().toList()) {
            Project project = load(template).project();
            Set<String> pairs = new HashSet<>();
            for (Edge edge : project.architecture().edges()) {
                String pair = edge.from() + " " + edge.to() + " " + edge.route();
                assertThat(pairs.add(pair)).as(template + ": " + pair).isTrue();
            }
        }
        // put-item has DynamoDBCrudPolicy, an inline statement and a variable for the same table.
        assertThat(edges(load("crud-api.yaml").project()))
                .filteredOn(e -> e.startsWith("put-item-function ->"))
                .containsExactly("put-item-function -> sample-table");
    }

    @Test
    void aBucketNoFunctionWritesToBecomesAStorageTriggerWithItsFilter() throws Exception {
        ImportResult result = load("thumbnailer.yaml");
        Project project = result.project();

        StorageTrigger uploads = (StorageTrigger) node(project, "uploads-bucket");
        assertThat(uploads.event()).isEqualTo(StorageTrigger.Event.CREATED);
        assertThat(uploads.prefix()).isEqualTo("uploads/");
        assertThat(uploads.suffix()).isEqualTo(".jpg");
        assertThat(node(project, "thumbnails-bucket")).isInstanceOf(Bucket.class);
        ScheduleTrigger nightly = (ScheduleTrigger) node(project, "nightly");
        assertThat(nightly.expression()).isEqualTo("cron(0 3 * * ? *)");
        assertThat(edges(project))
                .containsExactly(
                        "uploads-bucket -> make-thumbnail-function",
                        "nightly -> clean-up-function",
                        "make-thumbnail-function -> thumbnails-bucket",
                        "clean-up-function -> thumbnails-bucket");
        // The schedule fires by itself: only the storage trigger gets traffic.
        assertThat(project.workloads()).extracting(Workload::trigger).containsExactly("trigger-uploads-bucket");
        assertThat(function(project, "make-thumbnail-function").environment())
                .containsEntry("SOURCE_BUCKET", "uploads-bucket")
                .containsEntry("THUMBNAIL_BUCKET", "thumbnails-bucket")
                .containsEntry("THUMBNAIL_WIDTH", "200");
    }

    @Test
    void aCloudFormationTemplateMapsEventSourceMappingsAndRolePolicies() throws Exception {
        ImportResult result = load("cloudformation.yaml");
        Project project = result.project();

        StreamTrigger stream = (StreamTrigger) node(project, "telemetry-stream");
        assertThat(stream.shards()).isEqualTo(4);
        assertThat(edge(project, "telemetry-stream", "ingest-function").batching())
                .isEqualTo(new Edge.Batching(500, 5));
        Queue alerts = (Queue) node(project, "alerts-queue");
        assertThat(alerts.type()).isEqualTo(Queue.Type.FIFO);
        assertThat(alerts.visibilityTimeoutSeconds()).isEqualTo(120);
        assertThat(edge(project, "alerts-queue", "alert-function").batching()).isEqualTo(new Edge.Batching(5, 0));
        assertThat(((Database) node(project, "readings-table")).capacityPerSecond())
                .isEqualTo(200);
        // The role's statements connect ingest to the table and the queue; the alert function only
        // reads the queue that starts it, which is its event, not a call.
        assertThat(edges(project))
                .containsExactly(
                        "telemetry-stream -> ingest-function",
                        "alerts-queue -> alert-function",
                        "ingest-function -> readings-table",
                        "ingest-function -> alerts-queue");
        FunctionNode ingest = function(project, "ingest-function");
        assertThat(ingest.memoryMb()).isEqualTo(1024);
        assertThat(ingest.timeoutSeconds()).isEqualTo(60);
        // The literal physical name of the table is a reference to it too.
        assertThat(ingest.environment())
                .containsEntry("READINGS_TABLE", "readings-table")
                .containsEntry("ALERTS_QUEUE_URL", "alerts-queue");
        assertThat(function(project, "alert-function").memoryMb()).isEqualTo(128);
    }

    @Test
    void theReportListsWhatIsNotModelledWithLogicalIdAndLine() throws Exception {
        assertThat(load("order-pipeline.yaml").report())
                .contains(
                        "OrdersAlarm (line 120): AWS::CloudWatch::Alarm is not modelled",
                        "Outputs.ApiUrl (line 135): an output is not modelled",
                        "Globals.Function.Tracing (line 14): not modelled",
                        "ProcessOrderFunction.DeadLetterQueue (line 77): not modelled",
                        "OrdersQueue.RedrivePolicy (line 49): not modelled",
                        "OrdersApi.StageName (line 20): not modelled",
                        "Parameters.SenderAddress (line 6): the SES identity a function sends email from: an email"
                                + " node");
        assertThat(load("crud-api.yaml").report())
                .contains(
                        "AccessLogs (line 106): AWS::Logs::LogGroup is not modelled",
                        "Outputs.WebEndpoint (line 112): an output is not modelled",
                        "getAllItemsFunction.CodeUri (line 31): its code is not imported; the export generates a"
                                + " handler to fill in");
        assertThat(load("thumbnailer.yaml").report())
                .contains(
                        "ImageLibraries (line 73): AWS::Serverless::LayerVersion is not modelled",
                        "MakeThumbnailFunction.Layers (line 24): not modelled",
                        "CleanUpFunction.Events.Audit (line 67): an event of type CloudWatchLogs is not modelled",
                        "ThumbnailsBucket.LifecycleConfiguration (line 12): not modelled");
        assertThat(load("cloudformation.yaml").report())
                .contains(
                        "TelemetryStream.RetentionPeriodHours (line 9): not modelled",
                        "ReadingsTable.KeySchema (line 22): not modelled")
                .anyMatch(line -> line.startsWith("IngestRole (line 32): AWS::IAM::Role is not modelled"))
                .anyMatch(line -> line.startsWith("AlertPolicy (line 113): AWS::IAM::Policy is not modelled"));
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyImportedProjectValidatesWithoutErrors(String template) throws Exception {
        ImportResult result = load(template);
        List<Problem> errors = new Validator()
                .validate(result.project()).stream().filter(Problem::isError).toList();
        assertThat(errors).isEmpty();
        assertThat(result.report()).noneMatch(line -> line.startsWith("Problem in the imported design"));
        assertThat(result.project().layout().positions())
                .containsOnlyKeys(result.project().architecture().nodes().stream()
                        .map(Node::id)
                        .toList());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "bad-indentation.yaml | 7:6: is not valid YAML: this line is indented differently from the lines above it",
                "tab.yaml | 5:1: is not valid YAML: a tab character; YAML indents with spaces only",
                "unknown-tag.yaml | 8:18: unknown tag !Foo; CloudFormation's tags are !And, !Base64, !Cidr, !Condition,"
                        + " !Equals, !FindInMap, !GetAZs, !GetAtt, !If, !ImportValue, !Join, !Length, !Not, !Or, !Ref,"
                        + " !Select, !Split, !Sub, !ToJsonString, !Transform",
                "resources-not-map.yaml | 3:3: Resources must be a mapping of logical ids to resources, not a list",
                "missing-type.yaml | 4:3: the resource 'Fn' has no Type (like AWS::Serverless::Function)"
            })
    void aBrokenTemplateIsRefusedWithItsLineAndColumn(String file, String message) {
        Path template = FIXTURES.resolve("broken").resolve(file);
        assertThatThrownBy(() -> new SamImporter().importFile(template))
                .isInstanceOf(TemplateException.class)
                .isInstanceOf(FileProblem.class)
                .hasMessage(template + ":" + message);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'a: 1\\na: 2\\n' | t.yaml:2:1: the key 'a' appears twice in this mapping (first at line 1)",
                "'- 1\\n- 2\\n' | t.yaml:1:1: a template is a mapping of sections (AWSTemplateFormatVersion, Resources,"
                        + " ...), but this file holds a list",
                "'Description: x\\n' | t.yaml:1:1: the template has no Resources section",
                "'{\\n  \"Resources\": {\\n    \"A\": {\"Type\": \"x\",}\\n  }\\n}' | t.yaml:3:23: is not valid JSON:"
                        + " Unexpected character ('}' (code 125)): was expecting double-quote to start field name",
                "'Resources:\\n  A:\\n    Type: x\\n    Properties: !GetAtt Nodot\\n' | t.yaml:4:25: !GetAtt takes"
                        + " LogicalId.Attribute, like MyQueue.Arn, not 'Nodot'",
                "'Resources:\\n  A: !Ref [x]\\n' | t.yaml:2:6: !Ref takes a logical id, not a list",
                "'Resources:\\n  A:\\n    Type: [x]\\n' | t.yaml:3:11: the Type of 'A' must be a resource type name"
                        + " like AWS::S3::Bucket, not a list",
                "'Resources:\\n  A: \"x\\n' | t.yaml:3:1: is not valid YAML: a quoted text that is not closed (it starts"
                        + " at line 2)",
                "'   ' | t.yaml: is empty, not a template"
            })
    void otherBrokenTemplatesSayWhatAndWhere(String text, String message) {
        String template = text.replace("\\n", "\n");
        assertThatThrownBy(() -> new SamImporter().importText(template, "t.yaml"))
                .isInstanceOf(TemplateException.class)
                .hasMessage(message);
    }

    @Test
    void stratusMetadataGivesTheExactIdsAndNames() throws Exception {
        String template = String.join(
                "\n",
                "Metadata:",
                "  Stratus:",
                "    name: 'My \"quoted\": app'",
                "    description: Two lines",
                "Description: not the name",
                "Resources:",
                "  ItemsTable:",
                "    Type: AWS::Serverless::SimpleTable",
                "    Metadata:",
                "      Stratus: {id: db-items, name: Items Table}",
                "  ListItems:",
                "    Type: AWS::Serverless::Function",
                "    Metadata:",
                "      Stratus: {id: fn-list, name: list items}",
                "    Properties:",
                "      Runtime: java21",
                "      Environment:",
                "        Variables:",
                "          TABLE: !Ref ItemsTable",
                "      Events:",
                "        Every:",
                "          Type: Schedule",
                "          Properties: {Schedule: rate(1 hour), Description: \"Stratus schedule 'hourly: run'\"}",
                "  ItemsTable2:",
                "    Type: AWS::DynamoDB::Table",
                "");
        Project project = new SamImporter().importText(template, "app.yaml").project();

        assertThat(project.name()).isEqualTo("My \"quoted\": app");
        assertThat(project.description()).isEqualTo("Two lines");
        assertThat(node(project, "Items Table").id()).isEqualTo("db-items");
        assertThat(node(project, "list items").id()).isEqualTo("fn-list");
        assertThat(node(project, "hourly: run")).isInstanceOf(ScheduleTrigger.class);
        assertThat(node(project, "items-table2").id()).isEqualTo("db-items-table2");
        assertThat(function(project, "list items").environment()).containsEntry("TABLE", "Items Table");
    }

    @Test
    void everyShortIntrinsicIsReadAndLiteralOnesAreWorkedOut() throws Exception {
        String template = String.join(
                "\n",
                "Parameters:",
                "  Env: {Type: String, Default: dev}",
                "Mappings:",
                "  Sizes:",
                "    dev: {memory: 256}",
                "Conditions:",
                "  IsDev: !Equals [!Ref Env, dev]",
                "  NotDev: !Not [!Condition IsDev]",
                "  Both: !And [!Condition IsDev, !Or [!Condition IsDev, !Condition NotDev]]",
                "Resources:",
                "  Fn:",
                "    Type: AWS::Serverless::Function",
                "    Properties:",
                "      Runtime: java21",
                "      MemorySize: !FindInMap [Sizes, !Ref Env, memory]",
                "      Timeout: !If [IsDev, 7, 9]",
                "      Environment:",
                "        Variables:",
                "          JOINED: !Join ['-', [a, !Ref Env, !Select [1, [x, y]]]]",
                "          SUBBED: !Sub 'app-${Env}'",
                "          SPLIT: !Select [0, !Split [',', 'a,b']]",
                "          IMPORTED: !ImportValue shared-bucket",
                "          ENCODED: !Base64 hello",
                "          ZONE: !Select [0, !GetAZs '']",
                "          RANGES: !Select [0, !Cidr ['10.0.0.0/16', 2, 8]]",
                "          ARN: !GetAtt Fn.Arn",
                "      Events:",
                "        Hourly: {Type: Schedule, Properties: {Schedule: rate(1 hour)}}",
                "");
        ImportResult result = new SamImporter().importText(template, "t.yaml");
        FunctionNode fn = function(result.project(), "fn");

        assertThat(fn.memoryMb()).isEqualTo(256);
        assertThat(fn.timeoutSeconds()).isEqualTo(7);
        assertThat(fn.environment())
                .containsEntry("JOINED", "a-dev-y")
                .containsEntry("SUBBED", "app-dev")
                .containsEntry("IMPORTED", "!ImportValue shared-bucket")
                .containsEntry("ENCODED", "!Base64 hello")
                .containsEntry("ARN", "fn");
        assertThat(result.report())
                .contains(
                        "Conditions.IsDev (line 7): a condition is not modelled; everything is imported as if it held",
                        "Mappings.Sizes (line 4): a mapping is not modelled",
                        "Fn.Environment.IMPORTED (line 22): '!ImportValue shared-bucket' is known only when deployed;"
                                + " kept as that text");
    }

    @Test
    void queuesAndTopicsFromOutsideTheTemplateBecomeTriggers() throws Exception {
        String template = String.join(
                "\n",
                "Resources:",
                "  Worker:",
                "    Type: AWS::Serverless::Function",
                "    Properties:",
                "      Runtime: java21",
                "      Timeout: 20",
                "      Events:",
                "        Jobs: {Type: SQS, Properties: {Queue: 'arn:aws:sqs:eu-west-1:123456789012:jobs'}}",
                "        News: {Type: SNS, Properties: {Topic: 'arn:aws:sns:eu-west-1:123456789012:news'}}",
                "      FunctionUrlConfig: {AuthType: NONE}",
                "  Inbox:",
                "    Type: AWS::SQS::Queue",
                "    Properties: {VisibilityTimeout: 90}",
                "  Ordered:",
                "    Type: AWS::SQS::Queue",
                "    Properties: {FifoQueue: true, VisibilityTimeout: 90}",
                "  Reader:",
                "    Type: AWS::Serverless::Function",
                "    Properties:",
                "      Runtime: java21",
                "      Events:",
                "        Inbox: {Type: SQS, Properties: {Queue: !GetAtt Inbox.Arn, BatchSize: 50,"
                        + " MaximumBatchingWindowInSeconds: 2}}",
                "        Ordered: {Type: SQS, Properties: {Queue: !GetAtt Ordered.Arn}}",
                "");
        Project project = new SamImporter().importText(template, "t.yaml").project();

        assertThat(project.architecture().nodes())
                .extracting(Node::kind, Node::name)
                .containsExactly(
                        tuple(NodeKind.QUEUE_TRIGGER, "jobs"),
                        tuple(NodeKind.TOPIC_TRIGGER, "news"),
                        tuple(NodeKind.HTTP_TRIGGER, "worker-url"),
                        tuple(NodeKind.FUNCTION, "worker"),
                        tuple(NodeKind.QUEUE_TRIGGER, "inbox"),
                        // A queue trigger cannot be FIFO: a FIFO queue nobody writes to stays a queue.
                        tuple(NodeKind.QUEUE, "ordered"),
                        tuple(NodeKind.FUNCTION, "reader"));
        assertThat(((QueueTrigger) node(project, "inbox")).visibilityTimeoutSeconds())
                .isEqualTo(90);
        assertThat(edge(project, "inbox", "reader").batching()).isEqualTo(new Edge.Batching(50, 2));
        assertThat(project.workloads()).hasSize(4);
        assertThat(new Validator().validate(project)).noneMatch(Problem::isError);
    }

    @Test
    void oddValuesAreReportedOrReplacedNeverACrash() throws Exception {
        String template = String.join(
                "\n",
                "Globals:",
                "  Function: {MemorySize: 0, Timeout: -5, Layers: [x]}",
                "  Unknown: {}",
                "Resources:",
                "  Fn:",
                "    Type: AWS::Serverless::Function",
                "    Properties:",
                "      Runtime: 12",
                "      Architectures: [sparc]",
                "      ReservedConcurrentExecutions: lots",
                "      ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: -1}",
                "      Environment: {Variables: {EMPTY: null, LIST: [1, 2], NUM: 3}}",
                "      Policies: [AWSLambdaBasicExecutionRole, {UnknownPolicy: {}}, {S3CrudPolicy: {BucketName: elsewhere}},"
                        + " [nested]]",
                "      Events:",
                "        A: {Type: SQS, Properties: {Queue: !GetAtt Q.Arn, BatchSize: 0}}",
                "        B: {Type: Schedule, Properties: {Schedule: 'rate(0 minutes)'}}",
                "        C: {Type: Api, Properties: {Path: /x}}",
                "        D: {Type: S3, Properties: {Bucket: nowhere}}",
                "        E: [not, a, mapping]",
                "        F: {Type: HttpApi}",
                "  Q:",
                "    Type: AWS::SQS::Queue",
                "    Properties: {VisibilityTimeout: 0}",
                "  S:",
                "    Type: AWS::Kinesis::Stream",
                "    Properties: {ShardCount: 0}",
                "  Api:",
                "    Type: AWS::Serverless::Api",
                "    Properties: {MethodSettings: [{ThrottlingRateLimit: -1, ThrottlingBurstLimit: 0}]}",
                "  Bare:",
                "    Type: AWS::SNS::Topic",
                "    Properties:",
                "");
        ImportResult result = new SamImporter().importText(template, "odd.yaml");
        FunctionNode fn = function(result.project(), "fn");

        assertThat(fn.memoryMb()).isEqualTo(128);
        assertThat(fn.timeoutSeconds()).isEqualTo(3);
        assertThat(fn.runtime()).isEqualTo("12");
        assertThat(fn.architecture()).isEqualTo(FunctionNode.Architecture.X86_64);
        assertThat(fn.reservedConcurrency()).isNull();
        assertThat(fn.environment()).containsEntry("NUM", "3");
        assertThat(edge(result.project(), "q", "fn").batching()).isEqualTo(new Edge.Batching(1, 0));
        assertThat(((QueueTrigger) node(result.project(), "q")).visibilityTimeoutSeconds())
                .isEqualTo(30);
        assertThat(edges(result.project())).containsExactly("q -> fn", "odd-http -> odd-api", "odd-api -> fn [ANY /]");
        assertThat(fn.environment()).containsEntry("EMPTY", "").containsEntry("LIST", "");
        assertThat(result.report())
                .contains(
                        "Globals.Unknown (line 3): not modelled",
                        "Fn.Architectures (line 9): 'sparc' is not an architecture; x86_64 is used",
                        "Fn.ReservedConcurrentExecutions (line 10): 'lots' is not a whole number; the default is used",
                        "Fn.Policies (line 13): the managed policy AWSLambdaBasicExecutionRole is not modelled",
                        "Fn.Policies.UnknownPolicy (line 13): the policy template UnknownPolicy is not modelled",
                        "Fn.Events.B (line 16): the schedule 'rate(0 minutes)' is not modelled: rate(0 minutes): the"
                                + " value must be a positive whole number",
                        "Fn.Events.C (line 17): an Api event needs a Path and a Method; not modelled",
                        "Fn.Events.D (line 18): its Bucket is not a bucket of the template; not modelled",
                        "Fn.Events.E (line 19): an event that is a list is not modelled",
                        "Fn.Policies (line 13): a policy that is a list is not modelled",
                        "Fn.Policies.S3CrudPolicy (line 13): its BucketName (elsewhere) names no resource of the"
                                + " template; not modelled",
                        "Fn.Environment.LIST (line 12): a list is not text; the variable is left empty",
                        "S (line 24): AWS::Kinesis::Stream is not modelled: no function of the template reads it",
                        "Api (line 27): AWS::Serverless::Api is not modelled: no function of the template is routed"
                                + " from it");
    }

    @Test
    void importFileWritesAProjectFileThatLoadsBackTheSame(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("imported.stratus.json");
        ImportResult result = new SamImporter().importFile(FIXTURES.resolve("order-pipeline.yaml"), out);

        assertThat(Files.exists(out)).isTrue();
        assertThat(ProjectFiles.load(out)).isEqualTo(result.project());
    }

    @Test
    void aMissingFileIsATemplateProblem(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> new SamImporter().importFile(missing))
                .isInstanceOf(TemplateException.class)
                .hasMessage(missing + ": no such file");
    }
}
