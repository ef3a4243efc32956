package dev.stratus.sim.workload;

/**
 * A trace file that cannot be replayed. The message is one line a person can act on, naming the file
 * as the project names it, the line when there is one, and what is wrong, for example {@code
 * traces/day1.csv:17: "12.5x" is not a time in seconds}.
 */
public final class TraceException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String problem;

    TraceException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    TraceException(String file, String problem) {
        this(file, 0, problem);
    }

    /** The file as the workload names it, relative to the project folder. */
    public String file() {
        return file;
    }

    /** The line the problem is on, from 1; 0 when it concerns the whole file. */
    public int line() {
        return line;
    }

    /** What is wrong, without the file and line. */
    public String problem() {
        return problem;
    }
}
