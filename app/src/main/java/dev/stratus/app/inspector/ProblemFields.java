package dev.stratus.app.inspector;

import dev.stratus.validate.Problem;
import java.util.Optional;

/**
 * Which inspector field a Validator problem is about, read from its message: "Memory 12,000 MB is
 * above ..." is about {@code memoryMb}. Problems name their element, not their field, so this
 * follows the Validator's wording; a message it does not know is shown without flagging a field.
 */
final class ProblemFields {

    private ProblemFields() {}

    static Optional<String> keyOf(Problem problem) {
        String m = problem.message();
        String key = null;
        if (m.startsWith("Memory ")) {
            key = "memoryMb";
        } else if (m.startsWith("Timeout ")) {
            key = "timeoutSeconds";
        } else if (m.startsWith("Provisioned concurrency") || m.contains("no provisioned concurrency")) {
            key = "provisionedConcurrency";
        } else if (m.contains("instance concurrency")) {
            key = "instanceConcurrency";
        } else if (m.startsWith("Its work takes")) {
            key = "executionMeanMs";
        } else if (m.contains("has no name") || m.startsWith("Two nodes are named")) {
            key = "name";
        } else if (m.startsWith("HTTP APIs have no response cache")) {
            key = "cacheEnabled";
        } else if (m.startsWith("HTTP APIs do not check API keys")) {
            key = "auth";
        } else if (m.startsWith("The schedule ") && m.contains(" is invalid")) {
            key = "expression";
        } else if (m.contains("batching window")) {
            key = "batchWindowSeconds";
        } else if (m.startsWith("A batch of")) {
            key = "batchSize";
        } else if (m.contains("sync or async")) {
            key = "invocation";
        } else if (m.contains("route") && !m.startsWith("Only an API gateway")) {
            key = "route";
        } else if (m.contains("workload")) {
            key = "workloadType";
        }
        return Optional.ofNullable(key);
    }
}
