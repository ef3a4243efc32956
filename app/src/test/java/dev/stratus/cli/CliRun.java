package dev.stratus.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * One run of the command line in a test: its exit status and what it printed.
 *
 * @param status the exit code
 * @param out what it wrote to standard output
 * @param err what it wrote to standard error
 */
record CliRun(int status, String out, String err) {

    /** Runs {@code stratus} with {@code args}, capturing what it prints. */
    static CliRun stratus(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = StratusCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new CliRun(status, out.toString(), err.toString());
    }

    /** The lines written to standard error. */
    List<String> errLines() {
        return err.lines().toList();
    }
}
