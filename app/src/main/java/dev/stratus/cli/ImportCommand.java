package dev.stratus.cli;

import dev.stratus.importer.ImportResult;
import dev.stratus.importer.SamImporter;
import dev.stratus.importer.TemplateException;
import dev.stratus.project.ProjectFiles;
import dev.stratus.validate.Problem;
import dev.stratus.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stratus import TEMPLATE --out FILE}: a Stratus project from an AWS SAM or CloudFormation template. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Read an AWS SAM or CloudFormation template (YAML with !Ref, !GetAtt, !Sub, ... or JSON) into a",
            "project: functions, their events as triggers, tables, buckets, queues and topics as services,",
            "APIs as a gateway, and connections from policies and environment references. What it does not",
            "model is listed, never dropped silently."
        },
        footer = {
            "",
            "Exit codes: 0 imported, 2 the template cannot be read (one line naming file, line and column)",
            "or FILE exists (use --force)."
        })
final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TEMPLATE", description = "template.yaml, template.json, ...")
    Path template;

    @Option(
            names = {"-o", "--out"},
            required = true,
            paramLabel = "FILE",
            description = "Project file to write (.stratus.json).")
    Path out;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (Files.exists(this.out) && !force) {
            throw new UserError(this.out + " exists; choose another file or pass --force to replace it");
        }
        ImportResult result;
        try {
            result = new SamImporter().importFile(template);
        } catch (TemplateException e) {
            throw new UserError(e.getMessage(), StratusCommand.UNUSABLE, e);
        } catch (IOException e) {
            throw new UserError("cannot read " + template + ": " + e.getMessage(), StratusCommand.UNUSABLE, e);
        }
        try {
            ProjectFiles.save(result.project(), this.out);
        } catch (IOException e) {
            throw new UserError("cannot write " + this.out + ": " + e.getMessage(), StratusCommand.UNUSABLE, e);
        }
        long functions = result.project().architecture().nodes().stream()
                .filter(n -> n instanceof dev.stratus.model.FunctionNode)
                .count();
        out.println("Imported " + template + " to " + this.out + ": "
                + result.project().architecture().nodes().size() + " nodes (" + functions + " functions), "
                + result.project().architecture().edges().size() + " connections");
        if (result.report().isEmpty()) {
            out.println("  every resource was imported");
        } else {
            out.println("  not modelled (" + result.report().size() + "):");
            result.report().forEach(line -> out.println("    " + line));
        }
        List<Problem> problems = new Validator().validate(result.project());
        for (Problem problem : problems) {
            out.println("  " + problem);
        }
        out.flush();
        return StratusCommand.OK;
    }
}
