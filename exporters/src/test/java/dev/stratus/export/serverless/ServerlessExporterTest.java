package dev.stratus.export.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stratus.export.Documents;
import dev.stratus.export.Export;
import dev.stratus.export.ExportChecks;
import dev.stratus.export.ExportTarget;
import dev.stratus.export.aws.AwsDesigns;
import dev.stratus.model.Project;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServerlessExporterTest {

    private static Export export(Project project) throws Exception {
        return new ServerlessExporter().export(project);
    }

    private static JsonNode service(Export export) throws Exception {
        return Documents.yamlMapper().readTree(export.files().text("serverless.yml"));
    }

    private static JsonNode yaml(String text) throws Exception {
        return Documents.yamlMapper().readTree(text);
    }

    @Test
    void everySampleExportsAVersion3ServiceThatValidatesStrictlyAndDeploysTheBuiltJar() throws Exception {
        for (Path sample : ExportChecks.samples()) {
            Export export = export(ExportChecks.load(sample));
            assertThat(export.target()).isEqualTo(ExportTarget.SERVERLESS);
            JsonNode service = service(export);
            assertThat(service.path("frameworkVersion").isTextual()).isTrue();
            assertThat(service.path("frameworkVersion").asText()).isEqualTo("3");
            assertThat(service.path("configValidationMode").asText()).isEqualTo("error");
            assertThat(service.path("provider").path("name").asText()).isEqualTo("aws");
            assertThat(service.path("package").path("artifact").asText()).matches("target/[a-z0-9-]+-lambda\\.jar");
            assertThat(export.files().paths()).contains("pom.xml", "README.md");
            assertThat(export.files().text("README.md")).contains("mvn package", "serverless deploy");
        }
    }

    @Test
    void theOrderPipelineGivesEventsEnvironmentResourcesAndLeastPrivilegeStatements() throws Exception {
        JsonNode service = service(export(ExportChecks.sample("order-pipeline.stratus.json")));
        assertThat(service.path("service").asText()).isEqualTo("order-pipeline");
        JsonNode place = service.path("functions").path("placeOrder");
        assertThat(place.path("handler").asText())
                .isEqualTo("com.example.orderpipeline.PlaceOrderHandler::handleRequest");
        assertThat(place.path("memorySize").asInt()).isEqualTo(512);
        assertThat(place.path("timeout").asInt()).isEqualTo(15);
        assertThat(place.path("runtime").asText()).isEqualTo("java21");
        assertThat(place.path("events")).isEqualTo(yaml("[{httpApi: {method: POST, path: /orders}}]"));
        assertThat(place.path("environment"))
                .isEqualTo(yaml("{ORDERS_QUEUE_NAME: {Fn::GetAtt: [OrdersQueue, QueueName]},"
                        + " PAYMENT_API_URL: 'https://api.payments.example.com/v1'}"));
        JsonNode process = service.path("functions").path("processOrder");
        assertThat(process.path("events"))
                .isEqualTo(yaml("[{sqs: {arn: {Fn::GetAtt: [OrdersQueue, Arn]}, batchSize: 10,"
                        + " functionResponseType: ReportBatchItemFailures}}]"));
        assertThat(service.path("functions").path("notifyCustomer").path("events"))
                .isEqualTo(yaml("[{sns: {arn: {Ref: OrderEventsTopic}, topicName: OrderEventsTopic}}]"));
        JsonNode statements = service.path("provider").path("iam").path("role").path("statements");
        assertThat(statements)
                .contains(yaml("{Effect: Allow, Action: ['sqs:SendMessage', 'sqs:GetQueueAttributes',"
                        + " 'sqs:GetQueueUrl'], Resource: [{Fn::GetAtt: [OrdersQueue, Arn]}]}"))
                .contains(yaml("{Effect: Allow, Action: ['sns:Publish'], Resource: [{Ref: OrderEventsTopic}]}"));
        assertThat(statements.toString())
                .contains("dynamodb:PutItem", "ses:SendEmail", "identity/${param:orderMailerIdentity}");
        assertThat(service.path("params")
                        .path("default")
                        .path("orderMailerIdentity")
                        .asText())
                .isEqualTo("orders@example.com");
        JsonNode resources = service.path("resources").path("Resources");
        assertThat(resources.path("OrdersTable").path("Properties"))
                .isEqualTo(yaml("{BillingMode: PAY_PER_REQUEST, AttributeDefinitions: [{AttributeName: id,"
                        + " AttributeType: S}], KeySchema: [{AttributeName: id, KeyType: HASH}]}"));
        assertThat(resources
                        .path("OrdersQueue")
                        .path("Properties")
                        .path("VisibilityTimeout")
                        .asInt())
                .isEqualTo(180);
        assertThat(service.path("resources")
                        .path("extensions")
                        .path("HttpApiStage")
                        .path("Properties"))
                .isEqualTo(yaml("{DefaultRouteSettings: {ThrottlingRateLimit: 10000.0, ThrottlingBurstLimit: 5000}}"));
    }

    @Test
    void bucketsScheduleAndStreamBecomeFrameworkEvents() throws Exception {
        JsonNode thumbnails = service(export(ExportChecks.sample("image-thumbnailer.stratus.json")));
        assertThat(thumbnails.path("functions").path("makeThumbnail").path("events"))
                .isEqualTo(yaml("[{s3: {bucket: '${self:service}-${sls:stage}-uploads', event: 's3:ObjectCreated:*',"
                        + " rules: [{suffix: .jpg}]}}]"));
        assertThat(thumbnails.path("provider").path("iam").path("role").path("statements"))
                .contains(yaml("{Effect: Allow, Action: ['s3:GetObject'],"
                        + " Resource: ['arn:aws:s3:::${self:service}-${sls:stage}-uploads/*']}"));
        JsonNode nightly = service(export(ExportChecks.sample("nightly-report.stratus.json")));
        JsonNode report = nightly.path("functions").path("buildReport");
        assertThat(report.path("events").get(0).path("schedule").path("rate")).isEqualTo(yaml("['cron(0 2 * * ? *)']"));
        assertThat(report.path("reservedConcurrency").asInt()).isEqualTo(1);
        JsonNode telemetry = service(export(ExportChecks.sample("iot-telemetry.stratus.json")));
        assertThat(telemetry.path("functions").path("ingestTelemetry").path("events"))
                .isEqualTo(yaml("[{stream: {type: kinesis, arn: {Fn::GetAtt: [TelemetryStream, Arn]}, batchSize: 100,"
                        + " startingPosition: LATEST}}]"));
        assertThat(telemetry
                        .path("resources")
                        .path("Resources")
                        .path("TelemetryStream")
                        .path("Properties"))
                .isEqualTo(yaml("{ShardCount: 4}"));
    }

    @Test
    void settingsTheSamplesLeaveOutAreExported() throws Exception {
        Export export = export(AwsDesigns.kitchenSink());
        JsonNode service = service(export);
        JsonNode webhook = service.path("functions").path("webhook");
        assertThat(webhook.path("url").asBoolean()).isTrue();
        assertThat(webhook.path("provisionedConcurrency").asInt()).isEqualTo(2);
        assertThat(webhook.path("reservedConcurrency").asInt()).isEqualTo(5);
        assertThat(webhook.path("architecture").asText()).isEqualTo("arm64");
        assertThat(webhook.path("runtime").asText()).isEqualTo("java17");
        assertThat(webhook.path("environment").path("LONELY_FUNCTION").asText())
                .isEqualTo("${self:service}-${sls:stage}-lonely");
        assertThat(service.path("provider").path("iam").path("role").path("statements"))
                .contains(yaml("{Effect: Allow, Action: ['lambda:InvokeFunction'], Resource: [{Fn::Join: [':', [arn,"
                        + " {Ref: 'AWS::Partition'}, lambda, {Ref: 'AWS::Region'}, {Ref: 'AWS::AccountId'}, function,"
                        + " '${self:service}-${sls:stage}-lonely']]}]}"));
        assertThat(service.path("functions").path("getOrder").path("events"))
                .isEqualTo(yaml("[{http: {method: get, path: '/orders/{id}', private: true}}]"));
        assertThat(service.path("provider").path("apiGateway"))
                .isEqualTo(yaml(
                        "{apiKeys: [kitchen-sink-key], usagePlan: {throttle: {burstLimit: 20, rateLimit: 50.0}}}"));
        assertThat(service.path("functions").path("things").path("events"))
                .isEqualTo(yaml("[{httpApi: {method: '*', path: /things, authorizer: {name: jwtAuthorizer}}}]"));
        assertThat(service.path("provider")
                        .path("httpApi")
                        .path("authorizers")
                        .path("jwtAuthorizer")
                        .path("issuerUrl")
                        .asText())
                .isEqualTo("${param:jwtIssuer}");
        assertThat(service.path("functions").path("worker").path("events"))
                .isEqualTo(yaml("[{sqs: {arn: {Fn::GetAtt: [JobsQueue, Arn]}, batchSize: 5,"
                        + " functionResponseType: ReportBatchItemFailures}}]"));
        assertThat(service.path("resources").path("Resources").path("JobsQueue").path("Properties"))
                .isEqualTo(yaml("{FifoQueue: true, VisibilityTimeout: 360}"));
        assertThat(service.path("functions").path("audit").path("events")).hasSize(2);
        assertThat(service.path("functions").path("audit").path("runtime").asText())
                .isEqualTo("java21");
        assertThat(export.notes()).anyMatch(n -> n.contains("'audit'") && n.contains("java25"));
    }

    @Test
    void textFromTheDesignCannotBecomeAFrameworkVariable() throws Exception {
        assertThat(ServerlessExporter.literal("a ${env:HOME} b")).isEqualTo("a \\${env:HOME} b");
        assertThat(ServerlessExporter.literal("a \\${x}")).isEqualTo("a \\\\\\${x}");
        assertThat(ServerlessExporter.literal("plain $ {}")).isEqualTo("plain $ {}");
        JsonNode service = service(export(AwsDesigns.hostile()));
        JsonNode quoted = service.path("functions").path("aQuotedNameWithNewline");
        assertThat(quoted.path("environment").path("GREETING").asText())
                .isEqualTo("say \"hi\": \\${env:HOME} */ \\u0041 \n next");
        assertThat(service.path("functions").fieldNames()).toIterable().contains("listItems", "listItems2");
        assertThat(service.path("service").asText()).isEqualTo("evil-project-x-b");
    }

    @Test
    void theOrderPipelineExportMatchesItsGoldenCopy() throws Exception {
        ExportChecks.assertMatchesGolden(
                export(ExportChecks.sample("order-pipeline.stratus.json")), "serverless-order-pipeline");
    }
}
