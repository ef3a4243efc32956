package dev.stratus.app.inspector;

import dev.stratus.app.edit.Edit;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/**
 * One editable property of the inspected element: its group, its name with units, its current value
 * and how a new value becomes an {@link Edit}. The edit function builds the new immutable record and
 * may refuse the value with an {@link IllegalArgumentException} whose message says why.
 */
final class Field implements PropertySheet.Item {

    /** How a value is typed. */
    enum Type {
        TEXT,
        WHOLE,
        DECIMAL,
        CHOICE,
        FLAG,
        READ_ONLY
    }

    private final String key;
    private final String category;
    private final String name;
    private final String description;
    private final Type type;
    private final boolean blankAllowed;
    private final List<?> choices;
    private final Function<Object, String> label;
    private String prompt = "";
    private final ObjectProperty<Object> value = new SimpleObjectProperty<>(this, "value");
    private Function<Object, Edit> edit;

    private Field(
            String key,
            String category,
            String name,
            String description,
            Type type,
            boolean blankAllowed,
            List<?> choices,
            Function<Object, String> label,
            Object value,
            Function<Object, Edit> edit) {
        this.key = key;
        this.category = category;
        this.name = name;
        this.description = description;
        this.type = type;
        this.blankAllowed = blankAllowed;
        this.choices = choices;
        this.label = label;
        this.value.set(value);
        this.edit = edit;
    }

    static Field of(
            String key,
            String category,
            String name,
            String description,
            Type type,
            Object value,
            Function<Object, Edit> edit) {
        return new Field(key, category, name, description, type, false, List.of(), Field::plain, value, edit);
    }

    static Field readOnly(String key, String category, String name, Object value) {
        return new Field(key, category, name, "", Type.READ_ONLY, true, List.of(), Field::plain, value, v -> null);
    }

    static Field choice(
            String key,
            String category,
            String name,
            String description,
            List<?> choices,
            Function<Object, String> label,
            Object value,
            Function<Object, Edit> edit) {
        return new Field(key, category, name, description, Type.CHOICE, false, choices, label, value, edit);
    }

    /** The same field, where an empty entry means {@code null}, shown as {@code meaning} ("unlimited"). */
    Field blankMeans(String meaning) {
        Field field = new Field(key, category, name, description, type, true, choices, label, value.get(), edit);
        field.prompt = meaning;
        return field;
    }

    /** What an empty entry means, shown greyed in the empty field; empty when there is no such meaning. */
    String prompt() {
        return prompt;
    }

    String key() {
        return key;
    }

    Type fieldType() {
        return type;
    }

    List<?> choices() {
        return choices;
    }

    String label(Object choice) {
        return label.apply(choice);
    }

    /** The edit that gives the element {@code newValue}; throws IllegalArgumentException to refuse it. */
    Edit editFor(Object newValue) {
        return edit.apply(newValue);
    }

    /** Takes the value and edit of {@code fresh}, the same field of the element as it is now. */
    void refreshFrom(Field fresh) {
        this.edit = fresh.edit;
        this.value.set(fresh.value.get());
    }

    /** Reads typed text as this field's kind of value; throws IllegalArgumentException for bad input. */
    Object parse(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            if (blankAllowed || type == Type.TEXT) {
                return type == Type.TEXT && !blankAllowed ? "" : null;
            }
            throw new IllegalArgumentException(name + " needs a value.");
        }
        try {
            return switch (type) {
                case WHOLE -> Integer.parseInt(typed.replace(",", "").replace("_", ""));
                case DECIMAL -> Double.parseDouble(typed.replace(",", "").replace("_", ""));
                default -> typed;
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "'" + typed + "' is not " + (type == Type.WHOLE ? "a whole number" : "a number") + ".", e);
        }
    }

    /** The value as shown in a text field: numbers without a trailing ".0", null as empty. */
    static String plain(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    ObjectProperty<Object> valueProperty() {
        return value;
    }

    @Override
    public Class<?> getType() {
        return value.get() == null ? Object.class : value.get().getClass();
    }

    @Override
    public String getCategory() {
        return category;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Object getValue() {
        return value.get();
    }

    @Override
    public void setValue(Object newValue) {
        // Editors commit through the inspector, which applies an edit; the model's change flows back here.
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.of(value);
    }

    @Override
    public boolean isEditable() {
        // Read-only fields are shown as labels, which need no disabling to be read-only.
        return true;
    }

    @Override
    public String toString() {
        return key + "=" + Objects.toString(value.get());
    }
}
