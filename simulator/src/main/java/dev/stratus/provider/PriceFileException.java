package dev.stratus.provider;

import dev.stratus.project.FileProblem;

/** A price file that cannot be used; see {@link FileProblem} for what it says. */
public final class PriceFileException extends FileProblem {
    private static final long serialVersionUID = 1L;

    public PriceFileException(String file, int line, int column, String problem, Throwable cause) {
        super(file, line, column, problem, cause);
    }
}
