package dev.stratus.cost;

import dev.stratus.provider.ServerPrice;
import dev.stratus.sim.result.FunctionResult;
import dev.stratus.sim.result.SimulationResult;

/**
 * The design on always-on servers instead: enough servers for the simulated peak, billed every hour
 * of the month. A server of {@code V} vCPUs carries {@code V / s} requests at once, where {@code s} is
 * the functions' CPU-bound share (requests waiting on I/O share a core), and the peak is the most
 * requests running at once in the run. Only the functions and the gateway are compared: the
 * services a design calls (tables, queues, email) cost the same either way.
 *
 * <p>Serverless cost grows with traffic and servers' cost does not (until the peak needs another
 * server), so there may be a request rate above which servers are cheaper: with serverless costing
 * {@code c} per request per second and a server {@code P} a month, it is {@code P / c}, provided one
 * server carries that rate, that is, as long as a server's worth of traffic costs more on serverless
 * than the server. That counts servers in fractions, as if they were added as traffic grows and
 * kept busy; whole servers cost a little more. The free tier is left out: it does not scale.
 *
 * @param serverName the server it is compared with
 * @param hourlyPrice its price, USD per hour
 * @param servers servers needed for the simulated peak
 * @param monthlyServerCost those servers for a 30-day month, USD
 * @param monthlyServerlessCost the design's functions and gateway on serverless for the same month, USD
 * @param currentRequestsPerSecond the simulated traffic, requests per second
 * @param breakEvenRequestsPerSecond the rate above which servers are cheaper; {@code null} when
 *     serverless stays cheaper at any rate
 * @param requestsPerSecondPerServer the request rate one server carries at the simulated ratio of
 *     peak to mean traffic; 0 when the run had no traffic
 */
public record BreakEven(
        String serverName,
        double hourlyPrice,
        int servers,
        double monthlyServerCost,
        double monthlyServerlessCost,
        double currentRequestsPerSecond,
        Double breakEvenRequestsPerSecond,
        double requestsPerSecondPerServer) {

    private static final double MONTH_HOURS = 720;

    /**
     * Compares the simulated design with always-on servers.
     *
     * @param result the simulation
     * @param serverlessWithoutFreeTier the design's monthly cost with the free tier off
     * @param server the server to compare with
     * @param hourlyPrice its price per hour (the server's own, or the user's)
     * @param cpuBoundShare the functions' CPU-bound share, 0 to 1, weighted by their invocations
     */
    public static BreakEven of(
            SimulationResult result,
            DesignCost serverlessWithoutFreeTier,
            ServerPrice server,
            double hourlyPrice,
            double cpuBoundShare) {
        int sampledPeak = 0;
        for (int busy : result.timeSeries().busyInstances()) {
            sampledPeak = Math.max(sampledPeak, busy);
        }
        int peak = Math.max(
                sampledPeak,
                result.functions().stream()
                        .mapToInt(FunctionResult::peakConcurrency)
                        .max()
                        .orElse(0));
        double vcpus = Math.max(1, server.vcpu().value()) / Math.max(0.05, cpuBoundShare);
        int servers = Math.max(1, (int) Math.ceil(peak / vcpus));
        double serverMonth = hourlyPrice * MONTH_HOURS;
        double rate = serverlessWithoutFreeTier.monthlyRequests() / (MONTH_HOURS * 3600);
        double cost = serverlessWithoutFreeTier.monthly().total()
                - serverlessWithoutFreeTier.monthly().services();
        Double breakEven = null;
        double oneServerCarries = rate > 0 && peak > 0 ? vcpus * rate / peak : 0;
        if (rate > 0 && cost > 0 && peak > 0) {
            double costPerRequestPerSecond = cost / rate;
            double candidate = serverMonth / costPerRequestPerSecond;
            if (candidate <= oneServerCarries) {
                breakEven = candidate;
            }
        }
        return new BreakEven(
                server.name(), hourlyPrice, servers, servers * serverMonth, cost, rate, breakEven, oneServerCarries);
    }

    /**
     * The design's functions and gateway on serverless for a month at {@code requestsPerSecond}: the
     * simulated month's cost scaled with the traffic (no free tier), USD.
     */
    public double serverlessCostAt(double requestsPerSecond) {
        return currentRequestsPerSecond <= 0 ? 0 : monthlyServerlessCost * requestsPerSecond / currentRequestsPerSecond;
    }

    /**
     * Always-on servers for a month at {@code requestsPerSecond}: as many whole servers as that
     * traffic needs at the simulated ratio of peak to mean, at least one, USD.
     */
    public double serverCostAt(double requestsPerSecond) {
        int count = requestsPerSecondPerServer <= 0
                ? servers
                : Math.max(1, (int) Math.ceil(requestsPerSecond / requestsPerSecondPerServer - 1e-9));
        return count * hourlyPrice * MONTH_HOURS;
    }
}
