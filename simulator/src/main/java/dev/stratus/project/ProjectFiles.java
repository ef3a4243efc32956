package dev.stratus.project;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.stratus.model.Node;
import dev.stratus.model.NodeKind;
import dev.stratus.model.Project;
import dev.stratus.model.Workload;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and writes project files: JSON with a {@code "format": "stratus-project/1"} field.
 *
 * <p>Reading never throws anything but {@link ProjectFileException}, whose message names the file,
 * the line and column, and what is wrong. Writing is atomic: the new text goes to a temporary file in
 * the same folder, which is then moved over the old file, so a failed write leaves the old file as it
 * was.
 */
public final class ProjectFiles {

    private static final String FORMAT_PREFIX = "stratus-project/";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // A number is not a yes or no: "compareProviders": 3 is a mistake, not true.
            .withCoercionConfig(
                    LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .build();

    private ProjectFiles() {}

    /** Reads the project in {@code file}. */
    public static Project load(Path file) throws ProjectFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ProjectFileException(file.toString(), 0, 0, "no such file", e);
        } catch (IOException e) {
            throw new ProjectFileException(file.toString(), 0, 0, "cannot be read: " + describe(e), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProjectFileException(file.toString(), 0, 0, "is not UTF-8 text, so it is not a project file", e);
        }
        return read(text, file.toString());
    }

    /**
     * Reads a project from JSON text.
     *
     * @param source how to name the text in an error: its file name
     */
    public static Project read(String text, String source) throws ProjectFileException {
        if (text.isBlank()) {
            throw new ProjectFileException(source, 0, 0, "is empty, not a Stratus project", null);
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw located(source, e, "is not valid JSON: " + syntaxMessage(e));
        }
        checkFormat(source, tree);
        try {
            return MAPPER.readValue(text, Project.class);
        } catch (JsonProcessingException e) {
            throw located(source, e, bindingMessage(e));
        }
    }

    /** The JSON text of a project, as {@link #save} writes it (ending with a newline). */
    public static String toJson(Project project) {
        try {
            return MAPPER.writeValueAsString(project) + "\n";
        } catch (JsonProcessingException e) {
            // Every model value is a record of strings, numbers, lists and maps: this cannot happen.
            throw new IllegalStateException("cannot write project " + project.name(), e);
        }
    }

    /** Writes {@code project} to {@code file} atomically, replacing what was there. */
    public static void save(Project project, Path file) throws IOException {
        byte[] bytes = toJson(project).getBytes(StandardCharsets.UTF_8);
        writeAtomically(file, out -> out.write(bytes));
    }

    /** Something that writes bytes and may fail. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes through {@code writer} to a temporary file beside {@code file}, forces it to disk, then
     * moves it over {@code file}. On any failure the temporary file is removed and {@code file} is
     * untouched. Any file Stratus writes for a user (projects, pictures) goes through here.
     */
    public static void writeAtomically(Path file, Writer writer) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Path temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        keepPermissions(target, temporary);
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(
                            temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = Channels.newOutputStream(channel)) {
                writer.writeTo(out);
                out.flush();
                channel.force(true);
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

    /**
     * A temporary file is created readable by its owner alone; the saved file should keep the
     * permissions the old one had, or get the usual rw-r--r-- when it is new.
     */
    private static void keepPermissions(Path target, Path temporary) throws IOException {
        if (!temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temporary, permissions);
    }

    private static void checkFormat(String source, JsonNode tree) throws ProjectFileException {
        if (!tree.isObject()) {
            throw new ProjectFileException(
                    source,
                    1,
                    1,
                    "is not a Stratus project: it holds "
                            + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not an object",
                    null);
        }
        JsonNode format = tree.get("format");
        if (format == null) {
            throw new ProjectFileException(
                    source,
                    1,
                    1,
                    "is not a Stratus project: it has no \"format\" field " + "(expected \"" + Project.FORMAT + "\")",
                    null);
        }
        String value = format.asText();
        if (!format.isTextual() || !value.startsWith(FORMAT_PREFIX)) {
            throw new ProjectFileException(
                    source,
                    1,
                    1,
                    "is not a Stratus project: its format is " + format + ", not \"" + Project.FORMAT + "\"",
                    null);
        }
        int version;
        try {
            version = Integer.parseInt(value.substring(FORMAT_PREFIX.length()));
        } catch (NumberFormatException e) {
            throw new ProjectFileException(source, 1, 1, "has an unknown format \"" + value + "\"", e);
        }
        if (version > Project.FORMAT_VERSION) {
            throw new ProjectFileException(
                    source,
                    1,
                    1,
                    "was written by a newer Stratus (format \"" + value + "\"); this version reads \"" + Project.FORMAT
                            + "\" and older. Update Stratus to open it.",
                    null);
        }
        if (version < 1) {
            throw new ProjectFileException(source, 1, 1, "has an unknown format \"" + value + "\"", null);
        }
    }

    private static ProjectFileException located(String source, JsonProcessingException e, String message) {
        JsonLocation where = e.getLocation();
        int line = where == null ? 0 : Math.max(where.getLineNr(), 0);
        int column = where == null || line == 0 ? 0 : Math.max(where.getColumnNr(), 0);
        return new ProjectFileException(source, line, column, message, e);
    }

    private static String syntaxMessage(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message.startsWith("Unexpected end-of-input")) {
            return "the file ends too early"
                    + (message.contains("expected close marker for Object")
                            ? " (an object is not closed)"
                            : message.contains("expected close marker for Array") ? " (a list is not closed)" : "");
        }
        if (message.startsWith("Duplicate field")) {
            return firstLine(message.replace("Duplicate field", "the field")) + " appears twice";
        }
        return firstLine(message);
    }

    private static String bindingMessage(JsonProcessingException e) {
        String path = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String at = path.isEmpty() ? "" : " at " + path;
        if (e instanceof InvalidTypeIdException typeId) {
            String id = typeId.getTypeId();
            if (Node.class.isAssignableFrom(typeId.getBaseType().getRawClass())) {
                return id == null
                        ? "a node" + at + " has no \"kind\""
                        : "unknown node kind '" + id + "'" + at + "; known kinds: "
                                + Arrays.stream(NodeKind.values())
                                        .map(NodeKind::id)
                                        .collect(Collectors.joining(", "));
            }
            if (Workload.class.isAssignableFrom(typeId.getBaseType().getRawClass())) {
                return id == null
                        ? "a workload" + at + " has no \"type\""
                        : "unknown workload type '" + id + "'" + at
                                + "; known types: constant, poisson, ramp, spike, diurnal, trace";
            }
            return "unknown type '" + id + "'" + at;
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field \"" + unknown.getPropertyName() + "\"" + at;
        }
        if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return instantiation.getCause().getMessage() + at;
        }
        String message = firstLine(e.getOriginalMessage());
        if (message.startsWith("Missing required creator property")) {
            String name = message.replaceAll(".*'([^']*)'.*", "$1");
            return "the field \"" + name + "\" is missing" + at;
        }
        if (e.getCause() instanceof IllegalArgumentException cause) {
            return cause.getMessage() + at;
        }
        // Our own checks say best what is wrong; for a value of the wrong kind, say what is expected.
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String expected = expected(mismatch.getTargetType());
            if (expected != null) {
                Object value = e instanceof InvalidFormatException format ? format.getValue() : null;
                return "expected " + expected + (value == null ? "" : ", not '" + value + "',") + at;
            }
        }
        return message.replaceAll("\\(class [^)]*\\)", "").replaceAll("`[a-z.]*\\.([A-Za-z$]+)`", "$1") + at;
    }

    /** What a value of {@code type} looks like, in a person's words; {@code null} for a record or a list. */
    private static String expected(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            // The names a file uses are the constants' JSON values (Routing's "newest", ...).
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(constant -> MAPPER.convertValue(constant, String.class))
                            .collect(Collectors.joining(", "));
        }
        return null;
    }

    /** The place inside the document, like {@code architecture.nodes[3].memoryMb}. */
    private static String path(JsonMappingException e) {
        StringBuilder text = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                text.append('[').append(reference.getIndex()).append(']');
            }
        }
        return text.toString();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
