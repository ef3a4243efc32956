package dev.stratus.cost;

import dev.stratus.model.ApiGateway;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Node;
import dev.stratus.model.NodeKind;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.provider.Bill;
import dev.stratus.provider.CostModel;
import dev.stratus.provider.FunctionUsage;
import dev.stratus.provider.GatewayUsage;
import dev.stratus.provider.PriceBook;
import dev.stratus.provider.ServiceUsage;
import dev.stratus.sim.result.EntryResult;
import dev.stratus.sim.result.FunctionResult;
import dev.stratus.sim.result.ServiceResult;
import dev.stratus.sim.result.SimulationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bill for a simulated design: its usage scaled from the simulated period to a 30-day month and
 * priced by the {@link CostModel}, with the free tier applied to the month.
 *
 * <p>What is priced: each function's invocations (throttled ones are not billed) and billed duration,
 * as the provider rounds it per run; provisioned concurrency; on AWS, the API gateway's requests and
 * the services that charge per request — database calls as DynamoDB writes (an upper bound: reads
 * cost a fifth), queue sends plus a receive and a delete per batch as SQS requests, topic publishes
 * as SNS, bucket writes as S3 PUTs and emails as SES. Data transfer and storage are not priced.
 *
 * @param monthly the bill for a 30-day month of this traffic
 * @param period the same bill for the simulated period alone (the monthly one, pro rata)
 * @param monthlyRequests requests arriving at the design's triggers in the month
 * @param byNode each node's share of the monthly bill, in the order of the design's nodes: every
 *     function, and where the provider's bill prices them (AWS) every API gateway and every database,
 *     queue, topic, bucket and email service, 0 when unused; external APIs, and gateways and services
 *     elsewhere, are not priced and not listed. Each part of the bill (functions, gateways,
 *     services) is split in proportion to what each of its nodes would cost alone with no free tier;
 *     the shares add up to the bill's total
 */
public record DesignCost(Bill monthly, double period, double monthlyRequests, List<NodeCost> byNode) {

    public DesignCost {
        byNode = List.copyOf(byNode);
    }

    /**
     * Prices {@code result}, a simulation of {@code project} on the project's provider, over more
     * than no simulated time.
     */
    public static DesignCost of(Project project, SimulationResult result, PriceBook book, boolean freeTier) {
        if (!(result.simulatedSeconds() > 0)) {
            throw new IllegalArgumentException("a run of no simulated time has no bill");
        }
        double scale = CostModel.MONTH_SECONDS / result.simulatedSeconds();
        Provider provider = project.provider();
        Map<String, Node> nodes = project.architecture().nodesById();
        List<NodeShares.Use<FunctionUsage>> functions = new ArrayList<>();
        for (FunctionResult f : result.functions()) {
            FunctionNode node = (FunctionNode) nodes.get(f.id());
            long billedInvocations = Math.max(0, f.invocations() - f.throttles());
            double billed = f.billedSeconds() + f.provisionedBilledSeconds();
            functions.add(new NodeShares.Use<>(
                    node,
                    new FunctionUsage(
                            f.name(),
                            provider,
                            node.architecture(),
                            f.memoryMb(),
                            Math.round(billedInvocations * scale),
                            billed * scale,
                            f.provisionedInstances(),
                            f.provisionedInstances() > 0 ? f.provisionedBilledSeconds() * scale : 0)));
        }
        List<NodeShares.Use<GatewayUsage>> gateways = new ArrayList<>();
        List<NodeShares.Use<ServiceUsage>> services = new ArrayList<>();
        if (provider == Provider.AWS) {
            gateways.addAll(gateways(project, result, scale));
            services.addAll(services(project, result, scale));
        }
        Bill bill = new CostModel(book, freeTier)
                .bill(
                        usages(functions),
                        usages(gateways).stream().filter(g -> g.requests() > 0).toList(),
                        usages(services).stream().filter(s -> s.quantity() > 0).toList());
        double requests =
                result.entries().stream().mapToLong(EntryResult::requests).sum() * scale;
        List<NodeCost> byNode = NodeShares.of(project, book, bill, functions, gateways, services);
        return new DesignCost(bill, bill.total() / scale, requests, byNode);
    }

    private static <U> List<U> usages(List<NodeShares.Use<U>> uses) {
        return uses.stream().map(NodeShares.Use::usage).toList();
    }

    /** The functions' CPU-bound share, weighted by their invocations in {@code result}. */
    public static double cpuBoundShare(Project project, SimulationResult result) {
        Map<String, Node> nodes = project.architecture().nodesById();
        double weighted = 0;
        long invocations = 0;
        for (FunctionResult f : result.functions()) {
            weighted += ((FunctionNode) nodes.get(f.id())).cpuBoundShare() * f.invocations();
            invocations += f.invocations();
        }
        return invocations == 0 ? FunctionNode.DEFAULT_CPU_BOUND : weighted / invocations;
    }

    /** The monthly cost per million requests arriving at the design. */
    public double perMillionRequests() {
        return monthlyRequests == 0 ? 0 : monthly.total() / (monthlyRequests / 1e6);
    }

    /** Each gateway's requests: those of the triggers that feed it. */
    private static List<NodeShares.Use<GatewayUsage>> gateways(Project project, SimulationResult result, double scale) {
        List<NodeShares.Use<GatewayUsage>> usage = new ArrayList<>();
        project.architecture().nodesOf(ApiGateway.class).forEach(gateway -> {
            long requests = 0;
            for (EntryResult e : result.entries()) {
                boolean feedsGateway = project.architecture().edgesFrom(e.id()).stream()
                        .anyMatch(edge -> edge.to().equals(gateway.id()));
                if (feedsGateway) {
                    requests += e.requests();
                }
            }
            usage.add(new NodeShares.Use<>(gateway, new GatewayUsage(gateway.type(), Math.round(requests * scale))));
        });
        return usage;
    }

    /** Each service the provider prices per use: its calls that were not throttled. */
    private static List<NodeShares.Use<ServiceUsage>> services(Project project, SimulationResult result, double scale) {
        List<NodeShares.Use<ServiceUsage>> usage = new ArrayList<>();
        Map<String, Node> nodes = project.architecture().nodesById();
        for (ServiceResult s : result.services()) {
            double calls = (s.calls() - s.throttles()) * scale;
            Node node = nodes.get(s.id());
            String service = switch (node.kind()) {
                case DATABASE -> "dynamodb-write";
                case TOPIC -> "sns";
                case BUCKET -> "s3-put";
                case EMAIL -> "ses";
                case QUEUE -> "sqs";
                default -> null;
            };
            if (node.kind() == NodeKind.QUEUE) {
                calls += 2 * batches(project, result, s.id()) * scale;
            }
            if (service != null) {
                usage.add(new NodeShares.Use<>(node, new ServiceUsage(service, calls)));
            }
        }
        return usage;
    }

    /** Batches taken from a queue: the invocations of the function it feeds. */
    private static long batches(Project project, SimulationResult result, String queueId) {
        return project.architecture().edgesFrom(queueId).stream()
                .flatMap(edge -> result.functions().stream().filter(f -> f.id().equals(edge.to())))
                .mapToLong(f -> f.invocations() - f.throttles())
                .sum();
    }
}
