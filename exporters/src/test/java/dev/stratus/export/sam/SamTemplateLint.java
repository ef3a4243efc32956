package dev.stratus.export.sam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratus.export.Documents;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a SAM template's resources against the specification kept in {@code
 * src/test/resources/sam-spec/resources.json}: every property must be one the resource type (or SAM
 * event source type, or nested property type) has, of the type it takes, and every required property
 * must be there. Each problem names its path, like {@code
 * Resources.ListItemsFunction.Properties.Events.GetItems.Properties.Method}.
 *
 * <p>An intrinsic function ({@code {Ref: X}}, {@code {Fn::GetAtt: [...]}}, ...) is accepted wherever
 * a value is, as CloudFormation resolves it at deploy time.
 */
final class SamTemplateLint {

    /** One finding: where, and what is wrong. */
    record Problem(String path, String message) {
        @Override
        public String toString() {
            return path + ": " + message;
        }
    }

    private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9]{1,255}");

    private final JsonNode spec;

    private SamTemplateLint(JsonNode spec) {
        this.spec = spec;
    }

    /** The lint with the project's specification. */
    static SamTemplateLint load() {
        try (InputStream in = SamTemplateLint.class.getResourceAsStream("/sam-spec/resources.json")) {
            if (in == null) {
                throw new IllegalStateException("sam-spec/resources.json is missing from the test resources");
            }
            return new SamTemplateLint(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resource types the specification knows. */
    List<String> resourceTypes() {
        List<String> types = new ArrayList<>();
        spec.get("resources").fieldNames().forEachRemaining(types::add);
        return types;
    }

    List<Problem> lint(String yaml) {
        try {
            return lint(Documents.yamlMapper().readTree(yaml));
        } catch (IOException e) {
            return List.of(new Problem("(template)", "not YAML: " + e.getMessage()));
        }
    }

    List<Problem> lint(JsonNode template) {
        List<Problem> problems = new ArrayList<>(object(template, spec.get("template"), ""));
        JsonNode resources = template.path("Resources");
        Iterator<Map.Entry<String, JsonNode>> entries = resources.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String path = "Resources." + entry.getKey();
            JsonNode resource = entry.getValue();
            if (!LOGICAL_ID.matcher(entry.getKey()).matches()) {
                problems.add(new Problem(path, "a logical id must be 1 to 255 letters and digits"));
            }
            problems.addAll(object(resource, spec.get("resourceAttributes"), path));
            String type = resource.path("Type").asText("");
            JsonNode resourceSpec = spec.get("resources").get(type);
            if (resourceSpec == null) {
                problems.add(new Problem(path + ".Type", "unknown resource type '" + type + "'"));
                continue;
            }
            JsonNode properties = resource.get("Properties");
            if (properties == null) {
                problems.addAll(missing(Documents.object(), resourceSpec, path + ".Properties"));
            } else {
                problems.addAll(object(properties, resourceSpec, path + ".Properties"));
            }
        }
        return problems;
    }

    /** Checks an object's property names, types and required properties against a spec entry. */
    private List<Problem> object(JsonNode value, JsonNode typeSpec, String path) {
        if (!value.isObject()) {
            return List.of(new Problem(path, "expected an object, found " + kind(value)));
        }
        List<Problem> problems = new ArrayList<>();
        JsonNode properties = typeSpec.get("properties");
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String fieldPath = join(path, field.getKey());
            JsonNode type = properties.get(field.getKey());
            if (type == null) {
                problems.add(new Problem(fieldPath, "unknown property '" + field.getKey() + "'"));
            } else {
                problems.addAll(check(field.getValue(), type.asText(), fieldPath));
            }
        }
        problems.addAll(missing(value, typeSpec, path));
        return problems;
    }

    private static List<Problem> missing(JsonNode value, JsonNode typeSpec, String path) {
        List<Problem> problems = new ArrayList<>();
        for (JsonNode required : typeSpec.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(new Problem(path, "missing required property '" + required.asText() + "'"));
            }
        }
        return problems;
    }

    /** Checks a value against a type expression. */
    private List<Problem> check(JsonNode value, String type, String path) {
        if (isIntrinsic(value)) {
            return List.of();
        }
        List<String> alternatives = alternatives(type);
        if (alternatives.size() > 1) {
            List<Problem> closest = null;
            for (String alternative : alternatives) {
                List<Problem> problems = check(value, alternative, path);
                if (problems.isEmpty()) {
                    return problems;
                }
                if (closest == null && shapeMatches(value, alternative)) {
                    closest = problems;
                }
            }
            return closest != null
                    ? closest
                    : List.of(new Problem(path, "wrong type: expected " + type + ", found " + kind(value)));
        }
        if (type.startsWith("List<")) {
            if (!value.isArray()) {
                return wrong(type, value, path);
            }
            List<Problem> problems = new ArrayList<>();
            String item = type.substring(5, type.length() - 1);
            for (int i = 0; i < value.size(); i++) {
                problems.addAll(check(value.get(i), item, path + "[" + i + "]"));
            }
            return problems;
        }
        if (type.startsWith("Map<")) {
            if (!value.isObject()) {
                return wrong(type, value, path);
            }
            List<Problem> problems = new ArrayList<>();
            String item = type.substring(4, type.length() - 1);
            value.fields().forEachRemaining(e -> problems.addAll(check(e.getValue(), item, join(path, e.getKey()))));
            return problems;
        }
        JsonNode named = spec.get("types").get(type);
        if (named != null) {
            List<Problem> problems = object(value, named, path);
            return type.equals("EventSource") && problems.isEmpty() ? event(value, path) : problems;
        }
        boolean ok = switch (type) {
            case "Json" -> true;
            case "String" -> value.isTextual();
            case "Integer" -> value.isIntegralNumber();
            case "Double" -> value.isNumber();
            case "Boolean" -> value.isBoolean();
            case "Map" -> value.isObject();
            case "List" -> value.isArray();
            default -> throw new IllegalStateException("the spec names an unknown type " + type + " at " + path);
        };
        return ok ? List.of() : wrong(type, value, path);
    }

    /** An event source's Properties, checked against its Type's entry in the spec. */
    private List<Problem> event(JsonNode event, String path) {
        String type = event.path("Type").asText("");
        JsonNode eventSpec = spec.get("events").get(type);
        if (eventSpec == null) {
            return List.of(new Problem(path + ".Type", "unknown event source type '" + type + "'"));
        }
        JsonNode properties = event.get("Properties");
        return properties == null
                ? missing(Documents.object(), eventSpec, path + ".Properties")
                : object(properties, eventSpec, path + ".Properties");
    }

    private static List<String> alternatives(String type) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(type.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(type.substring(start));
        return parts;
    }

    private boolean shapeMatches(JsonNode value, String type) {
        if (type.startsWith("List")) {
            return value.isArray();
        }
        if (type.startsWith("Map") || spec.get("types").has(type)) {
            return value.isObject();
        }
        return false;
    }

    static boolean isIntrinsic(JsonNode value) {
        if (!value.isObject() || value.size() != 1) {
            return false;
        }
        String key = value.fieldNames().next();
        return key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition");
    }

    private static List<Problem> wrong(String type, JsonNode value, String path) {
        return List.of(new Problem(path, "wrong type: expected " + type + ", found " + kind(value)));
    }

    private static String kind(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isTextual()) {
            return "the string '" + value.asText() + "'";
        }
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + value;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
