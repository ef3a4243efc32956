package dev.stratus.cli;

import dev.stratus.model.Project;
import dev.stratus.project.ProjectFileException;
import dev.stratus.project.ProjectFiles;
import dev.stratus.validate.Problem;
import dev.stratus.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stratus validate FILE...}: the problems of each design, one per line. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Check designs and list their problems, one per line.",
        footer = {
            "",
            "Exit codes: 0 no errors, 1 a design has errors (or warnings, with --strict),",
            "2 a file cannot be read (one line naming the file, line and column)."
        })
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Project files (.stratus.json).")
    List<Path> files;

    @Option(names = "--strict", description = "Treat warnings as problems too (exit 1).")
    boolean strict;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Validator validator = new Validator();
        int status = StratusCommand.OK;
        for (Path file : files) {
            Project project;
            try {
                project = ProjectFiles.load(file);
            } catch (ProjectFileException e) {
                err.println(e.getMessage());
                status = StratusCommand.UNUSABLE;
                continue;
            }
            List<Problem> problems = validator.validate(project);
            if (problems.isEmpty()) {
                out.println(file + ": no problems");
            }
            for (Problem problem : problems) {
                out.println(file + ": " + problem);
            }
            boolean failed = problems.stream().anyMatch(p -> p.isError() || strict);
            if (failed && status == StratusCommand.OK) {
                status = StratusCommand.PROBLEMS;
            }
        }
        out.flush();
        err.flush();
        return status;
    }
}
