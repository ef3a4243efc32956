package dev.stratus.app.shell;

import dev.stratus.model.Project;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The project open in the studio and where it came from.
 *
 * @param project the project as read or last saved
 * @param file the file it was read from or saved to, or {@code null} for a sample or an unsaved
 *     project (a sample is never written back into the studio's own resources)
 * @param origin how the status bar names where the project came from: the file's path, or for
 *     example {@code Sample: REST API}
 */
public record Document(Project project, Path file, String origin) {

    public Document {
        Objects.requireNonNull(project, "project");
        origin = origin == null || origin.isBlank() ? (file == null ? "Not saved" : file.toString()) : origin;
    }

    /** A project read from or saved to {@code file}. */
    public static Document ofFile(Project project, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return new Document(project, absolute, absolute.toString());
    }

    /** A project from somewhere other than a file, described by {@code origin}. */
    public static Document unsaved(Project project, String origin) {
        return new Document(project, null, origin);
    }

    /** The file, if the project has one. */
    public Optional<Path> fileIfAny() {
        return Optional.ofNullable(file);
    }

    /** The window title: {@code <project name> — Stratus}. */
    public String windowTitle() {
        String name = project.name().isBlank() ? "Untitled" : project.name();
        return name + " \u2014 Stratus";
    }
}
