package dev.stratus.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A template as a tree whose every node knows its place (1-based line and column). Intrinsic
 * functions are mappings with one key, whatever form the template wrote them in: {@code {"Ref": x}},
 * {@code {"Fn::GetAtt": [a, b]}}, {@code {"Fn::Sub": ...}}, {@code {"Condition": x}}.
 */
final class Tree {

    private Tree() {}

    /** A node of the tree. */
    sealed interface Value permits Scalar, Sequence, Mapping {
        int line();

        int column();

        /** What the node is, in a word for messages: text, a number, a list, a mapping. */
        String describe();
    }

    /** The kind of a scalar, as YAML or JSON resolved it. */
    enum ScalarType {
        STRING,
        NUMBER,
        BOOLEAN,
        NULL
    }

    /** Text, a number, true/false or null. */
    record Scalar(String text, ScalarType type, int line, int column) implements Value {
        @Override
        public String describe() {
            return switch (type) {
                case STRING -> "text";
                case NUMBER -> "a number";
                case BOOLEAN -> "true or false";
                case NULL -> "nothing";
            };
        }

        boolean isNull() {
            return type == ScalarType.NULL;
        }
    }

    /** A list. */
    record Sequence(List<Value> items, int line, int column) implements Value {
        Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** One key of a mapping with the place of the key. */
    record Entry(String key, int line, int column, Value value) {}

    /** A mapping with keys in document order. */
    record Mapping(List<Entry> entries, int line, int column) implements Value {
        Mapping {
            entries = List.copyOf(entries);
        }

        @Override
        public String describe() {
            return "a mapping";
        }

        Optional<Value> get(String key) {
            for (Entry entry : entries) {
                if (entry.key().equals(key)) {
                    return Optional.of(entry.value());
                }
            }
            return Optional.empty();
        }

        Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        Optional<Mapping> mapping(String key) {
            return get(key).filter(Mapping.class::isInstance).map(Mapping.class::cast);
        }

        Optional<Scalar> scalar(String key) {
            return get(key).filter(Scalar.class::isInstance)
                    .map(Scalar.class::cast)
                    .filter(s -> !s.isNull());
        }

        Optional<String> text(String key) {
            return scalar(key).map(Scalar::text);
        }

        boolean has(String key) {
            return get(key).isPresent();
        }

        Map<String, Value> asMap() {
            Map<String, Value> map = new LinkedHashMap<>();
            entries.forEach(e -> map.put(e.key(), e.value()));
            return map;
        }

        /** The single key of an intrinsic function call ({@code Ref}, {@code Fn::...}), if this is one. */
        Optional<String> intrinsic() {
            if (entries.size() != 1) {
                return Optional.empty();
            }
            String key = entries.get(0).key();
            return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::")
                    ? Optional.of(key)
                    : Optional.empty();
        }
    }

    /** Whether two values are the same, wherever they are written. */
    static boolean same(Value a, Value b) {
        if (a instanceof Scalar x && b instanceof Scalar y) {
            return x.text().equals(y.text()) && x.isNull() == y.isNull();
        }
        if (a instanceof Sequence x && b instanceof Sequence y) {
            if (x.items().size() != y.items().size()) {
                return false;
            }
            for (int i = 0; i < x.items().size(); i++) {
                if (!same(x.items().get(i), y.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Mapping x && b instanceof Mapping y) {
            if (x.entries().size() != y.entries().size()) {
                return false;
            }
            for (int i = 0; i < x.entries().size(); i++) {
                Entry e = x.entries().get(i);
                Entry f = y.entries().get(i);
                if (!e.key().equals(f.key()) || !same(e.value(), f.value())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** The items of a value that may be one item or a list of them. */
    static List<Value> items(Value value) {
        if (value instanceof Sequence sequence) {
            return sequence.items();
        }
        List<Value> one = new ArrayList<>();
        if (value != null && !(value instanceof Scalar s && s.isNull())) {
            one.add(value);
        }
        return one;
    }
}
