package dev.stratus.export.aws;

import dev.stratus.export.Names;
import java.util.HashMap;
import java.util.Map;

/**
 * CloudFormation logical ids for the nodes of a design: letters and digits only, at most 255
 * characters, unique in the template (ignoring case, so that no two differ only in case), and
 * readable: "items table" becomes {@code ItemsTable}, "list items" {@code ListItemsFunction}.
 */
public final class LogicalIds {

    /** CloudFormation's limit on a logical id's length. */
    public static final int MAX_LENGTH = 255;

    private final Names.Unique unique = new Names.Unique("", MAX_LENGTH);
    private final Map<String, String> byNode = new HashMap<>();

    /** Logical ids the target generates itself, which no node may take. */
    public LogicalIds(String... reserved) {
        for (String id : reserved) {
            unique.reserve(id);
        }
    }

    /**
     * Gives the node an id from its name with the suffix added unless the name already ends with it
     * ("orders queue" gives {@code OrdersQueue}, "orders" {@code OrdersQueue}).
     */
    public String assign(String nodeId, String name, String fallback, String suffix) {
        String id = unique.next(candidate(name, fallback, suffix));
        byNode.put(nodeId, id);
        return id;
    }

    /** A fresh id that no node has, for parameters and helper resources. */
    public String fresh(String name, String fallback, String suffix) {
        return unique.next(candidate(name, fallback, suffix));
    }

    /** The id given to a node. */
    public String of(String nodeId) {
        String id = byNode.get(nodeId);
        if (id == null) {
            throw new IllegalArgumentException("no logical id for node " + nodeId);
        }
        return id;
    }

    public boolean has(String nodeId) {
        return byNode.containsKey(nodeId);
    }

    static String candidate(String name, String fallback, String suffix) {
        String base = Names.pascal(name, fallback);
        if (base.length() > MAX_LENGTH - suffix.length() - 4) {
            base = base.substring(0, MAX_LENGTH - suffix.length() - 4);
        }
        return base.endsWith(suffix) ? base : base + suffix;
    }
}
