package dev.stratus.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The result of exporting one project to one target: the files and the notes for the person who
 * exported it (things the target expresses only approximately, names that had to change).
 */
public record Export(ExportTarget target, ExportedFiles files, List<String> notes) {

    public Export {
        notes = List.copyOf(notes);
    }

    /** Writes the files into {@code folder}; see {@link ExportedFiles#writeTo}. */
    public void writeTo(Path folder, boolean force) throws IOException {
        files.writeTo(folder, force);
    }
}
