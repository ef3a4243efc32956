package dev.stratus.project;

/** A project file that cannot be read; see {@link FileProblem} for what it says. */
public final class ProjectFileException extends FileProblem {
    private static final long serialVersionUID = 1L;

    public ProjectFileException(String file, int line, int column, String problem, Throwable cause) {
        super(file, line, column, problem, cause);
    }
}
