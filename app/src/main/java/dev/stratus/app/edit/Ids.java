package dev.stratus.app.edit;

import dev.stratus.model.Edge;
import dev.stratus.model.Node;
import dev.stratus.model.NodeKind;
import dev.stratus.model.Project;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** New ids and names that no node or edge of a project has yet. */
public final class Ids {

    private Ids() {}

    /** An unused id like {@code function-3}. */
    public static String newId(Project project, String prefix) {
        Set<String> used = new HashSet<>();
        project.architecture().nodes().forEach(n -> used.add(n.id()));
        project.architecture().edges().forEach(e -> used.add(e.id()));
        for (int i = 1; ; i++) {
            String id = prefix + "-" + i;
            if (!used.contains(id)) {
                return id;
            }
        }
    }

    /** An unused node name for a new node of {@code kind}, like {@code function-2}. */
    public static String newName(Project project, NodeKind kind) {
        Set<String> used = new HashSet<>();
        for (Node n : project.architecture().nodes()) {
            used.add(n.name().toLowerCase(Locale.ROOT));
        }
        String base = kind.id().replace("-trigger", "");
        for (int i = 1; ; i++) {
            String name = base + "-" + i;
            if (!used.contains(name)) {
                return name;
            }
        }
    }

    /** An unused edge id. */
    public static String newEdgeId(Project project) {
        return newId(project, "edge");
    }

    static boolean isEdge(Project project, String id) {
        return project.architecture().edges().stream().map(Edge::id).anyMatch(id::equals);
    }
}
