package dev.stratus.run;

import dev.stratus.model.Provider;
import dev.stratus.validate.Problem;
import java.util.List;

/**
 * A design was not run because it has errors on its provider. {@link #errors()} lists them, as
 * {@code stratus validate} would; none is a warning.
 */
public final class InvalidDesignException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // an immutable list of records; never serialised in practice
    private final List<Problem> errors;

    public InvalidDesignException(Provider provider, List<Problem> errors) {
        super("the design has " + errors.size() + (errors.size() == 1 ? " error" : " errors") + " on "
                + provider.displayName()
                + (errors.isEmpty() ? "" : ", the first: " + errors.get(0).message()));
        this.errors = List.copyOf(errors);
    }

    /** The errors, in the validator's order. */
    public List<Problem> errors() {
        return errors;
    }
}
