package dev.stratus.sim.workload;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens trace files and turns I/O failures into {@link TraceException}s that name the file. */
final class TraceFiles {

    private TraceFiles() {}

    /** Reads a trace line by line. */
    interface LineHandler {
        /** Handles one line (without its line terminator); {@code number} counts from 1. */
        void line(String text, int number) throws TraceException;
    }

    static void read(Path projectFolder, String file, LineHandler handler) throws TraceException {
        Path path = projectFolder.resolve(file);
        if (Files.isDirectory(path)) {
            throw new TraceException(file, "is a folder, not a trace file");
        }
        int number = 0;
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                // Editors on Windows may start a UTF-8 file with a byte-order mark.
                boolean marked = number == 1 && text.startsWith("\uFEFF");
                handler.line(marked ? text.substring(1) : text, number);
            }
        } catch (NoSuchFileException e) {
            throw new TraceException(file, "no such file (looked for " + path.toAbsolutePath() + ")");
        } catch (CharacterCodingException e) {
            throw new TraceException(file, number + 1, "is not UTF-8 text");
        } catch (IOException e) {
            throw new TraceException(file, "cannot be read: " + e.getMessage());
        }
    }
}
