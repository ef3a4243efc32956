package dev.stratus.export;

import dev.stratus.model.Project;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a project as a complete, deployable project for one {@link ExportTarget} into a folder.
 * No exporter exists yet: exporting is the subject of its own issue, and the command line does not
 * offer {@code export} until one does.
 */
public interface Exporter {

    ExportTarget target();

    /** Writes the exported project into {@code folder}, which must be empty or missing. */
    void export(Project project, Path folder) throws IOException;
}
