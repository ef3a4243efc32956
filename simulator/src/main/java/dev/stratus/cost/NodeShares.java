package dev.stratus.cost;

import dev.stratus.model.Node;
import dev.stratus.model.Project;
import dev.stratus.provider.Bill;
import dev.stratus.provider.CostModel;
import dev.stratus.provider.FunctionUsage;
import dev.stratus.provider.GatewayUsage;
import dev.stratus.provider.PriceBook;
import dev.stratus.provider.ServiceUsage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Splits a bill among the nodes that ran it up. Each part of the bill — the functions' (requests,
 * compute, provisioned concurrency), the gateways', the services' — goes to its nodes in proportion
 * to what each would cost alone with no free tier, so that tiers and free allowances shared by
 * several nodes are shared in the same proportion; where none would cost anything alone but the part
 * is not 0, evenly. The shares add up to the bill's total.
 */
final class NodeShares {

    /** One node and its month of use. */
    record Use<U>(Node node, U usage) {}

    private NodeShares() {}

    static List<NodeCost> of(
            Project project,
            PriceBook book,
            Bill bill,
            List<Use<FunctionUsage>> functions,
            List<Use<GatewayUsage>> gateways,
            List<Use<ServiceUsage>> services) {
        CostModel alone = new CostModel(book, false);
        Map<String, Double> shares = new HashMap<>();
        split(bill.requests() + bill.compute() + bill.provisioned(), functions, shares, usage -> {
            Bill own = alone.bill(List.of(usage));
            return own.requests() + own.compute() + own.provisioned();
        });
        split(
                bill.gateway(),
                gateways,
                shares,
                usage -> alone.bill(List.of(), List.of(usage), List.of()).gateway());
        split(
                bill.services(),
                services,
                shares,
                usage -> alone.bill(List.of(), List.of(), List.of(usage)).services());
        List<NodeCost> costs = new ArrayList<>();
        for (Node node : project.architecture().nodes()) {
            Double share = shares.get(node.id());
            if (share != null) {
                costs.add(new NodeCost(node.id(), node.name(), node.kind().id(), share));
            }
        }
        return costs;
    }

    private static <U> void split(
            double part, List<Use<U>> uses, Map<String, Double> shares, ToDoubleFunction<U> alone) {
        double[] weights = new double[uses.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = alone.applyAsDouble(uses.get(i).usage());
        }
        double[] split = split(part, weights);
        for (int i = 0; i < split.length; i++) {
            shares.merge(uses.get(i).node().id(), split[i], Double::sum);
        }
    }

    /** {@code part} in proportion to {@code weights}; evenly when they are all 0. */
    static double[] split(double part, double[] weights) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        double[] shares = new double[weights.length];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = sum > 0 ? part * weights[i] / sum : part / shares.length;
        }
        return shares;
    }
}
