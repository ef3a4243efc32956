package dev.stratus.app.inspector;

import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.util.StringConverter;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * The editor of one {@link Field}: a text field that commits on Enter or when it loses focus, a
 * choice box, or a check box. Every editor has the id {@code inspector-<key>}. It shows the field's
 * value as the model changes and hands what the person enters to a {@link Commit}.
 */
final class FieldEditor implements PropertyEditor<Object> {

    /** Receives what a person entered. */
    interface Commit {
        /** A value of the field's type ({@code null} for an empty entry where that is allowed). */
        void commit(Field field, Object value);

        /** An entry that is not a value of the field's type, and why. */
        void refuse(Field field, String message);
    }

    private final Field field;
    private final Control control;
    private boolean updating;

    FieldEditor(Field field, Commit commit) {
        this.field = field;
        this.control = switch (field.fieldType()) {
            case CHOICE -> choiceBox(commit);
            case FLAG -> checkBox(commit);
            case READ_ONLY -> readOnly();
            default -> textField(commit);
        };
        control.setId("inspector-" + field.key());
        field.valueProperty().addListener((o, old, now) -> setValue(now));
    }

    Field field() {
        return field;
    }

    Control control() {
        return control;
    }

    private TextField textField(Commit commit) {
        TextField text = new TextField();
        text.setPromptText(field.prompt());
        Runnable send = () -> {
            if (!updating && !text.getText().equals(Field.plain(field.getValue()))) {
                Object value;
                try {
                    value = field.parse(text.getText());
                } catch (IllegalArgumentException e) {
                    commit.refuse(field, e.getMessage());
                    return;
                }
                commit.commit(field, value);
            }
        };
        text.setOnAction(e -> send.run());
        text.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                send.run();
            }
        });
        text.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                setValue(field.getValue());
            }
        });
        return text;
    }

    /** A label, not a disabled text field: nothing to type into, nothing to take the keyboard. */
    private static Label readOnly() {
        Label label = new Label();
        label.getStyleClass().add("inspector-read-only");
        return label;
    }

    private ChoiceBox<Object> choiceBox(Commit commit) {
        ChoiceBox<Object> box = new ChoiceBox<>(FXCollections.observableArrayList(field.choices()));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Object choice) {
                return choice == null ? "" : field.label(choice);
            }

            @Override
            public Object fromString(String string) {
                throw new UnsupportedOperationException();
            }
        });
        box.valueProperty().addListener((o, old, now) -> {
            if (!updating && !Objects.equals(now, field.getValue())) {
                commit.commit(field, now);
            }
        });
        return box;
    }

    private CheckBox checkBox(Commit commit) {
        CheckBox box = new CheckBox();
        box.selectedProperty().addListener((o, old, now) -> {
            if (!updating && !Objects.equals(now, field.getValue())) {
                commit.commit(field, now);
            }
        });
        return box;
    }

    @Override
    public Node getEditor() {
        return control;
    }

    @Override
    public Object getValue() {
        return field.getValue();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void setValue(Object value) {
        updating = true;
        try {
            if (control instanceof TextField text) {
                text.setText(Field.plain(value));
            } else if (control instanceof ChoiceBox<?> box) {
                ((ChoiceBox<Object>) box).setValue(value);
            } else if (control instanceof Label label) {
                label.setText(Field.plain(value));
            } else if (control instanceof CheckBox box) {
                box.setSelected(Boolean.TRUE.equals(value));
            }
        } finally {
            updating = false;
        }
    }
}
