package dev.stratus.cost;

/**
 * One memory size of a sweep: the function's latency (from its invocation to its answer, ms), its
 * cold starts, and what it costs a month (its own requests, compute and provisioned concurrency).
 *
 * @param marks "cheapest", "fastest", "balanced" where this size is that pick
 */
public record SweepPoint(
        int memoryMb,
        double p50Ms,
        double p95Ms,
        double p99Ms,
        double coldStartPercent,
        double monthlyCost,
        double costPerMillion,
        java.util.List<String> marks) {

    public SweepPoint {
        marks = java.util.List.copyOf(marks);
    }

    SweepPoint marked(String mark) {
        java.util.List<String> more = new java.util.ArrayList<>(marks);
        more.add(mark);
        return new SweepPoint(memoryMb, p50Ms, p95Ms, p99Ms, coldStartPercent, monthlyCost, costPerMillion, more);
    }
}
