package dev.stratus.run;

import dev.stratus.validate.Problem;
import java.util.List;

/** PLACEHOLDER until the sim-results branch merges. */
public final class InvalidDesignException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public InvalidDesignException(List<Problem> problems) {
        super("the design has errors");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
