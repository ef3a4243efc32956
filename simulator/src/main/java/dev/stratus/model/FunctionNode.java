package dev.stratus.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A serverless function and the settings the platform runs it with.
 *
 * @param runtime the language runtime, as the providers name it ({@code java21}, {@code java17})
 * @param architecture the processor architecture
 * @param memoryMb memory size in MB
 * @param timeoutSeconds the longest a run may take, seconds
 * @param handler fully qualified class name of the handler, or {@code null} for a generated one
 * @param code the handler's Java source, or {@code null} when the function has none yet
 * @param environment environment variables, sorted by name
 * @param reservedConcurrency the most instances this function may run at once, or {@code null} for
 *     the account's limit alone
 * @param provisionedConcurrency instances kept warm at all times
 * @param instanceConcurrency requests one instance serves at once (1 on AWS Lambda)
 * @param keepAlive how long an idle instance is kept
 * @param execution time the handler's own work takes per request, milliseconds, without the calls it
 *     makes to services and other functions
 * @param coldStart this function's cold-start init time, overriding the provider's runtime profile,
 *     or {@code null} to use the profile
 * @param cpuBound the share of {@code execution} that is CPU work, 0 to 1, which speeds up with a
 *     bigger CPU share when memory grows; {@code null} for the default, {@value #DEFAULT_CPU_BOUND}
 * @param executionMemoryMb the memory size {@code execution} was measured at, MB, when it is not
 *     {@code memoryMb}: the simulation then scales the CPU-bound share of the work by the CPU the
 *     provider gives each size; {@code null} when {@code execution} is at {@code memoryMb}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionNode(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String name,
        String runtime,
        Architecture architecture,
        @JsonProperty(required = true) int memoryMb,
        @JsonProperty(required = true) double timeoutSeconds,
        String handler,
        String code,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> environment,
        Integer reservedConcurrency,
        int provisionedConcurrency,
        Integer instanceConcurrency,
        KeepAlive keepAlive,
        @JsonProperty(required = true) Distribution execution,
        Distribution coldStart,
        Double cpuBound,
        Integer executionMemoryMb)
        implements Node {

    /** The CPU-bound share of a function that does not say: half its work waits on I/O. */
    public static final double DEFAULT_CPU_BOUND = 0.5;

    public static final String DEFAULT_RUNTIME = "java21";

    /** Processor architectures a function can run on. */
    public enum Architecture {
        X86_64("x86_64"),
        ARM64("arm64");

        private final String id;

        Architecture(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }
    }

    public FunctionNode {
        Checks.text(id, "id");
        name = name == null ? "" : name;
        runtime = runtime == null || runtime.isBlank() ? DEFAULT_RUNTIME : runtime;
        architecture = architecture == null ? Architecture.X86_64 : architecture;
        if (memoryMb <= 0) {
            throw new IllegalArgumentException("memoryMb must be a positive number of MB, not " + memoryMb);
        }
        Checks.positive(timeoutSeconds, "timeoutSeconds");
        environment =
                environment == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(environment));
        if (reservedConcurrency != null) {
            Checks.nonNegative(reservedConcurrency, "reservedConcurrency");
        }
        Checks.nonNegative(provisionedConcurrency, "provisionedConcurrency");
        instanceConcurrency = instanceConcurrency == null ? 1 : instanceConcurrency;
        if (instanceConcurrency < 1) {
            throw new IllegalArgumentException("instanceConcurrency must be at least 1, not " + instanceConcurrency);
        }
        keepAlive = keepAlive == null ? KeepAlive.PROVIDER_DEFAULT : keepAlive;
        Objects.requireNonNull(execution, "execution is missing");
        if (cpuBound != null && !(cpuBound >= 0 && cpuBound <= 1)) {
            throw new IllegalArgumentException("cpuBound must be between 0 and 1, not " + cpuBound);
        }
        if (executionMemoryMb != null && executionMemoryMb <= 0) {
            throw new IllegalArgumentException(
                    "executionMemoryMb must be a positive number of MB, not " + executionMemoryMb);
        }
        // Measured at the memory it has: nothing to scale, and one way to write it.
        if (executionMemoryMb != null && executionMemoryMb == memoryMb) {
            executionMemoryMb = null;
        }
    }

    /** A function whose {@code execution} is at {@code memoryMb}. */
    public FunctionNode(
            String id,
            String name,
            String runtime,
            Architecture architecture,
            int memoryMb,
            double timeoutSeconds,
            String handler,
            String code,
            Map<String, String> environment,
            Integer reservedConcurrency,
            int provisionedConcurrency,
            Integer instanceConcurrency,
            KeepAlive keepAlive,
            Distribution execution,
            Distribution coldStart,
            Double cpuBound) {
        this(
                id,
                name,
                runtime,
                architecture,
                memoryMb,
                timeoutSeconds,
                handler,
                code,
                environment,
                reservedConcurrency,
                provisionedConcurrency,
                instanceConcurrency,
                keepAlive,
                execution,
                coldStart,
                cpuBound,
                null);
    }

    /** The memory size {@code execution} was measured at: {@code executionMemoryMb}, else {@code memoryMb}. */
    public int executionMeasuredAtMb() {
        return executionMemoryMb == null ? memoryMb : executionMemoryMb;
    }

    /** The CPU-bound share of the execution time, 0 to 1. */
    public double cpuBoundShare() {
        return cpuBound == null ? DEFAULT_CPU_BOUND : cpuBound;
    }

    /** A function with the defaults a new one gets in the studio: 512 MB, 30 s, 50 ms of work. */
    public static FunctionNode of(String id, String name) {
        return new FunctionNode(
                id,
                name,
                null,
                null,
                512,
                30,
                null,
                null,
                null,
                null,
                0,
                null,
                null,
                Distribution.lognormal(50, 0.5),
                null,
                null);
    }

    @Override
    @JsonIgnore
    public NodeKind kind() {
        return NodeKind.FUNCTION;
    }

    @Override
    public FunctionNode withName(String name) {
        return new FunctionNode(
                id,
                name,
                runtime,
                architecture,
                memoryMb,
                timeoutSeconds,
                handler,
                code,
                environment,
                reservedConcurrency,
                provisionedConcurrency,
                instanceConcurrency,
                keepAlive,
                execution,
                coldStart,
                cpuBound,
                executionMemoryMb);
    }

    /**
     * The same function with {@code memoryMb}: the same code, so its execution stays as it was
     * measured (at {@link #executionMeasuredAtMb()}), and the simulation gives it the CPU of its new
     * size, as a memory change does on the provider.
     */
    public FunctionNode withMemoryMb(int memoryMb) {
        int measuredAt = executionMeasuredAtMb();
        return new FunctionNode(
                id,
                name,
                runtime,
                architecture,
                memoryMb,
                timeoutSeconds,
                handler,
                code,
                environment,
                reservedConcurrency,
                provisionedConcurrency,
                instanceConcurrency,
                keepAlive,
                execution,
                coldStart,
                cpuBound,
                measuredAt);
    }

    public FunctionNode withTimeoutSeconds(double timeoutSeconds) {
        return new FunctionNode(
                id,
                name,
                runtime,
                architecture,
                memoryMb,
                timeoutSeconds,
                handler,
                code,
                environment,
                reservedConcurrency,
                provisionedConcurrency,
                instanceConcurrency,
                keepAlive,
                execution,
                coldStart,
                cpuBound,
                executionMemoryMb);
    }

    /** The function with {@code execution}, measured at its memory size. */
    public FunctionNode withExecution(Distribution execution) {
        return new FunctionNode(
                id,
                name,
                runtime,
                architecture,
                memoryMb,
                timeoutSeconds,
                handler,
                code,
                environment,
                reservedConcurrency,
                provisionedConcurrency,
                instanceConcurrency,
                keepAlive,
                execution,
                coldStart,
                cpuBound,
                null);
    }

    /** The same function with {@code keepAlive} for its idle instances. */
    public FunctionNode withKeepAlive(KeepAlive keepAlive) {
        return new FunctionNode(
                id,
                name,
                runtime,
                architecture,
                memoryMb,
                timeoutSeconds,
                handler,
                code,
                environment,
                reservedConcurrency,
                provisionedConcurrency,
                instanceConcurrency,
                keepAlive,
                execution,
                coldStart,
                cpuBound,
                executionMemoryMb);
    }

    public FunctionNode withConcurrency(Integer reserved, int provisioned) {
        return new FunctionNode(
                id,
                name,
                runtime,
                architecture,
                memoryMb,
                timeoutSeconds,
                handler,
                code,
                environment,
                reserved,
                provisioned,
                instanceConcurrency,
                keepAlive,
                execution,
                coldStart,
                cpuBound,
                executionMemoryMb);
    }
}
