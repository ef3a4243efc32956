package dev.stratus.importer;

import dev.stratus.project.FileProblem;

/**
 * A template that cannot be imported: not YAML or JSON, or not shaped like a CloudFormation template.
 * The message reads {@code file:line:column: problem}, the place being 1-based.
 */
public final class TemplateException extends FileProblem {
    private static final long serialVersionUID = 1L;

    public TemplateException(String file, int line, int column, String problem, Throwable cause) {
        super(file, line, column, problem, cause);
    }
}
