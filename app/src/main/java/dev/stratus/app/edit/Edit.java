package dev.stratus.app.edit;

import dev.stratus.model.Project;

/**
 * One change to a project, as a person names it ("Move 3 nodes"). Projects are immutable, so an edit
 * is a function from the project before to the project after, and undoing it restores the one before.
 */
public interface Edit {

    /** What the edit does, for the Undo and Redo menu items: "Add function", "Delete 2 elements". */
    String description();

    /** The project after the edit; {@code before} is not changed. */
    Project apply(Project before);

    static Edit of(String description, java.util.function.UnaryOperator<Project> change) {
        return new Edit() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public Project apply(Project before) {
                return change.apply(before);
            }
        };
    }
}
