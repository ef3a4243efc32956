package dev.stratus.validate;

import dev.stratus.model.Node;
import dev.stratus.model.Project;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a project and returns its problems, errors first, in the order of the design. It never
 * throws for a bad design: every fault is a {@link Problem} a person can act on.
 */
public final class Validator {

    /** The problems of {@code project}; empty when it is clean. */
    public List<Problem> validate(Project project) {
        List<Problem> problems = new ArrayList<>();
        if (project.name().isBlank()) {
            problems.add(Problem.warning(null, "The project has no name."));
        }
        new NodeChecks(project).addTo(problems);
        new EdgeChecks(project.architecture()).addTo(problems);
        new SyncCycles(project.architecture()).addTo(problems);
        new WorkloadChecks(project).addTo(problems);
        problems.sort(Comparator.comparing(Problem::severity));
        return List.copyOf(problems);
    }

    /** How a node is named in a message: its name in quotes, or its id when it has no name. */
    static String label(Node node) {
        return "'" + (node.name().isBlank() ? node.id() : node.name()) + "'";
    }
}
