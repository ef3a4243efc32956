package dev.stratus.importer;

import dev.stratus.importer.Tree.Mapping;
import dev.stratus.importer.Tree.Scalar;
import dev.stratus.importer.Tree.Sequence;
import dev.stratus.importer.Tree.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the intrinsic functions of a template say: which logical ids a value refers to, and the plain
 * text of a value where it can be worked out without deploying (parameters by their default, mappings
 * by literal keys, joins and selects of such).
 */
final class Intrinsics {

    /** A reference to a logical id, with the attribute for {@code Fn::GetAtt} (null for {@code Ref}). */
    record Reference(String logicalId, String attribute, int line) {}

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private final Mapping parameters;
    private final Mapping mappings;

    Intrinsics(Mapping template) {
        this.parameters = template.mapping("Parameters").orElse(new Mapping(List.of(), 0, 0));
        this.mappings = template.mapping("Mappings").orElse(new Mapping(List.of(), 0, 0));
    }

    static boolean isPseudo(String logicalId) {
        return logicalId.startsWith("AWS::");
    }

    boolean isParameter(String logicalId) {
        return parameters.has(logicalId);
    }

    /** Every reference in {@code value}, in document order; pseudo parameters left out. */
    static List<Reference> references(Value value) {
        List<Reference> found = new ArrayList<>();
        collect(value, found);
        return found;
    }

    private static void collect(Value value, List<Reference> found) {
        if (value instanceof Sequence sequence) {
            sequence.items().forEach(item -> collect(item, found));
            return;
        }
        if (!(value instanceof Mapping mapping)) {
            return;
        }
        Optional<String> function = mapping.intrinsic();
        if (function.isEmpty()) {
            mapping.entries().forEach(e -> collect(e.value(), found));
            return;
        }
        Value argument = mapping.entries().get(0).value();
        switch (function.get()) {
            case "Ref" -> {
                if (argument instanceof Scalar s && !isPseudo(s.text())) {
                    found.add(new Reference(s.text(), null, s.line()));
                }
            }
            case "Fn::GetAtt" -> getAtt(argument).ifPresent(found::add);
            case "Fn::Sub" -> sub(argument, found);
            default -> collect(argument, found);
        }
    }

    private static Optional<Reference> getAtt(Value argument) {
        if (argument instanceof Sequence s
                && s.items().size() == 2
                && s.items().get(0) instanceof Scalar id
                && s.items().get(1) instanceof Scalar attribute) {
            return Optional.of(new Reference(id.text(), attribute.text(), id.line()));
        }
        return Optional.empty();
    }

    private static void sub(Value argument, List<Reference> found) {
        String text;
        Set<String> local = Set.of();
        if (argument instanceof Scalar s) {
            text = s.text();
        } else if (argument instanceof Sequence s
                && !s.items().isEmpty()
                && s.items().get(0) instanceof Scalar t) {
            text = t.text();
            if (s.items().size() > 1 && s.items().get(1) instanceof Mapping variables) {
                local = variables.asMap().keySet();
                variables.entries().forEach(e -> collect(e.value(), found));
            }
        } else {
            return;
        }
        int line = argument.line();
        Matcher m = SUB_VARIABLE.matcher(text);
        while (m.find()) {
            String name = m.group(1).strip();
            int dot = name.indexOf('.');
            String id = dot < 0 ? name : name.substring(0, dot);
            if (isPseudo(name) || local.contains(id) || local.contains(name)) {
                continue;
            }
            found.add(new Reference(id, dot < 0 ? null : name.substring(dot + 1), line));
        }
    }

    /**
     * The reference when {@code value} is nothing but one: {@code !Ref X}, {@code !GetAtt X.A}, or
     * {@code !Sub '${X}'} / {@code !Sub '${X.A}'}.
     */
    static Optional<Reference> wholeReference(Value value) {
        if (!(value instanceof Mapping mapping) || mapping.intrinsic().isEmpty()) {
            return Optional.empty();
        }
        Value argument = mapping.entries().get(0).value();
        return switch (mapping.intrinsic().get()) {
            case "Ref" ->
                argument instanceof Scalar s && !isPseudo(s.text())
                        ? Optional.of(new Reference(s.text(), null, s.line()))
                        : Optional.empty();
            case "Fn::GetAtt" -> getAtt(argument);
            case "Fn::Sub" -> {
                if (argument instanceof Scalar s && s.text().matches("\\$\\{[^!}]+}")) {
                    List<Reference> one = new ArrayList<>();
                    sub(argument, one);
                    yield one.size() == 1 ? Optional.of(one.get(0)) : Optional.empty();
                }
                yield Optional.empty();
            }
            default -> Optional.empty();
        };
    }

    /**
     * The text of {@code value} when it can be known from the template alone: a scalar, a parameter's
     * default, a mapping entry with literal keys, a join, select or sub of such; {@code Fn::If} takes
     * its first branch. Empty when it depends on something only a deployment knows.
     */
    Optional<String> text(Value value) {
        return text(value, 0);
    }

    private Optional<String> text(Value value, int depth) {
        if (depth > 20 || value == null) {
            return Optional.empty();
        }
        if (value instanceof Scalar s) {
            return s.isNull() ? Optional.empty() : Optional.of(s.text());
        }
        if (!(value instanceof Mapping mapping) || mapping.intrinsic().isEmpty()) {
            return Optional.empty();
        }
        Value argument = mapping.entries().get(0).value();
        return switch (mapping.intrinsic().get()) {
            case "Ref" -> argument instanceof Scalar s ? parameterDefault(s.text()) : Optional.empty();
            case "Fn::Join" -> join(argument, depth);
            case "Fn::Select" -> select(argument, depth);
            case "Fn::If" ->
                argument instanceof Sequence s && s.items().size() == 3
                        ? text(s.items().get(1), depth + 1)
                        : Optional.empty();
            case "Fn::FindInMap" -> findInMap(argument, depth);
            case "Fn::Sub" -> substitute(argument, depth);
            default -> Optional.empty();
        };
    }

    private Optional<String> join(Value argument, int depth) {
        if (!(argument instanceof Sequence s) || s.items().size() != 2) {
            return Optional.empty();
        }
        Optional<String> separator = text(s.items().get(0), depth + 1);
        if (separator.isEmpty() || !(s.items().get(1) instanceof Sequence parts)) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        for (Value part : parts.items()) {
            Optional<String> t = text(part, depth + 1);
            if (t.isEmpty()) {
                return Optional.empty();
            }
            texts.add(t.get());
        }
        return Optional.of(String.join(separator.get(), texts));
    }

    private Optional<String> select(Value argument, int depth) {
        if (!(argument instanceof Sequence s) || s.items().size() != 2) {
            return Optional.empty();
        }
        Optional<String> index = text(s.items().get(0), depth + 1);
        if (index.isEmpty() || !index.get().matches("\\d{1,9}") || !(s.items().get(1) instanceof Sequence list)) {
            return Optional.empty();
        }
        int i = Integer.parseInt(index.get());
        return i < list.items().size() ? text(list.items().get(i), depth + 1) : Optional.empty();
    }

    private Optional<String> findInMap(Value argument, int depth) {
        if (!(argument instanceof Sequence s) || s.items().size() < 3) {
            return Optional.empty();
        }
        Optional<String> map = text(s.items().get(0), depth + 1);
        Optional<String> first = text(s.items().get(1), depth + 1);
        Optional<String> second = text(s.items().get(2), depth + 1);
        if (map.isEmpty() || first.isEmpty() || second.isEmpty()) {
            return Optional.empty();
        }
        return mappings.mapping(map.get())
                .flatMap(m -> m.mapping(first.get()))
                .flatMap(m -> m.get(second.get()))
                .flatMap(v -> text(v, depth + 1));
    }

    private Optional<String> substitute(Value argument, int depth) {
        String template;
        Mapping variables = null;
        if (argument instanceof Scalar s) {
            template = s.text();
        } else if (argument instanceof Sequence s
                && s.items().size() == 2
                && s.items().get(0) instanceof Scalar t
                && s.items().get(1) instanceof Mapping vars) {
            template = t.text();
            variables = vars;
        } else {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        Matcher m = SUB_VARIABLE.matcher(template);
        int last = 0;
        while (m.find()) {
            String name = m.group(1).strip();
            Optional<String> replacement = variables != null && variables.has(name)
                    ? text(variables.get(name).orElseThrow(), depth + 1)
                    : parameterDefault(name);
            if (replacement.isEmpty()) {
                return Optional.empty();
            }
            out.append(template, last, m.start()).append(replacement.get());
            last = m.end();
        }
        out.append(template.substring(last));
        return Optional.of(out.toString().replace("${!", "${"));
    }

    private Optional<String> parameterDefault(String name) {
        return parameters.mapping(name).flatMap(p -> p.scalar("Default")).map(Scalar::text);
    }

    /** The intrinsic functions in {@code value} that {@link #text} cannot work out, for the report. */
    static String show(Value value) {
        if (value instanceof Scalar s) {
            return s.text();
        }
        if (value instanceof Mapping m && m.intrinsic().isPresent()) {
            String function = m.intrinsic().get();
            Value argument = m.entries().get(0).value();
            String shortName = function.equals("Ref") ? "!Ref" : "!" + function.replace("Fn::", "");
            if (argument instanceof Scalar s) {
                return shortName + " " + s.text();
            }
            if (function.equals("Fn::GetAtt")
                    && argument instanceof Sequence seq
                    && seq.items().size() == 2) {
                return shortName + " " + show(seq.items().get(0)) + "."
                        + show(seq.items().get(1));
            }
            return shortName + " ...";
        }
        return value == null ? "" : value.describe();
    }
}
