package dev.stratus.export.serverless;

import dev.stratus.export.ExportPlan;
import dev.stratus.export.MavenPom;
import dev.stratus.export.aws.AwsReadme;
import dev.stratus.export.aws.LambdaProject;
import java.util.List;
import java.util.Map;

/**
 * The README.md of a Serverless Framework export: prerequisites, how to build and deploy, the
 * functions with their keys, handlers and triggers, the resources and permissions, and the notes.
 */
final class ServerlessReadme {

    private final ExportPlan plan;
    private final String service;
    private final Map<String, String> functionKeys;
    private final LambdaProject lambda;
    private final List<String> notes;

    /** {@code functionKeys} holds each function's key under {@code functions}, by node id. */
    ServerlessReadme(
            ExportPlan plan,
            String service,
            Map<String, String> functionKeys,
            LambdaProject lambda,
            List<String> notes) {
        this.plan = plan;
        this.service = service;
        this.functionKeys = functionKeys;
        this.lambda = lambda;
        this.notes = notes;
    }

    String text() {
        StringBuilder out = new StringBuilder();
        AwsReadme.title(out, plan.project(), "Serverless Framework");
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
        AwsReadme.functions(out, plan, lambda, "Function", function -> functionKeys.get(function.id()));
        out.append("## Resources and permissions\n\n"
                + "- Tables are `AWS::DynamoDB::Table` with a string key `id` and on-demand (PAY_PER_REQUEST)"
                + " capacity.\n"
                + "- Each connection gives the function an environment variable (the table, bucket or queue"
                + " name, queue URL, topic ARN or function name) and IAM statements on that resource alone."
                + " Serverless Framework v3 gives all functions of a service one role, so the role holds the"
                + " statements of every function.\n\n");
        AwsReadme.notes(out, notes);
        return out.toString();
    }
}
