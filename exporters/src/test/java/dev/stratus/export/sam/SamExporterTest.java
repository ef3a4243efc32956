package dev.stratus.export.sam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stratus.export.Documents;
import dev.stratus.export.Export;
import dev.stratus.export.ExportChecks;
import dev.stratus.export.ExportTarget;
import dev.stratus.export.aws.AwsDesigns;
import dev.stratus.model.Project;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamExporterTest {

    private static final SamTemplateLint LINT = SamTemplateLint.load();

    private static Export export(Project project) throws Exception {
        return new SamExporter().export(project);
    }

    private static JsonNode template(Export export) throws Exception {
        return Documents.yamlMapper().readTree(export.files().text("template.yaml"));
    }

    private static JsonNode resource(JsonNode template, String id) {
        JsonNode resource = template.path("Resources").path(id);
        assertThat(resource.isMissingNode()).as("resource %s", id).isFalse();
        return resource;
    }

    private static JsonNode yaml(String text) throws Exception {
        return Documents.yamlMapper().readTree(text);
    }

    @Test
    void everySampleExportsToACompleteProjectWhoseTemplatePassesTheLint() throws Exception {
        for (Path sample : ExportChecks.samples()) {
            Export export = export(ExportChecks.load(sample));
            assertThat(export.target()).isEqualTo(ExportTarget.SAM);
            assertThat(export.files().paths()).contains("template.yaml", "pom.xml", "README.md");
            assertThat(LINT.lint(export.files().text("template.yaml")))
                    .as(sample.toString())
                    .isEmpty();
            JsonNode template = template(export);
            assertThat(template.path("Transform").asText()).isEqualTo("AWS::Serverless-2016-10-31");
            template.path("Resources")
                    .forEach(r -> assertThat(r.path("Metadata").path("Stratus").has("id"))
                            .as("%s has Stratus metadata", r)
                            .isTrue());
        }
    }

    @Test
    void theRestApiSampleGivesFunctionsWithTheirRoutesTableReferenceAndCrudPolicy() throws Exception {
        JsonNode template = template(export(ExportChecks.sample("rest-api.stratus.json")));
        JsonNode properties = resource(template, "GetItemFunction").path("Properties");
        assertThat(properties.path("Handler").asText()).isEqualTo("com.example.restapi.GetItemHandler::handleRequest");
        assertThat(properties.path("Runtime").asText()).isEqualTo("java21");
        assertThat(properties.path("CodeUri").asText()).isEqualTo(".");
        assertThat(properties.path("MemorySize").asInt()).isEqualTo(512);
        assertThat(properties.path("Timeout").asInt()).isEqualTo(10);
        assertThat(properties.path("Architectures")).isEqualTo(yaml("[x86_64]"));
        assertThat(properties.path("Environment").path("Variables")).isEqualTo(yaml("TABLE_NAME: {Ref: ItemsTable}"));
        assertThat(properties.path("Policies"))
                .isEqualTo(yaml("[{DynamoDBCrudPolicy: {TableName: {Ref: ItemsTable}}}]"));
        assertThat(properties.path("Events"))
                .isEqualTo(yaml("GetItemsId: {Type: HttpApi, Properties: {Path: '/items/{id}', Method: GET,"
                        + " ApiId: {Ref: ItemsApi}}}"));
        JsonNode api = resource(template, "ItemsApi");
        assertThat(api.path("Type").asText()).isEqualTo("AWS::Serverless::HttpApi");
        assertThat(api.path("Properties").path("DefaultRouteSettings"))
                .isEqualTo(yaml("{ThrottlingRateLimit: 10000.0, ThrottlingBurstLimit: 5000}"));
        JsonNode table = resource(template, "ItemsTable");
        assertThat(table.path("Type").asText()).isEqualTo("AWS::Serverless::SimpleTable");
        assertThat(table.path("Metadata")).isEqualTo(yaml("{Stratus: {id: db-items, name: items-table}}"));
        assertThat(template.path("Outputs")
                        .path("ItemsApiUrl")
                        .path("Value")
                        .path("Fn::Sub")
                        .asText())
                .isEqualTo("https://${ItemsApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/prod");
        assertThat(template.path("Metadata").path("Stratus").path("name").asText())
                .isEqualTo("REST API");
        assertThat(api.path("Metadata").path("Stratus").path("httpTriggers"))
                .isEqualTo(yaml("[{id: trigger-http, name: items-http}]"));
        assertThat(template.path("AWSTemplateFormatVersion").isTextual()).isTrue();
    }

    @Test
    void theOrderPipelineSendsToTheQueueByNamePublishesToTheTopicAndMailsThroughAnSesParameter() throws Exception {
        Export export = export(ExportChecks.sample("order-pipeline.stratus.json"));
        JsonNode template = template(export);
        JsonNode place = resource(template, "PlaceOrderFunction").path("Properties");
        assertThat(place.path("Environment").path("Variables"))
                .isEqualTo(yaml("{ORDERS_QUEUE_NAME: {Fn::GetAtt: [OrdersQueue, QueueName]},"
                        + " PAYMENT_API_URL: 'https://api.payments.example.com/v1'}"));
        assertThat(place.path("Policies"))
                .isEqualTo(yaml("[{SQSSendMessagePolicy: {QueueName: {Fn::GetAtt: [OrdersQueue, QueueName]}}}]"));
        JsonNode process = resource(template, "ProcessOrderFunction").path("Properties");
        assertThat(process.path("Events").path("OrdersQueue"))
                .isEqualTo(yaml("{Type: SQS, Properties: {Queue: {Fn::GetAtt: [OrdersQueue, Arn]}, BatchSize: 10,"
                        + " FunctionResponseTypes: [ReportBatchItemFailures]}}"));
        assertThat(process.path("Policies"))
                .isEqualTo(yaml("[{DynamoDBCrudPolicy: {TableName: {Ref: OrdersTable}}},"
                        + " {SNSPublishMessagePolicy: {TopicName: {Fn::GetAtt: [OrderEventsTopic, TopicName]}}}]"));
        JsonNode notify = resource(template, "NotifyCustomerFunction").path("Properties");
        assertThat(notify.path("Events").path("OrderEvents"))
                .isEqualTo(yaml("{Type: SNS, Properties: {Topic: {Ref: OrderEventsTopic}}}"));
        assertThat(notify.path("Policies"))
                .isEqualTo(yaml("[{SESCrudPolicy: {IdentityName: {Ref: OrderMailerIdentity}}}]"));
        assertThat(template.path("Parameters")
                        .path("OrderMailerIdentity")
                        .path("Default")
                        .asText())
                .isEqualTo("orders@example.com");
        assertThat(template.path("Metadata").path("Stratus").path("parameters"))
                .isEqualTo(yaml("{OrderMailerIdentity: {id: email-customers, name: order-mailer}}"));
        assertThat(template.path("Metadata").path("Stratus").path("externalApis"))
                .isEqualTo(yaml("[{id: ext-payment, name: payment-api, url: 'https://api.payments.example.com/v1'}]"));
        assertThat(resource(template, "OrdersQueue")
                        .path("Properties")
                        .path("VisibilityTimeout")
                        .asInt())
                .isEqualTo(180);
        String handler = export.files().text("src/main/java/com/example/orderpipeline/ProcessOrderHandler.java");
        assertThat(handler)
                .contains("implements RequestHandler<SQSEvent, SQSBatchResponse>")
                .contains("EventJson.answer(FUNCTION, CONNECTIONS)")
                .contains("{\"ORDERS_TABLE\", \"ORDER_EVENTS_TOPIC\"}");
    }

    @Test
    void theOtherSamplesGiveScheduleBucketAndStreamEventsWithTheirSettings() throws Exception {
        JsonNode nightly = template(export(ExportChecks.sample("nightly-report.stratus.json")));
        JsonNode report = resource(nightly, "BuildReportFunction").path("Properties");
        assertThat(report.path("MemorySize").asInt()).isEqualTo(2048);
        assertThat(report.path("Timeout").asInt()).isEqualTo(300);
        assertThat(report.path("ReservedConcurrentExecutions").asInt()).isEqualTo(1);
        assertThat(report.path("Events")
                        .path("Nightly2am")
                        .path("Properties")
                        .path("Schedule")
                        .asText())
                .isEqualTo("cron(0 2 * * ? *)");
        assertThat(resource(nightly, "BuildReportFunction")
                        .path("Metadata")
                        .path("Stratus")
                        .path("scheduleTriggers"))
                .isEqualTo(yaml("[{id: trigger-nightly, name: nightly-2am}]"));

        JsonNode thumbnails = template(export(ExportChecks.sample("image-thumbnailer.stratus.json")));
        JsonNode make = resource(thumbnails, "MakeThumbnailFunction").path("Properties");
        assertThat(make.path("Events").path("Uploads"))
                .isEqualTo(yaml("{Type: S3, Properties: {Bucket: {Ref: UploadsBucket}, Events: 's3:ObjectCreated:*',"
                        + " Filter: {S3Key: {Rules: [{Name: suffix, Value: .jpg}]}}}}"));
        JsonNode fixedName = yaml("{Fn::Sub: 'image-thumbnailer-uploads-${AWS::AccountId}-${AWS::Region}'}");
        assertThat(resource(thumbnails, "UploadsBucket").path("Properties").path("BucketName"))
                .isEqualTo(fixedName);
        assertThat(make.path("Policies"))
                .isEqualTo(yaml("[{S3CrudPolicy: {BucketName: {Ref: ThumbnailsBucket}}}, {S3ReadPolicy: {BucketName: "
                        + fixedName + "}}]"));

        JsonNode telemetry = template(export(ExportChecks.sample("iot-telemetry.stratus.json")));
        assertThat(resource(telemetry, "TelemetryStream")
                        .path("Properties")
                        .path("ShardCount")
                        .asInt())
                .isEqualTo(4);
        assertThat(resource(telemetry, "IngestTelemetryFunction")
                        .path("Properties")
                        .path("Events")
                        .path("TelemetryStream"))
                .isEqualTo(yaml("{Type: Kinesis, Properties: {Stream: {Fn::GetAtt: [TelemetryStream, Arn]},"
                        + " StartingPosition: LATEST, BatchSize: 100}}"));
    }

    @Test
    void settingsTheSamplesLeaveOutAreExportedWithNotesWhereAwsDiffers() throws Exception {
        Export export = export(AwsDesigns.kitchenSink());
        JsonNode template = template(export);
        assertThat(LINT.lint(template)).isEmpty();
        JsonNode webhook = resource(template, "WebhookFunction").path("Properties");
        assertThat(webhook.path("Runtime").asText()).isEqualTo("java17");
        assertThat(webhook.path("Architectures")).isEqualTo(yaml("[arm64]"));
        assertThat(webhook.path("Timeout").asInt()).isEqualTo(11);
        assertThat(webhook.path("ReservedConcurrentExecutions").asInt()).isEqualTo(5);
        assertThat(webhook.path("AutoPublishAlias").asText()).isEqualTo("live");
        assertThat(webhook.path("ProvisionedConcurrencyConfig"))
                .isEqualTo(yaml("{ProvisionedConcurrentExecutions: 2}"));
        assertThat(webhook.path("FunctionUrlConfig")).isEqualTo(yaml("{AuthType: NONE}"));
        assertThat(webhook.path("Events").isMissingNode()).isTrue();
        assertThat(webhook.path("Policies"))
                .isEqualTo(yaml("[{SQSSendMessagePolicy: {QueueName: {Fn::GetAtt: [JobsQueue, QueueName]}}},"
                        + " {LambdaInvokePolicy: {FunctionName: {Ref: LonelyFunction}}}]"));
        assertThat(webhook.path("Environment").path("Variables").path("LONELY_FUNCTION"))
                .isEqualTo(yaml("{Ref: LonelyFunction}"));
        assertThat(webhook.path("Environment").path("Variables").path("JOBS_QUEUE"))
                .isEqualTo(yaml("{Ref: JobsQueue}"));

        JsonNode jobs = resource(template, "JobsQueue").path("Properties");
        assertThat(jobs).isEqualTo(yaml("{FifoQueue: true, VisibilityTimeout: 360}"));
        assertThat(resource(template, "WorkerFunction")
                        .path("Properties")
                        .path("Events")
                        .path("Jobs")
                        .path("Properties"))
                .isEqualTo(yaml("{Queue: {Fn::GetAtt: [JobsQueue, Arn]}, BatchSize: 5,"
                        + " FunctionResponseTypes: [ReportBatchItemFailures]}"));

        JsonNode shop = resource(template, "ShopApi");
        assertThat(shop.path("Type").asText()).isEqualTo("AWS::Serverless::Api");
        assertThat(shop.path("Properties"))
                .isEqualTo(yaml("{StageName: prod, MethodSettings: [{ResourcePath: /*, HttpMethod: '*',"
                        + " ThrottlingRateLimit: 50.0, ThrottlingBurstLimit: 20, CachingEnabled: true,"
                        + " CacheTtlInSeconds: 60}], CacheClusterEnabled: true, CacheClusterSize: '0.5',"
                        + " Auth: {ApiKeyRequired: true, UsagePlan: {CreateUsagePlan: PER_API}}}"));
        assertThat(resource(template, "GetOrderFunction")
                        .path("Properties")
                        .path("Events")
                        .path("GetOrdersId"))
                .isEqualTo(yaml("{Type: Api, Properties: {Path: '/orders/{id}', Method: GET,"
                        + " RestApiId: {Ref: ShopApi}}}"));
        assertThat(resource(template, "JwtApi").path("Properties").path("Auth"))
                .isEqualTo(yaml("{Authorizers: {JwtAuthorizer: {IdentitySource: $request.header.Authorization,"
                        + " JwtConfiguration: {issuer: {Ref: JwtApiJwtIssuer}, audience: [{Ref: JwtApiJwtAudience}]}}},"
                        + " DefaultAuthorizer: JwtAuthorizer}"));
        assertThat(template.path("Parameters").has("JwtApiJwtIssuer")).isTrue();

        assertThat(resource(template, "AuditFunction")
                        .path("Properties")
                        .path("Runtime")
                        .asText())
                .isEqualTo("java25");
        JsonNode audit = resource(template, "AuditFunction").path("Properties").path("Events");
        assertThat(audit.path("Hourly").path("Properties").path("Schedule").asText())
                .isEqualTo("rate(1 hour)");
        assertThat(audit.path("Alerts").path("Type").asText()).isEqualTo("SNS");

        String base = "src/main/java/com/example/kitchensink/";
        assertThat(export.files().text(base + "AuditHandler.java"))
                .contains("implements RequestHandler<Map<String, Object>, Object>");
        assertThat(export.files().text(base + "LonelyHandler.java"))
                .contains("implements RequestHandler<Map<String, Object>, Object>", "only other functions invoke it");
        assertThat(export.files().text(base + "WebhookHandler.java"))
                .contains("RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>");
        assertThat(export.files().text(base + "GetOrderHandler.java"))
                .contains("RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>")
                .contains("private final shop.code.OrderLookup code = new shop.code.OrderLookup();")
                .contains(".withBody(call(EventJson.write(event)))");
        assertThat(export.files().text(base + "WorkerHandler.java"))
                .contains("call(EventJson.write(message));")
                .contains("failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));");
        assertThat(export.files().contains("src/main/java/shop/code/OrderLookup.java"))
                .isTrue();
        assertThat(export.files().text(base + "worker/Worker.java"))
                .startsWith("package com.example.kitchensink.worker;");

        assertThat(export.notes())
                .anyMatch(n -> n.contains("'jobs'") && n.contains("360 s"))
                .anyMatch(n -> n.contains("FIFO queue 'jobs'") && n.contains("without one"))
                .anyMatch(n -> n.contains("'webhook'") && n.contains("11 s"))
                .anyMatch(n -> n.contains("JwtApiJwtIssuer"));
        assertThat(export.files().text("README.md")).contains("## Notes", "360 s", "sam deploy --guided");
    }

    @Test
    void hostileNamesGiveValidLogicalIdsAndAFileThatReadsBackTheSameNames() throws Exception {
        Export export = export(AwsDesigns.hostile());
        JsonNode template = template(export);
        assertThat(LINT.lint(template)).isEmpty();
        assertThat(template.path("Resources").fieldNames())
                .toIterable()
                .contains(
                        "AQuotedNameWithNewlineFunction",
                        "ListItemsFunction",
                        "ListItemsFunction2",
                        "TabLeXTable",
                        "TabLeXTable2");
        JsonNode quoted = resource(template, "AQuotedNameWithNewlineFunction");
        assertThat(quoted.path("Metadata").path("Stratus").path("name").asText())
                .isEqualTo(AwsDesigns.HOSTILE);
        assertThat(quoted.path("Properties")
                        .path("Environment")
                        .path("Variables")
                        .path("GREETING")
                        .asText())
                .isEqualTo("say \"hi\": ${env:HOME} */ \\u0041 \n next");
        assertThat(resource(template, "TabLeXTable")
                        .path("Metadata")
                        .path("Stratus")
                        .path("name")
                        .asText())
                .isEqualTo("tab\"le: x\n");
        assertThat(template.path("Metadata").path("Stratus").path("name").asText())
                .isEqualTo("Evil \"project\": ${x}\n<b>*/");
        assertThat(export.files().paths())
                .contains(
                        "src/main/java/com/example/evilprojectxb/ListItemsHandler.java",
                        "src/main/java/com/example/evilprojectxb/ListItemsHandler2.java");
        assertThat(export.files().text("README.md")).doesNotContain("<b>").contains("\\<b\\>");
        assertThat(export.notes()).doesNotHaveDuplicates().anyMatch(n -> n.contains("is exported as POST /sayhi/{id}"));
    }

    @Test
    void theLintReportsUnknownPropertiesWrongTypesAndMissingRequiredOnesWithTheirPaths() throws Exception {
        ObjectNode template = (ObjectNode) template(export(ExportChecks.sample("order-pipeline.stratus.json")));
        ObjectNode resources = (ObjectNode) template.path("Resources");
        ObjectNode place = (ObjectNode) resources.path("PlaceOrderFunction").path("Properties");
        place.put("MemorySizeMb", 512);
        place.put("Timeout", "ten seconds");
        ((ObjectNode) place.path("Events").path("PostOrders").path("Properties")).put("Verb", "POST");
        ObjectNode sqs = (ObjectNode) resources
                .path("ProcessOrderFunction")
                .path("Properties")
                .path("Events")
                .path("OrdersQueue")
                .path("Properties");
        sqs.remove("Queue");
        sqs.put("BatchSize", true);
        ((ObjectNode) resources.path("OrdersQueue").path("Properties")).put("VisibilityTimeout", 1.5);
        ((ObjectNode) resources.path("OrdersTable").path("Properties").path("PrimaryKey")).remove("Type");
        resources.putObject("Bad-Id").put("Type", "AWS::Made::Up");

        List<String> problems =
                LINT.lint(template).stream().map(Object::toString).toList();

        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "Resources.PlaceOrderFunction.Properties.MemorySizeMb: unknown property 'MemorySizeMb'",
                        "Resources.PlaceOrderFunction.Properties.Timeout: wrong type: expected Integer, found the"
                                + " string 'ten seconds'",
                        "Resources.PlaceOrderFunction.Properties.Events.PostOrders.Properties.Verb: unknown property"
                                + " 'Verb'",
                        "Resources.ProcessOrderFunction.Properties.Events.OrdersQueue.Properties: missing required"
                                + " property 'Queue'",
                        "Resources.ProcessOrderFunction.Properties.Events.OrdersQueue.Properties.BatchSize: wrong"
                                + " type: expected Integer, found boolean true",
                        "Resources.OrdersQueue.Properties.VisibilityTimeout: wrong type: expected Integer, found number"
                                + " 1.5",
                        "Resources.OrdersTable.Properties.PrimaryKey: missing required property 'Type'",
                        "Resources.Bad-Id: a logical id must be 1 to 255 letters and digits",
                        "Resources.Bad-Id.Type: unknown resource type 'AWS::Made::Up'");
    }

    @Test
    void theLintKnowsEveryResourceTypeTheExporterWrites() throws Exception {
        assertThat(LINT.resourceTypes())
                .contains(
                        "AWS::Serverless::Function",
                        "AWS::Serverless::HttpApi",
                        "AWS::Serverless::Api",
                        "AWS::Serverless::SimpleTable",
                        "AWS::DynamoDB::Table",
                        "AWS::S3::Bucket",
                        "AWS::SQS::Queue",
                        "AWS::SNS::Topic",
                        "AWS::Kinesis::Stream");
        JsonNode template = yaml("Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n"
                + "      Events:\n        E:\n          Type: Carrier\n");
        assertThat(LINT.lint(template).stream().map(Object::toString))
                .containsExactly("Resources.F.Properties.Events.E.Type: unknown event source type 'Carrier'");
    }

    @Test
    void theRestApiExportMatchesItsGoldenCopy() throws Exception {
        ExportChecks.assertMatchesGolden(export(ExportChecks.sample("rest-api.stratus.json")), "sam-rest-api");
    }
}
