package dev.stratus.cli;

import dev.stratus.export.Export;
import dev.stratus.export.ExportException;
import dev.stratus.export.ExportTarget;
import dev.stratus.export.ExportedFiles;
import dev.stratus.export.Exporter;
import dev.stratus.export.Exporters;
import dev.stratus.model.Project;
import dev.stratus.validate.Problem;
import dev.stratus.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stratus export FILE --target T --out DIR}: a deployable project for one cloud, or for all. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Write a deployable project for a cloud: the descriptor with every trigger, setting, resource",
            "and permission, a Maven build of the functions, and a README with the deploy commands."
        },
        footer = {
            "",
            "Targets: sam (AWS SAM), serverless (Serverless Framework v3), azure (Azure Functions),",
            "gcp (Google Cloud Functions), openwhisk (Apache OpenWhisk / IBM Cloud Functions),",
            "all (each target into a folder of its name under DIR).",
            "",
            "Exit codes: 0 exported, 1 the design has errors or cannot be exported to the target,",
            "2 the file cannot be read or DIR is not empty (use --force)."
        })
final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "Project file (.stratus.json).")
    Path file;

    @Option(
            names = {"-t", "--target"},
            required = true,
            paramLabel = "TARGET",
            description = "sam, serverless, azure, gcp, openwhisk or all.")
    String target;

    @Option(
            names = {"-o", "--out"},
            required = true,
            paramLabel = "DIR",
            description = "Folder to write into; it must be empty or missing.")
    Path out;

    @Option(
            names = "--force",
            description = "Write into DIR even if it holds files; files of the same name are replaced.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Project project = Inputs.project(file);
        List<Problem> problems = new Validator().validate(project);
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            errors.forEach(p -> err.println(file + ": " + p));
            err.println(file + ": fix the errors above before exporting; `stratus validate` lists them too");
            err.flush();
            return StratusCommand.PROBLEMS;
        }
        List<ExportTarget> targets = targets();
        int status = StratusCommand.OK;
        for (ExportTarget each : targets) {
            Path folder = targets.size() == 1 ? this.out : this.out.resolve(each.id());
            status = Math.max(status, export(project, each, folder, out, err));
        }
        out.flush();
        err.flush();
        return status;
    }

    private int export(Project project, ExportTarget exportTarget, Path folder, PrintWriter out, PrintWriter err) {
        Exporter exporter = Exporters.of(exportTarget)
                .orElseThrow(() -> new UserError("export to " + exportTarget.displayName() + " is not available yet"));
        Export export;
        try {
            export = exporter.export(project);
        } catch (ExportException e) {
            err.println(file + ": cannot export to " + exportTarget.displayName() + ": " + e.getMessage());
            return StratusCommand.PROBLEMS;
        }
        try {
            export.writeTo(folder, force);
        } catch (ExportedFiles.FolderNotEmptyException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError(
                    "cannot write the export to " + folder + ": " + e.getMessage(), StratusCommand.UNUSABLE, e);
        }
        out.println("Exported " + file + " to " + folder + " (" + exportTarget.displayName() + ", "
                + export.files().paths().size() + " files)");
        for (String note : export.notes()) {
            out.println("  note: " + note);
        }
        out.println("  next: read " + folder.resolve("README.md") + " for the build and deploy commands");
        return StratusCommand.OK;
    }

    private List<ExportTarget> targets() {
        if (target.equals("all")) {
            return List.of(ExportTarget.values());
        }
        return List.of(ExportTarget.fromId(target)
                .orElseThrow(() -> new UserError("--target must be one of "
                        + Arrays.stream(ExportTarget.values())
                                .map(ExportTarget::id)
                                .collect(Collectors.joining(", "))
                        + " or all, not '" + target + "'")));
    }
}
