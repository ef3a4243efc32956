package dev.stratus.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The files of an exported project, in memory, keyed by a relative path with forward slashes.
 *
 * <p>Invariant: every path is relative, has no empty, {@code .} or {@code ..} segment, no backslash
 * and no control character, so that no path can name a file outside the folder it is written to.
 * Paths are kept in the order they were added, which is the order the preview lists them.
 */
public final class ExportedFiles {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.@{}+-][A-Za-z0-9 _.@{}+-]*");

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Set<String> executables = new java.util.HashSet<>();

    /** Adds a text file (UTF-8). A path added twice is a programming error. */
    public ExportedFiles add(String path, String text) {
        return add(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a text file that should be executable (a deploy script). */
    public ExportedFiles addExecutable(String path, String text) {
        add(path, text);
        executables.add(path);
        return this;
    }

    public ExportedFiles add(String path, byte[] content) {
        checkPath(path);
        if (files.putIfAbsent(path, content.clone()) != null) {
            throw new IllegalStateException("the export writes " + path + " twice");
        }
        return this;
    }

    /** Throws when {@code path} could escape the export folder or is not a plain relative path. */
    public static void checkPath(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("an exported file has no path");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".")
                    || segment.equals("..")
                    || !SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("'" + path + "' is not a safe relative path for an exported file");
            }
        }
    }

    public List<String> paths() {
        return List.copyOf(files.keySet());
    }

    public boolean contains(String path) {
        return files.containsKey(path);
    }

    public String text(String path) {
        byte[] content = files.get(path);
        if (content == null) {
            throw new IllegalArgumentException("the export has no file " + path);
        }
        return new String(content, StandardCharsets.UTF_8);
    }

    public boolean isExecutable(String path) {
        return executables.contains(path);
    }

    /**
     * Writes every file into {@code folder}, creating it when missing. A folder that already holds
     * anything is refused unless {@code force}; with {@code force}, exported files replace those of
     * the same name and other files are left alone. Each file is written to a temporary file and
     * moved into place, so an interrupted export leaves no half-written file.
     *
     * @throws FolderNotEmptyException when the folder holds files and {@code force} is false
     */
    public void writeTo(Path folder, boolean force) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IOException(folder + " exists and is not a folder");
        }
        if (!force && Files.isDirectory(root) && !isEmpty(root)) {
            throw new FolderNotEmptyException(folder);
        }
        Files.createDirectories(root);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = root.resolve(file.getKey()).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw new IOException("refusing to write " + file.getKey() + " outside " + folder);
            }
            Files.createDirectories(target.getParent());
            write(target, file.getValue(), executables.contains(file.getKey()));
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return !entries.iterator().hasNext();
        }
    }

    private static void write(Path target, byte[] content, boolean executable) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            Files.write(temporary, content);
            try {
                Set<PosixFilePermission> permissions = EnumSet.of(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.GROUP_READ,
                        PosixFilePermission.OTHERS_READ);
                if (executable) {
                    permissions.add(PosixFilePermission.OWNER_EXECUTE);
                    permissions.add(PosixFilePermission.GROUP_EXECUTE);
                    permissions.add(PosixFilePermission.OTHERS_EXECUTE);
                }
                Files.setPosixFilePermissions(temporary, permissions);
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the file keeps the default permissions.
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** The export folder already holds files and the user did not ask to write over them. */
    public static final class FolderNotEmptyException extends IOException {
        private static final long serialVersionUID = 1L;

        public FolderNotEmptyException(Path folder) {
            super(folder + " is not empty; choose an empty folder or pass --force to write over it");
        }
    }
}
