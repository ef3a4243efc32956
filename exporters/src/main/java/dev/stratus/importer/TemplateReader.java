package dev.stratus.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.stratus.importer.Tree.Entry;
import dev.stratus.importer.Tree.Mapping;
import dev.stratus.importer.Tree.Scalar;
import dev.stratus.importer.Tree.ScalarType;
import dev.stratus.importer.Tree.Sequence;
import dev.stratus.importer.Tree.Value;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads template text, YAML or JSON, into a {@link Tree} with the place of every node, turning the
 * short intrinsics ({@code !Ref}, {@code !GetAtt A.B}, {@code !Sub}, ...) into the long forms. Every
 * failure is a {@link TemplateException} naming the line and column.
 */
final class TemplateReader {

    /** The short intrinsic tags CloudFormation knows, and the long form each stands for. */
    static final Map<String, String> SHORT_FORMS = shortForms();

    /** Nodes after expanding aliases; a template of more is refused (an alias bomb, not a template). */
    private static final int MAX_NODES = 1_000_000;

    private final String file;
    private final IdentityHashMap<Node, Boolean> path = new IdentityHashMap<>();
    private int nodes;

    private TemplateReader(String file) {
        this.file = file;
    }

    private static Map<String, String> shortForms() {
        Map<String, String> forms = new HashMap<>();
        forms.put("!Ref", "Ref");
        forms.put("!Condition", "Condition");
        for (String name : List.of(
                "GetAtt",
                "Sub",
                "Join",
                "Select",
                "Split",
                "If",
                "Equals",
                "Not",
                "And",
                "Or",
                "FindInMap",
                "ImportValue",
                "Base64",
                "Cidr",
                "GetAZs",
                "Transform",
                "Length",
                "ToJsonString")) {
            forms.put("!" + name, "Fn::" + name);
        }
        return Map.copyOf(forms);
    }

    /** The template in {@code text}; {@code file} names it in errors. */
    static Mapping read(String text, String file) throws TemplateException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.isBlank()) {
            throw new TemplateException(file, 0, 0, "is empty, not a template", null);
        }
        TemplateReader reader = new TemplateReader(file);
        String start = body.stripLeading();
        Value root = start.startsWith("{") || start.startsWith("[") ? reader.json(body) : reader.yaml(body);
        if (!(root instanceof Mapping mapping)) {
            throw new TemplateException(
                    file,
                    root.line(),
                    root.column(),
                    "a template is a mapping of sections (AWSTemplateFormatVersion, Resources, ...), but this file"
                            + " holds " + root.describe(),
                    null);
        }
        return mapping;
    }

    // ---- YAML ----

    private Value yaml(String text) throws TemplateException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // checked here, with the place of both keys
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new TemplateException(
                    file,
                    mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1,
                    "is not valid YAML: " + plainYamlProblem(e),
                    e);
        } catch (YAMLException e) {
            throw new TemplateException(file, 0, 0, "is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new TemplateException(file, 0, 0, "is empty, not a template", null);
        }
        return convert(root);
    }

    /** SnakeYAML's words for a problem, said plainly. */
    static String plainYamlProblem(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        if (problem.contains("(TAB)") || problem.contains("\\t")) {
            return "a tab character; YAML indents with spaces only";
        }
        if (problem.startsWith("mapping values are not allowed")) {
            return "a 'key:' where none can start; this line is probably indented more or less than the lines"
                    + " above it";
        }
        if (problem.startsWith("could not find expected ':'")) {
            return "a line that is not 'key: value' inside a mapping; check its indentation";
        }
        if (problem.startsWith("expected <block end>")) {
            return "this line is indented differently from the lines above it";
        }
        if (problem.startsWith("found undefined alias")) {
            return "the alias *"
                    + problem.substring("found undefined alias".length()).strip() + " has no anchor (&name) before it";
        }
        if (context.startsWith("expected a single document")) {
            return "a second document starts here; a template is a single document";
        }
        if (context.contains("quoted scalar")) {
            return "a quoted text that is not closed (it starts at line "
                    + (e.getContextMark() == null ? "?" : e.getContextMark().getLine() + 1) + ")";
        }
        if (context.contains("flow sequence")) {
            return "a [list] that is not closed properly: " + problem;
        }
        if (context.contains("flow mapping")) {
            return "a {mapping} that is not closed properly: " + problem;
        }
        return context.isEmpty() ? problem : problem + " (" + context + ")";
    }

    private Value convert(Node node) throws TemplateException {
        if (++nodes > MAX_NODES) {
            throw at(node, "the template expands to more than " + MAX_NODES + " values through its aliases");
        }
        if (path.put(node, Boolean.TRUE) != null) {
            throw at(node, "an alias that contains itself");
        }
        try {
            String tag = node.getTag().getValue();
            if (tag.startsWith("!") && !tag.startsWith("!!")) {
                String longForm = SHORT_FORMS.get(tag);
                if (longForm == null) {
                    throw at(
                            node,
                            "unknown tag " + tag + "; CloudFormation's tags are "
                                    + String.join(", ", new TreeSet<>(SHORT_FORMS.keySet())));
                }
                return intrinsic(longForm, tag, node);
            }
            return plain(node);
        } finally {
            path.remove(node);
        }
    }

    private Value plain(Node node) throws TemplateException {
        int line = node.getStartMark().getLine() + 1;
        int column = node.getStartMark().getColumn() + 1;
        if (node instanceof ScalarNode scalar) {
            return new Scalar(scalar.getValue(), scalarType(scalar), line, column);
        }
        if (node instanceof SequenceNode sequence) {
            List<Value> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(convert(item));
            }
            return new Sequence(items, line, column);
        }
        MappingNode mapping = (MappingNode) node;
        List<Entry> entries = new ArrayList<>();
        List<Entry> merged = new ArrayList<>();
        Map<String, Entry> seen = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (keyNode.getTag().equals(Tag.MERGE)) {
                merge(convert(tuple.getValueNode()), merged, keyNode);
                continue;
            }
            if (!(keyNode instanceof ScalarNode key)
                    || (key.getTag().getValue().startsWith("!")
                            && !key.getTag().getValue().startsWith("!!"))) {
                throw at(keyNode, "a key must be plain text, not a list, a mapping or a tagged value");
            }
            Entry entry = new Entry(
                    key.getValue(),
                    key.getStartMark().getLine() + 1,
                    key.getStartMark().getColumn() + 1,
                    convert(tuple.getValueNode()));
            Entry first = seen.putIfAbsent(entry.key(), entry);
            if (first != null) {
                throw at(
                        keyNode,
                        "the key '" + entry.key() + "' appears twice in this mapping (first at line " + first.line()
                                + ")");
            }
            entries.add(entry);
        }
        for (Entry entry : merged) {
            if (seen.putIfAbsent(entry.key(), entry) == null) {
                entries.add(entry);
            }
        }
        if (entries.size() == 1 && entries.get(0).key().equals("Fn::GetAtt")) {
            Entry entry = entries.get(0);
            entries.set(
                    0,
                    new Entry(entry.key(), entry.line(), entry.column(), getAttArguments(entry.value(), "Fn::GetAtt")));
        }
        return new Mapping(entries, line, column);
    }

    private void merge(Value value, List<Entry> merged, Node key) throws TemplateException {
        if (value instanceof Mapping mapping) {
            merged.addAll(mapping.entries());
        } else if (value instanceof Sequence sequence) {
            for (Value item : sequence.items()) {
                merge(item, merged, key);
            }
        } else {
            throw at(key, "a merge key (<<) takes a mapping or a list of mappings");
        }
    }

    private static ScalarType scalarType(ScalarNode scalar) {
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            return ScalarType.NUMBER;
        }
        if (tag.equals(Tag.BOOL)) {
            return ScalarType.BOOLEAN;
        }
        if (tag.equals(Tag.NULL)) {
            return ScalarType.NULL;
        }
        return ScalarType.STRING;
    }

    private Value intrinsic(String longForm, String tag, Node node) throws TemplateException {
        int line = node.getStartMark().getLine() + 1;
        int column = node.getStartMark().getColumn() + 1;
        Value argument;
        if (node instanceof ScalarNode scalar) {
            argument = new Scalar(scalar.getValue(), ScalarType.STRING, line, column + tag.length() + 1);
        } else {
            argument = plain(node);
        }
        if ((longForm.equals("Ref") || longForm.equals("Condition")) && !(argument instanceof Scalar)) {
            throw at(node, tag + " takes a logical id, not " + argument.describe());
        }
        if (longForm.equals("Fn::GetAtt")) {
            argument = getAttArguments(argument, tag);
        }
        return new Mapping(List.of(new Entry(longForm, line, column, argument)), line, column);
    }

    /** {@code A.B} or {@code [A, B]}, as the list {@code [A, B]}. */
    Value getAttArguments(Value argument, String how) throws TemplateException {
        if (argument instanceof Scalar scalar) {
            int dot = scalar.text().indexOf('.');
            if (dot <= 0 || dot == scalar.text().length() - 1) {
                throw new TemplateException(
                        file,
                        scalar.line(),
                        scalar.column(),
                        how + " takes LogicalId.Attribute, like MyQueue.Arn, not '" + scalar.text() + "'",
                        null);
            }
            return new Sequence(
                    List.of(
                            new Scalar(
                                    scalar.text().substring(0, dot), ScalarType.STRING, scalar.line(), scalar.column()),
                            new Scalar(
                                    scalar.text().substring(dot + 1),
                                    ScalarType.STRING,
                                    scalar.line(),
                                    scalar.column() + dot + 1)),
                    scalar.line(),
                    scalar.column());
        }
        if (argument instanceof Sequence sequence && sequence.items().size() == 2) {
            return sequence;
        }
        throw new TemplateException(
                file,
                argument.line(),
                argument.column(),
                how + " takes LogicalId.Attribute or a list of the two, not " + argument.describe(),
                null);
    }

    private TemplateException at(Node node, String problem) {
        return new TemplateException(
                file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, problem, null);
    }

    // ---- JSON ----

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private Value json(String text) throws TemplateException {
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken token = parser.nextToken();
            Value root = json(parser, token);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                JsonLocation where = parser.currentTokenLocation();
                throw new TemplateException(
                        file,
                        where.getLineNr(),
                        where.getColumnNr(),
                        "is not valid JSON: more text after the end of the template",
                        null);
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new TemplateException(
                    file,
                    where == null ? 0 : where.getLineNr(),
                    where == null ? 0 : where.getColumnNr(),
                    "is not valid JSON: " + plainJsonProblem(e.getOriginalMessage()),
                    e);
        } catch (IOException e) {
            throw new TemplateException(file, 0, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static String plainJsonProblem(String message) {
        String first = message.contains("\n") ? message.substring(0, message.indexOf('\n')) : message;
        if (first.startsWith("Unexpected end-of-input")) {
            return "the file ends before every { and [ is closed";
        }
        if (first.startsWith("Duplicate field")) {
            return first.replace("Duplicate field", "the key") + " appears twice in this object";
        }
        return first;
    }

    private Value json(JsonParser parser, JsonToken token) throws IOException, TemplateException {
        if (++nodes > MAX_NODES) {
            throw new TemplateException(file, 0, 0, "the template has more than " + MAX_NODES + " values", null);
        }
        JsonLocation where = parser.currentTokenLocation();
        int line = where.getLineNr();
        int column = where.getColumnNr();
        switch (token) {
            case START_OBJECT -> {
                List<Entry> entries = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    JsonLocation keyAt = parser.currentTokenLocation();
                    String key = parser.currentName();
                    Value value = json(parser, parser.nextToken());
                    entries.add(new Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value));
                }
                Mapping mapping = new Mapping(entries, line, column);
                if (mapping.entries().size() == 1
                        && mapping.entries().get(0).key().equals("Fn::GetAtt")) {
                    Entry entry = mapping.entries().get(0);
                    return new Mapping(
                            List.of(new Entry(
                                    entry.key(),
                                    entry.line(),
                                    entry.column(),
                                    getAttArguments(entry.value(), "Fn::GetAtt"))),
                            line,
                            column);
                }
                return mapping;
            }
            case START_ARRAY -> {
                List<Value> items = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    items.add(json(parser, next));
                }
                return new Sequence(items, line, column);
            }
            case VALUE_STRING -> {
                return new Scalar(parser.getText(), ScalarType.STRING, line, column);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Scalar(parser.getText(), ScalarType.NUMBER, line, column);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Scalar(parser.getText(), ScalarType.BOOLEAN, line, column);
            }
            case VALUE_NULL -> {
                return new Scalar("", ScalarType.NULL, line, column);
            }
            default -> throw new TemplateException(file, line, column, "is not valid JSON: unexpected " + token, null);
        }
    }
}
