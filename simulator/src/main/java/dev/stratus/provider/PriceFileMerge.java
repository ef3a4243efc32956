package dev.stratus.provider;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lays a user's price file over the standard price tree, reading the user's JSON token by token so
 * that every problem names its line and column.
 *
 * <p>Rules: an object merges key by key, and a key the standard tree does not have is an error; a
 * list merges element by element, and elements past the standard list's end are added as they stand;
 * a value replaces the standard value of the same type (a number may also be {@code null}: no
 * limit). A figure whose value the user gives without a {@code source} gets the user's file as its
 * source, and without an {@code asOf} the file's date, so a changed number never keeps the
 * provider's page as its authority.
 */
final class PriceFileMerge {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The shape of an element added to a list the standard tree has empty: a figure. */
    private static final ObjectNode FIGURE_SHAPE = JsonNodeFactory.instance
            .objectNode()
            .put("value", 0)
            .put("unit", "")
            .put("source", "")
            .put("asOf", "");

    private final JsonParser parser;
    private final String file;
    private final String defaultAsOf;

    private PriceFileMerge(JsonParser parser, String file, String defaultAsOf) {
        this.parser = parser;
        this.file = file;
        this.defaultAsOf = defaultAsOf;
    }

    /**
     * The standard tree with the user's file laid over it.
     *
     * @param standard the standard price tree, left unchanged
     * @param text the user's file
     * @param file the user's file name, for messages and as the source of the figures it changes
     * @param defaultAsOf the date of the figures it changes without giving one, {@code YYYY-MM-DD}
     */
    static ObjectNode merge(ObjectNode standard, String text, String file, String defaultAsOf)
            throws PriceFileException {
        if (text.isBlank()) {
            throw new PriceFileException(file, 0, 0, "is empty, not a price file", null);
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            PriceFileMerge merge = new PriceFileMerge(parser, file, defaultAsOf);
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw merge.error(
                        parser.currentTokenLocation(),
                        "is not a price file: it must hold an object, as the standard one does");
            }
            ObjectNode merged = (ObjectNode) merge.value(standard, true, "");
            if (parser.nextToken() != null) {
                throw merge.error(parser.currentTokenLocation(), "has more after the end of its object");
            }
            return merged;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            int line = where == null ? 0 : Math.max(where.getLineNr(), 0);
            int column = where == null || line == 0 ? 0 : Math.max(where.getColumnNr(), 0);
            throw new PriceFileException(file, line, column, "is not valid JSON: " + syntaxMessage(e), e);
        } catch (IOException e) {
            // The text is in memory: reading it cannot fail but through the JSON itself.
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode value(JsonNode shape, boolean overlay, String path) throws IOException, PriceFileException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            return object(shape, overlay, path);
        }
        if (token == JsonToken.START_ARRAY) {
            return array(shape, overlay, path);
        }
        return scalar(shape, path);
    }

    /**
     * An object: with {@code overlay} the user's keys replace those of a copy of {@code shape};
     * without (a new list element) the result has the user's keys alone, checked against {@code shape}.
     */
    private ObjectNode object(JsonNode shape, boolean overlay, String path) throws IOException, PriceFileException {
        JsonLocation start = parser.currentTokenLocation();
        if (!shape.isObject()) {
            throw error(start, "expected " + kind(shape) + at(path) + ", found an object");
        }
        ObjectNode result = overlay ? shape.deepCopy() : JsonNodeFactory.instance.objectNode();
        Set<String> given = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation where = parser.currentTokenLocation();
            JsonNode sub = shape.get(key);
            if (sub == null) {
                throw error(
                        where,
                        "unknown key \"" + key + "\"" + at(path) + "; known keys here: "
                                + String.join(
                                        ", ",
                                        new TreeSet<>(shape.properties().stream()
                                                .map(java.util.Map.Entry::getKey)
                                                .toList())));
            }
            parser.nextToken();
            result.set(key, value(sub, overlay, join(path, key)));
            given.add(key);
        }
        boolean figure = shape.has("value");
        if (figure && given.contains("value")) {
            if (!given.contains("source")) {
                result.put("source", "user price file " + file);
            }
            if (!given.contains("asOf")) {
                result.put("asOf", defaultAsOf);
            }
        }
        return result;
    }

    private ArrayNode array(JsonNode shape, boolean overlay, String path) throws IOException, PriceFileException {
        JsonLocation start = parser.currentTokenLocation();
        if (!shape.isArray()) {
            throw error(start, "expected " + kind(shape) + at(path) + ", found a list");
        }
        ArrayNode result = overlay ? shape.deepCopy() : JsonNodeFactory.instance.arrayNode();
        JsonNode last = shape.isEmpty() ? FIGURE_SHAPE : shape.get(shape.size() - 1);
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String here = path + "[" + index + "]";
            if (overlay && index < shape.size()) {
                result.set(index, value(shape.get(index), true, here));
            } else {
                result.add(value(index < shape.size() ? shape.get(index) : last, false, here));
            }
            index++;
        }
        return result;
    }

    private JsonNode scalar(JsonNode shape, String path) throws IOException, PriceFileException {
        JsonToken token = parser.currentToken();
        JsonLocation where = parser.currentTokenLocation();
        boolean numeric = shape.isNumber() || shape.isNull();
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                if (numeric) {
                    return token == JsonToken.VALUE_NUMBER_INT
                            ? nodes.numberNode(parser.getBigIntegerValue())
                            : nodes.numberNode(parser.getDecimalValue());
                }
            }
            case VALUE_NULL -> {
                if (numeric) {
                    return nodes.nullNode();
                }
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                if (shape.isBoolean()) {
                    return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
                }
            }
            case VALUE_STRING -> {
                if (shape.isTextual()) {
                    return nodes.textNode(parser.getText());
                }
            }
            default -> {
                // Anything else cannot stand where a value does; the message below says what was found.
            }
        }
        throw error(where, "expected " + kind(shape) + at(path) + ", found " + found(token));
    }

    private PriceFileException error(JsonLocation where, String problem) {
        int line = where == null ? 0 : Math.max(where.getLineNr(), 0);
        int column = where == null || line == 0 ? 0 : Math.max(where.getColumnNr(), 0);
        return new PriceFileException(file, line, column, problem, null);
    }

    private static String kind(JsonNode shape) {
        if (shape.isObject()) {
            return "an object";
        }
        if (shape.isArray()) {
            return "a list";
        }
        if (shape.isNumber() || shape.isNull()) {
            return "a number";
        }
        return shape.isBoolean() ? "true or false" : "text";
    }

    private static String found(JsonToken token) {
        return switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_NULL -> "null";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_STRING -> "text";
            default -> token.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String at(String path) {
        return path.isEmpty() ? "" : " at " + path;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String syntaxMessage(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message.startsWith("Unexpected end-of-input")) {
            return "the file ends too early";
        }
        if (message.startsWith("Duplicate field")) {
            return firstLine(message.replace("Duplicate field", "the key")) + " appears twice";
        }
        return firstLine(message);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
