package dev.stratus.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.UncheckedIOException;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML and JSON for exported descriptors, always written by Jackson from a tree, never by joining
 * strings: a name with quotes, colons or line breaks is quoted as the format requires.
 */
public final class Documents {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            // A long description stays on one line rather than folded with backslashes.
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .stringQuotingChecker(new Yaml11Quoting())
            .build());

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Documents() {}

    /**
     * Quotes every string that a YAML 1.1 reader would otherwise take for another type: besides
     * Jackson's own checks, numbers ("3", "0.5", "1_000"), timestamps ("2010-09-09") and the like, so
     * that {@code frameworkVersion: '3'} or {@code AWSTemplateFormatVersion: '2010-09-09'} stay strings.
     */
    private static final class Yaml11Quoting extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;
        private static final Resolver RESOLVER = new Resolver();

        @Override
        public boolean needToQuoteName(String name) {
            return super.needToQuoteName(name) || !isString(name);
        }

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || !isString(value);
        }

        private static boolean isString(String text) {
            return Tag.STR.equals(RESOLVER.resolve(NodeId.scalar, text, true));
        }
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** The tree as YAML, ending with a line break. */
    public static String yaml(Object tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tree as indented JSON, ending with a line break. */
    public static String json(Object tree) {
        try {
            return JSON.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The YAML mapper, for tests and importers that read what the exporters write. */
    public static ObjectMapper yamlMapper() {
        return YAML.copy();
    }
}
