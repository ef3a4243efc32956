package dev.stratus.export.aws;

import dev.stratus.export.ExportPlan;
import dev.stratus.model.Project;
import java.util.List;
import java.util.function.Function;

/**
 * The parts of README.md that the SAM and the Serverless Framework exports share: the title, the
 * table of functions with their handlers and triggers, and the notes. Each appends Markdown to the
 * README under way.
 */
public final class AwsReadme {

    private AwsReadme() {}

    /** The title, naming the target ("AWS SAM"), and the project's description if it has one. */
    public static void title(StringBuilder out, Project project, String target) {
        out.append("# ")
                .append(Markdown.text(project.name()))
                .append(" (")
                .append(target)
                .append(")\n\n");
        if (!project.description().isBlank()) {
            out.append(Markdown.text(project.description())).append("\n\n");
        }
    }

    /** The section "Functions": a row per function, with the name {@code key} gives it in the export. */
    public static void functions(
            StringBuilder out,
            ExportPlan plan,
            LambdaProject lambda,
            String keyHeading,
            Function<ExportPlan.Function, String> key) {
        out.append("## Functions\n\n| ").append(keyHeading).append(" | Handler | Started by |\n|---|---|---|\n");
        for (ExportPlan.Function function : plan.functions()) {
            out.append("| ")
                    .append(key.apply(function))
                    .append(" | ")
                    .append(Markdown.code(lambda.handlerName(function.id())))
                    .append(" | ")
                    .append(Markdown.text(LambdaProject.startedBy(function)))
                    .append(" |\n");
        }
        out.append("\nA function with code of its own in the design gets it beside its handler; the others"
                + " log each event and answer with JSON naming the function and its connections — replace"
                + " that with your code.\n\n");
    }

    /** The section "Notes", if there are any. */
    public static void notes(StringBuilder out, List<String> notes) {
        if (!notes.isEmpty()) {
            out.append("## Notes\n\n").append(Markdown.bullets(notes)).append('\n');
        }
    }
}
