package dev.stratus.validate;

import static dev.stratus.validate.Validator.label;

import dev.stratus.model.Node;
import dev.stratus.model.NodeKind;
import dev.stratus.model.Project;
import dev.stratus.model.Trigger;
import dev.stratus.model.Workload;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks that workloads attach to entry triggers, one each, and that entry triggers have traffic. */
final class WorkloadChecks {

    private final Project project;

    WorkloadChecks(Project project) {
        this.project = project;
    }

    void addTo(List<Problem> problems) {
        Map<String, Node> nodes = project.architecture().nodesById();
        Set<String> loaded = new HashSet<>();
        for (Workload workload : project.workloads()) {
            Node node = nodes.get(workload.trigger());
            if (node == null) {
                problems.add(Problem.error(
                        workload.trigger(),
                        "A workload is attached to '" + workload.trigger() + "', which is not in the design."));
            } else if (!(node instanceof Trigger)) {
                problems.add(Problem.error(
                        node.id(),
                        "A workload is attached to the "
                                + node.kind().lowerName() + " " + label(node)
                                + "; workloads attach to triggers."));
            } else if (node.kind() == NodeKind.SCHEDULE_TRIGGER) {
                problems.add(Problem.error(
                        node.id(), "The schedule " + label(node) + " fires by its expression; remove its workload."));
            } else if (!loaded.add(node.id())) {
                problems.add(Problem.error(node.id(), "The trigger " + label(node) + " has two workloads; keep one."));
            }
            if (workload instanceof Workload.Trace trace
                    && trace.format() == Workload.Trace.Format.CSV
                    && trace.function() != null) {
                problems.add(Problem.warning(
                        workload.trigger(),
                        "A CSV trace has no functions to choose from; the " + "function '" + trace.function()
                                + "' of the trace at '" + workload.trigger() + "' is ignored."));
            }
        }
        for (Node node : project.architecture().nodes()) {
            if (node instanceof Trigger && node.kind() != NodeKind.SCHEDULE_TRIGGER && !loaded.contains(node.id())) {
                problems.add(Problem.warning(
                        node.id(),
                        "The " + node.kind().lowerName() + " " + label(node)
                                + " has no workload, so a simulation sends it no traffic."));
            }
        }
    }
}
