package dev.stratus.learn;

import dev.stratus.model.Architecture;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.HttpTrigger;
import dev.stratus.model.KeepAlive;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.Workload;
import dev.stratus.run.RunReport;
import dev.stratus.sim.result.FunctionResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A guided experiment: the learner's design run twice with one change (three times, once per
 * provider, for {@link #PROVIDERS}), so the runs can be compared side by side. Every change applies
 * to every function of the design, or to its traffic; the values are fixed, so an experiment means
 * the same on every design:
 *
 * <ul>
 *   <li>{@link #KEEP_ALIVE}: a fixed keep-alive of 0 against one of {@value #KEEP_ALIVE_SECONDS} s.
 *   <li>{@link #TRAFFIC}: every workload at {@value #LOW_TRAFFIC} and at {@value #HIGH_TRAFFIC} times
 *       its rate (a replayed trace cannot be scaled and stays as recorded).
 *   <li>{@link #MEMORY}: {@value #LOW_MEMORY_MB} MB against {@value #HIGH_MEMORY_MB} MB, the size at
 *       which AWS Lambda gives a whole vCPU.
 *   <li>{@link #PROVISIONED}: none against each function's peak instances in the run without
 *       (so the second run has enough warm instances for every request of the first), capped at the
 *       function's reserved concurrency; before that run is known, {@value #PROVISIONED_WITHOUT_RUN}.
 *   <li>{@link #SPIKE_VS_LIMIT}: the traffic at the design's first HTTP trigger (else its first
 *       workload) replaced by its own mean rate with a spike of {@value #SPIKE_FACTOR} times that
 *       (at least {@value #SPIKE_MIN_PER_SECOND}/s) from {@value #SPIKE_START_SECONDS} s for
 *       {@value #SPIKE_SECONDS} s, run with a concurrency limit of {@value #SPIKE_LIMIT} per function
 *       and with none.
 *   <li>{@link #PROVIDERS}: the design on AWS Lambda, Azure Functions (Consumption) and Google Cloud
 *       Functions (1st gen).
 * </ul>
 */
public enum Experiment {
    KEEP_ALIVE(
            "keep-alive",
            "Keep-alive: 0 against 10 minutes",
            "How many requests start cold when idle instances are reclaimed at once, and how much slower"
                    + " are they?"),
    TRAFFIC(
            "traffic",
            "Low against high traffic",
            "Does a busier design start cold less often, and how does the bill follow the traffic?"),
    MEMORY(
            "memory",
            "Memory: 128 MB against 1,769 MB",
            "Does more memory make functions faster, and does it cost more or less?"),
    PROVISIONED(
            "provisioned",
            "With and without provisioned concurrency",
            "Do instances kept warm remove cold starts, and what do they add to the bill?"),
    SPIKE_VS_LIMIT(
            "spike",
            "A traffic spike against a concurrency limit",
            "What happens to requests in a spike when a function may only run a few instances at once?"),
    PROVIDERS(
            "providers",
            "AWS against Azure against Google",
            "What does the same design cost, and how fast is it, on each provider?");

    /** The longer keep-alive of {@link #KEEP_ALIVE}, seconds: AWS Lambda's older figure. */
    public static final double KEEP_ALIVE_SECONDS = 600;

    public static final double LOW_TRAFFIC = 0.1;
    public static final double HIGH_TRAFFIC = 10;
    public static final int LOW_MEMORY_MB = 128;
    public static final int HIGH_MEMORY_MB = 1769;

    /** Provisioned instances per function when {@link #PROVISIONED} is planned without a first run. */
    public static final int PROVISIONED_WITHOUT_RUN = 5;

    public static final int SPIKE_LIMIT = 5;
    public static final double SPIKE_FACTOR = 10;
    public static final double SPIKE_MIN_PER_SECOND = 20;
    public static final double SPIKE_START_SECONDS = 60;
    public static final double SPIKE_SECONDS = 60;

    /** The providers {@link #PROVIDERS} compares, in this order. */
    public static final List<Provider> COMPARED_PROVIDERS = List.of(Provider.AWS, Provider.AZURE, Provider.GCP);

    private final String id;
    private final String title;
    private final String question;

    Experiment(String id, String title, String question) {
        this.id = id;
        this.title = title;
        this.question = question;
    }

    /** The experiment's name on the command line: {@code keep-alive}, {@code spike}. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** What the learner will find out. */
    public String question() {
        return question;
    }

    public static Optional<Experiment> fromId(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
    }

    /**
     * Why this experiment cannot run on {@code project}, and what would let it; empty when it can.
     * Every experiment needs a function; traffic and spike need a workload to change.
     */
    public Optional<String> whyNot(Project project) {
        if (project.architecture().nodesOf(FunctionNode.class).findAny().isEmpty()) {
            return Optional.of("The design has no function to experiment on: add one and connect a trigger to it.");
        }
        boolean scalable = project.workloads().stream().anyMatch(w -> !(w instanceof Workload.Trace));
        if (this == TRAFFIC && !scalable) {
            return Optional.of(
                    project.workloads().isEmpty()
                            ? "The design has no workload to make lighter or heavier: add traffic at one of its triggers."
                            : "The design's traffic is replayed from traces, which play as recorded and cannot be scaled:"
                                    + " add a workload with a rate.");
        }
        if (this == SPIKE_VS_LIMIT && project.workloads().isEmpty()) {
            return Optional.of("The design has no workload to add a spike to: add traffic at one of its triggers.");
        }
        return Optional.empty();
    }

    /** The variants of {@code project}, planned before any run: see {@link #variants(Project, RunReport)}. */
    public List<Variant> variants(Project project) {
        return variants(project, null);
    }

    /**
     * The variants of {@code project}: two, three for {@link #PROVIDERS}.
     *
     * @param firstRun a run of the first variant, or {@code null}: {@link #PROVISIONED} provisions each
     *     function for its peak instances there, and {@value #PROVISIONED_WITHOUT_RUN} without it; the
     *     others do not use it
     */
    public List<Variant> variants(Project project, RunReport firstRun) {
        Words words = Words.of(project.provider());
        return switch (this) {
            case KEEP_ALIVE ->
                List.of(
                        new Variant("keep-alive 0", keepAlive(project, 0)),
                        new Variant(
                                "keep-alive " + Numbers.duration(KEEP_ALIVE_SECONDS),
                                keepAlive(project, KEEP_ALIVE_SECONDS)));
            case TRAFFIC ->
                List.of(
                        new Variant(factor(LOW_TRAFFIC) + " traffic", traffic(project, LOW_TRAFFIC)),
                        new Variant(factor(HIGH_TRAFFIC) + " traffic", traffic(project, HIGH_TRAFFIC)));
            case MEMORY ->
                List.of(
                        new Variant(
                                Numbers.count(LOW_MEMORY_MB) + " MB",
                                everyFunction(project, f -> f.withMemoryMb(LOW_MEMORY_MB))),
                        new Variant(
                                Numbers.count(HIGH_MEMORY_MB) + " MB",
                                everyFunction(project, f -> f.withMemoryMb(HIGH_MEMORY_MB))));
            case PROVISIONED -> {
                String name = words.provisioned().orElse("provisioned concurrency");
                Map<String, Integer> peaks = peaks(firstRun);
                yield List.of(
                        new Variant("no " + name, everyFunction(project, f -> provisioned(f, 0))),
                        new Variant(
                                name + (firstRun == null ? " " + PROVISIONED_WITHOUT_RUN : " for the peak"),
                                everyFunction(
                                        project,
                                        f -> provisioned(f, peaks.getOrDefault(f.id(), PROVISIONED_WITHOUT_RUN)))));
            }
            case SPIKE_VS_LIMIT -> {
                Project spiked = spiked(project);
                yield List.of(
                        new Variant(
                                words.concurrencyLimit() + " " + SPIKE_LIMIT,
                                everyFunction(
                                        spiked,
                                        f -> f.withConcurrency(
                                                SPIKE_LIMIT, Math.min(f.provisionedConcurrency(), SPIKE_LIMIT)))),
                        new Variant(
                                "no " + words.concurrencyLimit(),
                                everyFunction(spiked, f -> f.withConcurrency(null, f.provisionedConcurrency()))));
            }
            case PROVIDERS ->
                COMPARED_PROVIDERS.stream()
                        .map(p -> new Variant(p.displayName(), project.withProvider(p)))
                        .toList();
        };
    }

    /** The spike {@link #SPIKE_VS_LIMIT} puts in place of {@code workload}'s traffic. */
    public static Workload.Spike spikeFor(Workload workload) {
        double base = meanRate(workload);
        return new Workload.Spike(
                workload.trigger(),
                base,
                Math.max(base * SPIKE_FACTOR, SPIKE_MIN_PER_SECOND),
                SPIKE_START_SECONDS,
                SPIKE_SECONDS,
                0);
    }

    /** The workload {@link #SPIKE_VS_LIMIT} changes: the first at an HTTP trigger, else the first. */
    static int spikedWorkload(Project project) {
        List<Workload> workloads = project.workloads();
        for (int i = 0; i < workloads.size(); i++) {
            boolean http = project.architecture()
                    .node(workloads.get(i).trigger())
                    .filter(HttpTrigger.class::isInstance)
                    .isPresent();
            if (http) {
                return i;
            }
        }
        return 0;
    }

    private static Project spiked(Project project) {
        List<Workload> workloads = new ArrayList<>(project.workloads());
        int index = spikedWorkload(project);
        workloads.set(index, spikeFor(workloads.get(index)));
        return project.withWorkloads(workloads);
    }

    /** A workload's mean rate, requests per second; a trace's is not known here, so 1/s. */
    private static double meanRate(Workload workload) {
        if (workload instanceof Workload.Constant c) {
            return c.ratePerSecond();
        } else if (workload instanceof Workload.Poisson p) {
            return p.ratePerSecond();
        } else if (workload instanceof Workload.Ramp r) {
            return r.toPerSecond();
        } else if (workload instanceof Workload.Spike s) {
            return s.basePerSecond();
        } else if (workload instanceof Workload.Diurnal d) {
            return d.meanPerSecond();
        }
        return 1;
    }

    /** A traffic factor as a label says it: {@code ×0.1}, {@code ×10}. */
    static String factor(double factor) {
        return "×" + (factor == Math.rint(factor) ? String.format(Locale.ROOT, "%.0f", factor) : factor);
    }

    private static Project keepAlive(Project project, double seconds) {
        return everyFunction(project, f -> f.withKeepAlive(KeepAlive.fixed(seconds)));
    }

    private static Project traffic(Project project, double factor) {
        return project.withWorkloads(
                project.workloads().stream().map(w -> w.scaledBy(factor)).toList());
    }

    /** {@code function} with {@code count} provisioned, no more than its reserved concurrency allows. */
    private static FunctionNode provisioned(FunctionNode function, int count) {
        Integer reserved = function.reservedConcurrency();
        return function.withConcurrency(reserved, reserved == null ? count : Math.min(count, reserved));
    }

    private static Map<String, Integer> peaks(RunReport run) {
        Map<String, Integer> peaks = new HashMap<>();
        if (run != null) {
            for (FunctionResult f : run.simulation().functions()) {
                peaks.put(f.id(), f.peakInstances());
            }
        }
        return peaks;
    }

    /** {@code project} with {@code change} made to every function. */
    static Project everyFunction(Project project, UnaryOperator<FunctionNode> change) {
        Architecture architecture = project.architecture();
        for (FunctionNode function : architecture.nodesOf(FunctionNode.class).toList()) {
            architecture = architecture.replacing(change.apply(function));
        }
        return project.withArchitecture(architecture);
    }
}
