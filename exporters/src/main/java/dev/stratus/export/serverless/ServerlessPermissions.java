package dev.stratus.export.serverless;

import static dev.stratus.export.aws.Intrinsics.getAtt;
import static dev.stratus.export.aws.Intrinsics.join;
import static dev.stratus.export.aws.Intrinsics.ref;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.stratus.export.Documents;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.aws.LogicalIds;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The IAM statements of a Serverless service's one role: for each function, the least-privilege
 * statements its connections and events need, each statement once, in the order first needed.
 */
final class ServerlessPermissions {

    private final ServerlessService service;
    private final LogicalIds ids;
    private final Set<JsonNode> statements = new LinkedHashSet<>();

    ServerlessPermissions(ServerlessService service) {
        this.service = service;
        this.ids = service.ids;
    }

    /** The statements so far. */
    Set<JsonNode> statements() {
        return statements;
    }

    /** Adds the statements the function's connections and events need. */
    void add(ExportPlan.Function function) {
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
                                TextNode.valueOf(service.functionName(
                                        connection.function().id()))))));
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
                case TOPIC -> statements.add(statement(List.of("sns:Publish"), List.of(ref(ids.of(resource.id())))));
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
                                            "identity/${param:" + service.emailParams.get(resource.id()) + "}")))));
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

    /** The bucket's ARN, and the ARN of its objects. */
    private List<JsonNode> bucketArns(ExportPlan.Resource bucket) {
        if (service.isEventBucket(bucket)) {
            String arn = "arn:aws:s3:::" + service.bucketName(bucket);
            return List.of(TextNode.valueOf(arn), TextNode.valueOf(arn + "/*"));
        }
        JsonNode arn = getAtt(ids.of(bucket.id()), "Arn");
        return List.of(arn, join("", arn, TextNode.valueOf("/*")));
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
}
