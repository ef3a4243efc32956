package dev.stratus.cli;

import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.project.ProjectFileException;
import dev.stratus.project.ProjectFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Reading what commands are given, with the one-line errors every command gives alike. */
final class Inputs {

    private Inputs() {}

    /** The project in {@code file}, or a {@link UserError} naming the file, line and column. */
    static Project project(Path file) {
        try {
            return ProjectFiles.load(file);
        } catch (ProjectFileException e) {
            throw new UserError(e.getMessage(), StratusCommand.UNUSABLE, e);
        }
    }

    /** The provider named {@code id} on the command line. */
    static Provider provider(String id) {
        return Provider.fromId(id)
                .orElseThrow(() -> new UserError("--provider must be one of "
                        + Arrays.stream(Provider.values()).map(Provider::id).collect(Collectors.joining(", "))
                        + ", not '" + id + "'"));
    }
}
