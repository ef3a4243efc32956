package dev.stratus.project;

/**
 * A file Stratus cannot use: which file, where in it (1-based line and column, 0 when the place is
 * unknown) and what is wrong. {@link #getMessage()} is one line for a person, {@code
 * file:line:column: problem}. Project files and price files both fail this way.
 */
public abstract class FileProblem extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    protected FileProblem(String file, int line, int column, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line + ":" + column : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What is wrong, without the place. */
    public String problem() {
        return problem;
    }
}
