package dev.stratus.validate;

import static dev.stratus.validate.Validator.label;

import dev.stratus.model.Architecture;
import dev.stratus.model.ConnectionRules;
import dev.stratus.model.Edge;
import dev.stratus.model.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds cycles of synchronous calls: each call waits on the next, so a request never finishes.
 * Reports one cycle per strongly connected group of nodes (Tarjan's algorithm), naming its nodes in
 * call order.
 */
final class SyncCycles {

    private final Map<String, Node> nodes;
    private final Map<String, List<String>> calls = new LinkedHashMap<>();

    SyncCycles(Architecture architecture) {
        this.nodes = architecture.nodesById();
        for (Edge edge : architecture.edges()) {
            Node from = nodes.get(edge.from());
            Node to = nodes.get(edge.to());
            if (from != null
                    && to != null
                    && ConnectionRules.allows(from.kind(), to.kind())
                    && ConnectionRules.isSynchronous(from.kind(), to.kind(), edge.invocation())) {
                calls.computeIfAbsent(from.id(), k -> new ArrayList<>()).add(to.id());
            }
        }
    }

    void addTo(List<Problem> problems) {
        for (List<String> group : stronglyConnectedGroups()) {
            boolean selfLoop = group.size() == 1
                    && calls.getOrDefault(group.get(0), List.of()).contains(group.get(0));
            if (group.size() > 1 || selfLoop) {
                List<String> cycle = cycleWithin(group);
                String path = cycle.stream().map(id -> label(nodes.get(id))).collect(Collectors.joining(" → "));
                problems.add(Problem.error(
                        cycle.get(0),
                        "Synchronous call cycle: " + path + ". Each call waits for "
                                + "the next, so a request never finishes; make one of these calls asynchronous."));
            }
        }
    }

    /** A closed path through the group, starting and ending at its first node in design order. */
    private List<String> cycleWithin(List<String> group) {
        String start =
                nodes.keySet().stream().filter(group::contains).findFirst().orElseThrow();
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String at = queue.removeFirst();
            for (String next : calls.getOrDefault(at, List.of())) {
                if (!group.contains(next)) {
                    continue;
                }
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String step = at; !step.equals(start); step = cameFrom.get(step)) {
                        path.add(1, step);
                    }
                    path.add(start);
                    return path;
                }
                if (!cameFrom.containsKey(next)) {
                    cameFrom.put(next, at);
                    queue.addLast(next);
                }
            }
        }
        throw new IllegalStateException("a strongly connected group without a cycle: " + group);
    }

    private List<List<String>> stronglyConnectedGroups() {
        Tarjan tarjan = new Tarjan();
        for (String id : nodes.keySet()) {
            if (!tarjan.index.containsKey(id)) {
                tarjan.visit(id);
            }
        }
        return tarjan.groups;
    }

    private final class Tarjan {
        final Map<String, Integer> index = new HashMap<>();
        final Map<String, Integer> low = new HashMap<>();
        final Deque<String> stack = new ArrayDeque<>();
        final List<List<String>> groups = new ArrayList<>();

        // Recursion depth is bounded by the length of a call chain, which a person drew by hand.
        void visit(String id) {
            index.put(id, index.size());
            low.put(id, index.get(id));
            stack.push(id);
            for (String next : calls.getOrDefault(id, List.of())) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(id, Math.min(low.get(id), low.get(next)));
                } else if (stack.contains(next)) {
                    low.put(id, Math.min(low.get(id), index.get(next)));
                }
            }
            if (low.get(id).equals(index.get(id))) {
                List<String> group = new ArrayList<>();
                String member;
                do {
                    member = stack.pop();
                    group.add(member);
                } while (!member.equals(id));
                groups.add(group);
            }
        }
    }
}
