package dev.stratus.export.sam;

import dev.stratus.export.ExportPlan;
import dev.stratus.export.MavenPom;
import dev.stratus.export.aws.AwsReadme;
import dev.stratus.export.aws.HandlerKind;
import dev.stratus.export.aws.LambdaProject;
import dev.stratus.export.aws.LogicalIds;
import java.util.List;

/**
 * The README.md of a SAM export: prerequisites, how to build, deploy and run a function locally,
 * the functions with their logical ids, handlers and triggers, the resources, and the notes.
 */
final class SamReadme {

    private final ExportPlan plan;
    private final LogicalIds ids;
    private final LambdaProject lambda;
    private final List<String> notes;

    SamReadme(ExportPlan plan, LogicalIds ids, LambdaProject lambda, List<String> notes) {
        this.plan = plan;
        this.ids = ids;
        this.lambda = lambda;
        this.notes = notes;
    }

    String text() {
        StringBuilder out = new StringBuilder();
        AwsReadme.title(out, plan.project(), "AWS SAM");
        out.append("Exported from Stratus. `template.yaml` is an AWS SAM template; the functions are one Maven"
                        + " project (`pom.xml`, Java ")
                .append(MavenPom.JAVA_RELEASE)
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
                sample != null ? "sam local generate-event " + sample + " > event.json\n" : "echo '{}' > event.json\n");
        out.append("sam local invoke ").append(ids.of(first.id())).append(" --event event.json\n");
        out.append("```\n\n`sam local generate-event --help` lists sample events of every kind; `sam local"
                + " start-api` serves the APIs on localhost.\n\n");
        AwsReadme.functions(out, plan, lambda, "Logical id", function -> ids.of(function.id()));
        out.append("## Resources\n\n"
                + "- Tables are `AWS::Serverless::SimpleTable`: a string key `id` and on-demand"
                + " (pay-per-request) capacity, which matches how Stratus simulates them; use"
                + " `AWS::DynamoDB::Table` for other keys or indexes.\n"
                + "- Each connection gives the function an environment variable (the table, bucket or queue"
                + " name, queue URL, topic ARN or function name) and a least-privilege SAM policy template.\n"
                + "- The outputs list the API URLs, function ARNs and resource names after a deploy"
                + " (`sam list stack-outputs`).\n\n");
        AwsReadme.notes(out, notes);
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
}
