package dev.stratus.learn;

import dev.stratus.model.Project;
import java.util.Objects;

/**
 * One side of an experiment: the design with the experiment's change applied.
 *
 * @param label what is different in this variant, for a column heading: "keep-alive 0", "128 MB"
 * @param project the design as it runs in this variant
 */
public record Variant(String label, Project project) {
    public Variant {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(project, "project");
    }
}
