package dev.stratus.validate;

import static dev.stratus.validate.Validator.label;

import dev.stratus.model.ApiGateway;
import dev.stratus.model.Architecture;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Node;
import dev.stratus.model.NodeKind;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.ScheduleExpression;
import dev.stratus.model.ScheduleTrigger;
import dev.stratus.model.Service;
import dev.stratus.model.Trigger;
import dev.stratus.provider.Limits;
import dev.stratus.provider.PriceBook;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Checks of each node on its own: ids, names, settings within the provider's limits, schedules. */
final class NodeChecks {

    private final Architecture architecture;
    private final Provider provider;
    private final Limits limits;

    NodeChecks(Project project) {
        this.architecture = project.architecture();
        this.provider = project.provider();
        this.limits = Limits.of(provider);
    }

    void addTo(List<Problem> problems) {
        Set<String> ids = new HashSet<>();
        Map<String, Node> names = new HashMap<>();
        for (Node node : architecture.nodes()) {
            if (!ids.add(node.id())) {
                problems.add(
                        Problem.error(node.id(), "Two nodes have the id '" + node.id() + "'; ids must be unique."));
            }
            if (node.name().isBlank()) {
                problems.add(Problem.error(node.id(), "This " + node.kind().lowerName() + " has no name."));
            } else {
                Node same = names.putIfAbsent(node.name().toLowerCase(Locale.ROOT), node);
                if (same != null && !same.id().equals(node.id())) {
                    problems.add(
                            Problem.error(
                                    node.id(),
                                    "Two nodes are named " + label(node)
                                            + " (the other is " + same.kind().lowerName() + " '" + same.id()
                                            + "'); names become cloud resource names and must be unique, whatever their case."));
                }
            }
            checkConnections(node, problems);
            if (node instanceof FunctionNode function) {
                checkFunction(function, problems);
            } else if (node instanceof ScheduleTrigger schedule) {
                checkSchedule(schedule, problems);
            } else if (node instanceof ApiGateway gateway) {
                checkGateway(gateway, problems);
            }
        }
    }

    private void checkConnections(Node node, List<Problem> problems) {
        boolean hasOut = !architecture.edgesFrom(node.id()).isEmpty();
        boolean hasIn = !architecture.edgesTo(node.id()).isEmpty();
        if (node instanceof Trigger) {
            if (!hasOut) {
                problems.add(Problem.error(
                        node.id(),
                        "The " + node.kind().lowerName()
                                + " " + label(node) + " is connected to nothing; connect it to a function"
                                + (node.kind() == NodeKind.HTTP_TRIGGER ? " or an API gateway." : ".")));
            }
        } else if (node instanceof ApiGateway) {
            if (!hasOut) {
                problems.add(
                        Problem.error(
                                node.id(),
                                "The API gateway " + label(node)
                                        + " has no routes; connect it to a function and give the edge a route like GET /items."));
            }
            if (!hasIn) {
                problems.add(Problem.warning(
                        node.id(),
                        "No HTTP trigger feeds the API gateway " + label(node) + ", so it receives no requests."));
            }
        } else if (node instanceof FunctionNode) {
            if (!hasIn) {
                problems.add(Problem.warning(
                        node.id(),
                        "Nothing triggers the function " + label(node)
                                + "; it will never run. Connect a trigger, a route or a caller to it."));
            }
        } else if (node instanceof Service) {
            if (!hasIn) {
                problems.add(Problem.warning(
                        node.id(), "No function uses the " + node.kind().lowerName() + " " + label(node) + "."));
            }
        }
    }

    private void checkFunction(FunctionNode function, List<Problem> problems) {
        String id = function.id();
        String who = provider.displayName();
        int memory = function.memoryMb();
        if (!limits.memorySizesMb().isEmpty() && !limits.memorySizesMb().contains(memory)) {
            problems.add(Problem.error(
                    id,
                    "Memory " + mb(memory) + " is not a size " + who + " offers; choose one of "
                            + String.join(
                                    ", ",
                                    limits.memorySizesMb().stream()
                                            .map(NodeChecks::mb)
                                            .toList()) + "."));
        } else if (memory > limits.maxMemoryMb()) {
            problems.add(Problem.error(
                    id,
                    "Memory " + mb(memory) + " is above " + who + "'s maximum of " + mb(limits.maxMemoryMb()) + "."));
        } else if (memory < limits.minMemoryMb()) {
            problems.add(Problem.error(
                    id,
                    "Memory " + mb(memory) + " is below " + who + "'s minimum of " + mb(limits.minMemoryMb()) + "."));
        }
        if (function.timeoutSeconds() > limits.maxTimeoutSeconds()) {
            problems.add(Problem.error(
                    id,
                    "Timeout " + seconds(function.timeoutSeconds()) + " is above " + who + "'s maximum of "
                            + seconds(limits.maxTimeoutSeconds()) + "."));
        }
        Integer reserved = function.reservedConcurrency();
        if (reserved != null && reserved < function.provisionedConcurrency()) {
            problems.add(Problem.error(
                    id,
                    "Provisioned concurrency " + function.provisionedConcurrency()
                            + " is more than the reserved concurrency " + reserved + "; it cannot be."));
        }
        boolean offersProvisioned = PriceBook.standard()
                .prices(provider)
                .compute(function.architecture())
                .provisioned()
                .isPresent();
        if (function.provisionedConcurrency() > 0 && !offersProvisioned) {
            problems.add(Problem.warning(id, who + " has no provisioned concurrency; the setting is ignored."));
        }
        if (function.instanceConcurrency() > 1 && (provider == Provider.AWS || provider == Provider.GCP)) {
            problems.add(Problem.error(
                    id,
                    who + " runs one request per instance; instance concurrency " + function.instanceConcurrency()
                            + " needs another provider."));
        }
        if (function.execution().meanMs() > function.timeoutSeconds() * 1000) {
            problems.add(Problem.warning(
                    id,
                    "Its work takes " + function.execution().meanMs()
                            + " ms on average, longer than its timeout of " + seconds(function.timeoutSeconds())
                            + ": most runs will time out."));
        }
    }

    private static void checkGateway(ApiGateway gateway, List<Problem> problems) {
        if (gateway.type() != ApiGateway.Type.HTTP) {
            return;
        }
        if (gateway.cache() != null) {
            problems.add(Problem.warning(
                    gateway.id(),
                    "HTTP APIs have no response cache; make " + label(gateway) + " a REST API or remove its cache."));
        }
        if (gateway.auth() == ApiGateway.Auth.API_KEY) {
            problems.add(Problem.warning(
                    gateway.id(),
                    "HTTP APIs do not check API keys; make " + label(gateway) + " a REST API or use JWT or IAM auth."));
        }
    }

    private void checkSchedule(ScheduleTrigger schedule, List<Problem> problems) {
        try {
            ScheduleExpression.parse(schedule.expression());
        } catch (ScheduleExpression.InvalidScheduleException e) {
            problems.add(
                    Problem.error(schedule.id(), "The schedule " + label(schedule) + " is invalid: " + e.getMessage()));
        }
    }

    private static String mb(int megabytes) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(megabytes) + " MB";
    }

    private static String seconds(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setMaximumFractionDigits(3);
        return format.format(value) + " s";
    }
}
