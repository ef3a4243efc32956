package dev.stratus.app.shell;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratus.project.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The last {@value #LIMIT} project files opened or saved, newest first, kept as a JSON list of paths
 * in {@code recent.json} in the config folder. A file that cannot be read or written loses only the
 * list, never the work, so errors are logged and otherwise ignored. Use on the FX thread.
 */
public final class RecentFiles {

    public static final int LIMIT = 8;

    private static final Logger LOG = Logger.getLogger(RecentFiles.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final ObservableList<Path> paths = FXCollections.observableArrayList();
    // One view, held here: an unmodifiable list only weakly listens to its source, so a fresh one
    // per caller could be collected and stop telling the menu about changes.
    private final ObservableList<Path> view = FXCollections.unmodifiableObservableList(paths);

    /** The list kept in {@code folder}, read now. */
    public RecentFiles(Path folder) {
        this.file = folder.resolve("recent.json");
        paths.setAll(read(file));
    }

    /** The paths, newest first; the menu follows it. */
    public ObservableList<Path> paths() {
        return view;
    }

    /** Puts {@code opened} first, drops the oldest beyond the limit, and writes the list. */
    public void add(Path opened) {
        Path normal = opened.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(paths);
        next.remove(normal);
        next.add(0, normal);
        while (next.size() > LIMIT) {
            next.remove(next.size() - 1);
        }
        paths.setAll(next);
        write();
    }

    /** Forgets {@code gone}, for a recent file that no longer opens. */
    public void remove(Path gone) {
        if (paths.remove(gone.toAbsolutePath().normalize())) {
            write();
        }
    }

    private void write() {
        List<String> text = paths.stream().map(Path::toString).toList();
        try {
            Files.createDirectories(file.getParent());
            ProjectFiles.writeAtomically(
                    file,
                    out -> out.write(JSON.writerWithDefaultPrettyPrinter()
                            .writeValueAsString(text)
                            .getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot write the recent files list " + file, e);
        }
    }

    private static List<Path> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<String> text = JSON.readValue(file.toFile(), new TypeReference<List<String>>() {});
            return text.stream().limit(LIMIT).map(Path::of).toList();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot read the recent files list " + file, e);
            return List.of();
        }
    }
}
