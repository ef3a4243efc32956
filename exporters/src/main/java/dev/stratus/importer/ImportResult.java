package dev.stratus.importer;

import dev.stratus.model.Project;
import java.util.List;

/**
 * An imported project and the report of what the template holds that the project does not: one line
 * per resource, property, event or section left out or approximated, each naming its logical id and
 * line.
 */
public record ImportResult(Project project, List<String> report) {
    public ImportResult {
        report = List.copyOf(report);
    }
}
