package dev.stratus.export.serverless;

import dev.stratus.export.Export;
import dev.stratus.export.ExportException;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.ExportTarget;
import dev.stratus.export.Exporter;
import dev.stratus.export.Names;
import dev.stratus.export.aws.LambdaProject;
import dev.stratus.model.Project;
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
 *
 * <p>{@link ServerlessService} builds the file, with {@link ServerlessApis}, {@link
 * ServerlessFunctions} and {@link ServerlessPermissions}; {@link ServerlessReadme} writes the README.
 */
public final class ServerlessExporter implements Exporter {

    public static final String DEFAULT_STAGE = "dev";
    public static final String DEFAULT_REGION = "us-east-1";

    private static final Pattern VARIABLE = Pattern.compile("(\\\\*)\\$\\{");

    @Override
    public ExportTarget target() {
        return ExportTarget.SERVERLESS;
    }

    @Override
    public Export export(Project project) throws ExportException {
        return new ServerlessService(ExportPlan.of(project)).build();
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
}
