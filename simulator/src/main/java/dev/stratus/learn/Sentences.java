package dev.stratus.learn;

import static dev.stratus.learn.Words.capitalized;

import dev.stratus.learn.ExperimentResult.Outcome;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.Workload;
import dev.stratus.provider.PriceBook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sentence that ends an experiment: what changed between its runs and why, in their numbers,
 * and truthful where a figure did not change.
 */
final class Sentences {

    private Sentences() {}

    static String of(Experiment experiment, List<Outcome> outcomes) {
        List<String> invalid = outcomes.stream()
                .filter(o -> !o.ran())
                .map(o -> capitalized(o.variant().label()) + " could not run: " + o.problem())
                .toList();
        List<Outcome> ran = outcomes.stream().filter(Outcome::ran).toList();
        if (ran.size() < 2) {
            List<String> parts = new ArrayList<>(invalid);
            ran.forEach(o -> parts.add(alone(o)));
            return String.join(" ", parts);
        }
        String found =
                experiment == Experiment.PROVIDERS ? providers(ran) : compare(experiment, ran.get(0), ran.get(1));
        return invalid.isEmpty() ? found : found + " " + String.join(" ", invalid);
    }

    private static String compare(Experiment experiment, Outcome first, Outcome second) {
        RunFigures a = first.figures();
        RunFigures b = second.figures();
        Words words = Words.of(first.variant().project().provider());
        return switch (experiment) {
            case KEEP_ALIVE -> keepAlive(a, b, words);
            case TRAFFIC -> traffic(a, b, words);
            case MEMORY -> memory(a, b);
            case PROVISIONED -> provisioned(a, b, second.variant().project(), words);
            case SPIKE_VS_LIMIT -> spike(a, b, second.variant().project(), words);
            case PROVIDERS -> throw new IllegalArgumentException("the providers are compared all together");
        };
    }

    private static String keepAlive(RunFigures none, RunFigures kept, Words words) {
        String longer = Numbers.duration(Experiment.KEEP_ALIVE_SECONDS);
        if (none.coldStarts() == kept.coldStarts()) {
            return Numbers.count(none.coldStarts(), "invocation", "invocations")
                    + " started cold with either keep-alive, so the p95" + " end-to-end latency was "
                    + against(none.p95Ms(), kept.p95Ms(), Numbers::ms) + ".";
        }
        return "With a keep-alive of 0, " + Numbers.count(none.coldStarts()) + " of "
                + Numbers.count(none.invocations()) + " invocations started cold ("
                + Numbers.percent(none.coldStartShare())
                + ") against " + Numbers.count(kept.coldStarts()) + " (" + Numbers.percent(kept.coldStartShare())
                + ") with " + longer + ", and the p95 end-to-end latency was "
                + against(none.p95Ms(), kept.p95Ms(), Numbers::ms) + ": an idle " + words.container()
                + " is reclaimed before the next request comes, so that request waits for a new one to start.";
    }

    private static String traffic(RunFigures low, RunFigures high, Words words) {
        String shares = "At " + Experiment.factor(Experiment.LOW_TRAFFIC) + " traffic (" + Numbers.count(low.requests())
                + " requests) " + Numbers.percent(low.coldStartShare()) + " of invocations started cold; at "
                + Experiment.factor(Experiment.HIGH_TRAFFIC) + " (" + Numbers.count(high.requests()) + " requests), "
                + Numbers.percent(high.coldStartShare());
        String why = high.coldStartShare() < low.coldStartShare()
                ? ": busy " + words.containers() + " are used again before their keep-alive ends, so more requests"
                        + " find one warm."
                : high.coldStartShare() == low.coldStartShare()
                        ? ", the same share."
                        : ": the share did not fall here, as the extra traffic needed new " + words.containers()
                                + " faster than busy ones came free.";
        return shares + why + " The monthly bill was " + against(high.monthlyUsd(), low.monthlyUsd(), Numbers::usd)
                + ": you pay for each request and each second of work.";
    }

    private static String memory(RunFigures small, RunFigures big) {
        String high = Numbers.count(Experiment.HIGH_MEMORY_MB) + " MB";
        String low = Numbers.count(Experiment.LOW_MEMORY_MB) + " MB";
        String speed = "At " + high + " a function ran " + Numbers.ms(big.meanRunMs()) + " on average against "
                + Numbers.ms(small.meanRunMs()) + " at " + low + ", and the p95 end-to-end latency was "
                + against(big.p95Ms(), small.p95Ms(), Numbers::ms)
                + (big.meanRunMs() < small.meanRunMs()
                        ? ": the CPU share grows with memory."
                        : ": this design's work hardly waits on the CPU.");
        String ratio =
                String.format(Locale.ROOT, "%.1f", (double) Experiment.HIGH_MEMORY_MB / Experiment.LOW_MEMORY_MB);
        String bill;
        if (big.monthlyUsd() > small.monthlyUsd()) {
            bill = " A second at " + high + " costs " + ratio + " times one at " + low
                    + " and the shorter runs did not make up for it: the monthly bill was "
                    + against(big.monthlyUsd(), small.monthlyUsd(), Numbers::usd) + ".";
        } else if (big.monthlyUsd() < small.monthlyUsd()) {
            bill = " A second at " + high + " costs " + ratio + " times one at " + low
                    + ", yet the runs were so much shorter that the monthly bill was "
                    + against(big.monthlyUsd(), small.monthlyUsd(), Numbers::usd) + ".";
        } else {
            bill = " The monthly bill was " + Numbers.usd(big.monthlyUsd()) + " in both runs.";
        }
        return speed + bill;
    }

    private static String provisioned(RunFigures none, RunFigures with, Project provisioned, Words words) {
        boolean priced = provisioned
                .architecture()
                .nodesOf(FunctionNode.class)
                .anyMatch(f -> PriceBook.standard()
                        .prices(provisioned.provider())
                        .compute(f.architecture())
                        .provisioned()
                        .isPresent());
        if (!priced) {
            return provisioned.provider().displayName() + " has "
                    + words.provisioned()
                            .map(n -> "no " + n + " that Stratus prices")
                            .orElse(words.provisionedOrNone())
                    + ", so the setting is ignored: " + Numbers.count(none.coldStarts()) + " and "
                    + Numbers.count(with.coldStarts()) + " invocations started cold. Switch the design to AWS to"
                    + " see provisioned concurrency at work.";
        }
        int count = provisioned
                .architecture()
                .nodesOf(FunctionNode.class)
                .mapToInt(FunctionNode::provisionedConcurrency)
                .sum();
        String name = words.provisioned().orElse("provisioned concurrency");
        String colds = with.coldStarts() == 0
                ? "no invocation started cold against " + Numbers.count(none.coldStarts()) + " without"
                : Numbers.count(with.coldStarts(), "invocation", "invocations") + " started cold against "
                        + Numbers.count(none.coldStarts()) + " without";
        return "With " + words.containers(count) + " kept warm by " + name + ", " + colds
                + ", and the p99 end-to-end latency was " + against(with.p99Ms(), none.p99Ms(), Numbers::ms)
                + ". The monthly bill was " + against(with.monthlyUsd(), none.monthlyUsd(), Numbers::usd)
                + ", of which " + Numbers.usd(with.provisionedUsd()) + " pays for the warm " + words.containers()
                + " every hour, busy or not.";
    }

    private static String spike(RunFigures limited, RunFigures free, Project spiked, Words words) {
        Workload spike = spiked.workloads().get(Experiment.spikedWorkload(spiked));
        String peak = spike instanceof Workload.Spike s ? Numbers.count(Math.round(s.peakPerSecond())) + "/s" : "";
        String limit = words.concurrencyLimit() + " of " + Experiment.SPIKE_LIMIT;
        if (limited.throttles() == 0 && free.throttles() == 0) {
            return "No invocation was throttled in the spike to " + peak + ", with a " + limit + " or without:"
                    + " no function needed more than " + Experiment.SPIKE_LIMIT + " " + words.containers()
                    + " at once, or its requests waited in a queue.";
        }
        return "In the spike to " + peak + ", "
                + Numbers.count(limited.throttles(), "invocation was", "invocations were")
                + " throttled"
                + " with a " + limit + " against " + Numbers.count(free.throttles()) + " without one: the limit"
                + " caps each function at " + words.containers(Experiment.SPIKE_LIMIT)
                + ", and a request that finds them all busy is turned away. Without it the functions peaked at "
                + words.containers(free.peakInstances()) + " together.";
    }

    private static String providers(List<Outcome> ran) {
        Function<Outcome, String> name = o -> o.variant().project().provider().displayName();
        String bills = listed(ran, name, f -> Numbers.usd(f.monthlyUsd()));
        String p95 = listed(ran, name, f -> Numbers.ms(f.p95Ms()));
        String colds = listed(ran, name, f -> Numbers.count(f.coldStarts()));
        Outcome cheapest = ran.stream()
                .min(Comparator.comparingDouble(o -> o.figures().monthlyUsd()))
                .orElseThrow();
        Outcome fastest = ran.stream()
                .min(Comparator.comparingDouble(o -> o.figures().p95Ms()))
                .orElseThrow();
        boolean sameBill = ran.stream()
                        .map(o -> Numbers.usd(o.figures().monthlyUsd()))
                        .distinct()
                        .count()
                == 1;
        boolean sameP95 = ran.stream()
                        .map(o -> Numbers.ms(o.figures().p95Ms()))
                        .distinct()
                        .count()
                == 1;
        String verdict = (sameBill ? "The bill is the same on each" : "Cheapest here: " + name.apply(cheapest))
                + (sameP95 ? "; the p95 is the same on each" : "; fastest at p95: " + name.apply(fastest));
        String awsOnly = ran.stream()
                .filter(o -> o.variant().project().provider() == Provider.AWS
                        && o.report().cost() != null)
                .map(o -> o.report().cost().monthly())
                .filter(bill -> bill.gateway() + bill.services() > 0)
                .map(bill -> " AWS's bill includes " + Numbers.usd(bill.gateway() + bill.services())
                        + " for the API gateway and other services, which Stratus prices on AWS only.")
                .findFirst()
                .orElse("");
        return "Monthly bill: " + bills + "; p95 end-to-end latency: " + p95 + "; cold starts: " + colds + ". "
                + verdict + ". The providers differ in their price per request and GB-second, in how they round each"
                + " run, and in how long a cold start takes." + awsOnly;
    }

    private static String listed(List<Outcome> ran, Function<Outcome, String> name, Function<RunFigures, String> fig) {
        return ran.stream()
                .map(o -> name.apply(o) + " " + fig.apply(o.figures()))
                .collect(Collectors.joining(", "));
    }

    /** A variant's figures when it is the only one that ran. */
    private static String alone(Outcome outcome) {
        RunFigures f = outcome.figures();
        return capitalized(outcome.variant().label()) + " ran alone: " + Numbers.count(f.coldStarts())
                + " cold starts, p95 " + Numbers.ms(f.p95Ms()) + ", a monthly bill of " + Numbers.usd(f.monthlyUsd())
                + ".";
    }

    /** "{@code a} against {@code b}", or "{@code a} in both runs" when they read the same. */
    private static String against(double a, double b, Function<Double, String> format) {
        String first = format.apply(a);
        String second = format.apply(b);
        return first.equals(second) ? first + " in both runs" : first + " against " + second;
    }
}
