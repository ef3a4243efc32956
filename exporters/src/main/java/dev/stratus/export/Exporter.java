package dev.stratus.export;

import dev.stratus.model.Project;

/**
 * Turns a project into a complete, deployable project for one {@link ExportTarget}. Exporting is pure:
 * it builds the files in memory ({@link Export}) so that the studio can preview them and the command
 * line can write them with {@link Export#writeTo}.
 */
public interface Exporter {

    ExportTarget target();

    /**
     * The exported files for {@code project}, with notes on anything the target could not express
     * exactly.
     *
     * @throws ExportException when the design cannot be exported (the message says which node and why)
     */
    Export export(Project project) throws ExportException;
}
