package dev.stratus.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stratus}: the command line. With no command it opens the studio on the default sample.
 * Exit codes: 0 success, 1 the input has problems, 2 usage or unreadable input.
 */
@Command(
        name = "stratus",
        mixinStandardHelpOptions = true,
        versionProvider = StratusCommand.Version.class,
        description = "A studio for serverless designs: draw, check, simulate and picture them.%n"
                + "With no command, opens the studio on the default sample.",
        subcommands = {
            OpenCommand.class,
            ValidateCommand.class,
            SimulateCommand.class,
            TraceCommand.class,
            ModelCommand.class,
            BenchCommand.class,
            SweepCommand.class,
            ExperimentCommand.class,
            CostCommand.class,
            RenderCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {"", "Exit codes: 0 success, 1 the input has problems, 2 usage or unreadable input."})
public final class StratusCommand implements Callable<Integer> {

    public static final int OK = 0;
    public static final int PROBLEMS = 1;
    public static final int UNUSABLE = 2;

    @Option(
            names = "--verbose",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an unexpected error.")
    boolean verbose;

    @Override
    public Integer call() {
        return OpenCommand.openStudio(null);
    }

    /** Runs the command line and returns its exit code; never throws. */
    public static int run(String... args) {
        return commandLine(utf8(System.out), utf8(System.err)).execute(args);
    }

    private static PrintWriter utf8(java.io.PrintStream stream) {
        // Messages use → and –; write UTF-8 whatever the platform's default, as terminals today expect.
        return new PrintWriter(new java.io.OutputStreamWriter(stream, java.nio.charset.StandardCharsets.UTF_8), true);
    }

    /** The command line writing to {@code out} and {@code err}, for tests and for {@link #run}. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new StratusCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            boolean verbose = parseResult.matchedOption("--verbose") != null
                    || parseResult.subcommands().stream().anyMatch(r -> r.matchedOption("--verbose") != null);
            if (exception instanceof UserError userError) {
                line.getErr().println("stratus: " + userError.getMessage());
            } else {
                line.getErr()
                        .println("stratus: unexpected error: " + exception
                                + (verbose ? "" : " (run again with --verbose for details)"));
            }
            if (verbose) {
                exception.printStackTrace(line.getErr());
            }
            line.getErr().flush();
            return userErrorCode(exception);
        });
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine line = exception.getCommandLine();
            line.getErr().println("stratus: " + exception.getMessage());
            line.getErr().println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for more information.");
            line.getErr().flush();
            return UNUSABLE;
        });
        return commandLine;
    }

    private static int userErrorCode(Exception exception) {
        return exception instanceof UserError userError ? userError.exitCode() : UNUSABLE;
    }

    /** Prints the version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = StratusCommand.class.getPackage().getImplementationVersion();
            return new String[] {"stratus " + (version == null ? "development build" : version)};
        }
    }
}
