package dev.stratus.app.shell;

import dev.stratus.model.Project;
import dev.stratus.project.ProjectFileException;
import dev.stratus.project.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The recovery file: a copy of a design with unsaved changes, written atomically every little
 * while to {@code recovery.stratus.json} in the config folder, so a crash loses at most that while.
 * A clean exit removes it and touches {@code clean-exit}; a recovery file newer than that marker
 * therefore means the studio did not close cleanly, and its design can be restored.
 */
public final class Recovery {

    private static final Logger LOG = Logger.getLogger(Recovery.class.getName());

    private final Path file;
    private final Path cleanExit;

    public Recovery(Path folder) {
        this.file = folder.resolve("recovery.stratus.json");
        this.cleanExit = folder.resolve("clean-exit");
    }

    /** Where the recovery file is written. */
    public Path file() {
        return file;
    }

    /** Writes {@code project} as the recovery file, replacing the last one. */
    public void write(Project project) throws IOException {
        Files.createDirectories(file.getParent());
        ProjectFiles.save(project, file);
    }

    /**
     * The design in a recovery file left by a studio that did not close cleanly, if there is one
     * and it reads. One that does not read is set aside as {@code recovery.stratus.json.broken}.
     */
    public Optional<Project> pending() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            if (Files.isRegularFile(cleanExit)
                    && Files.getLastModifiedTime(cleanExit).compareTo(Files.getLastModifiedTime(file)) > 0) {
                return Optional.empty();
            }
            return Optional.of(ProjectFiles.load(file));
        } catch (ProjectFileException | IOException e) {
            LOG.log(Level.WARNING, "the recovery file " + file + " does not read; setting it aside", e);
            try {
                Files.move(
                        file,
                        file.resolveSibling(file.getFileName() + ".broken"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.log(Level.WARNING, "cannot set aside " + file, moveFailed);
            }
            return Optional.empty();
        }
    }

    /** Removes the recovery file: the design it held is saved, or was deliberately discarded. */
    public void discard() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete the recovery file " + file, e);
        }
    }

    /** Records a clean exit: removes the recovery file and touches the marker. */
    public void markCleanExit() {
        discard();
        try {
            Files.createDirectories(cleanExit.getParent());
            if (!Files.exists(cleanExit)) {
                Files.createFile(cleanExit);
            }
            Files.setLastModifiedTime(cleanExit, FileTime.from(Instant.now()));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot write the clean-exit marker " + cleanExit, e);
        }
    }
}
