package dev.stratus.export.gcp;

import dev.stratus.export.ExportPlan;
import dev.stratus.export.gcp.GcpExporter.Deployment;
import dev.stratus.export.gcp.GcpExporter.Trigger;
import dev.stratus.model.FunctionNode;
import java.util.List;

/**
 * The settings of one deployment, as gcloud takes them; null where gcloud's default stands. Memory is
 * in gcloud's units ({@code 256MB} for 1st gen, {@code 256Mi} for 2nd gen), the timeout in seconds.
 */
record Settings(
        String runtime,
        String memory,
        int timeoutSeconds,
        Integer maxInstances,
        Integer minInstances,
        Integer concurrency) {

    private static final int[] GEN1_MEMORY = {128, 256, 512, 1024, 2048, 4096, 8192};

    /** The settings of a deployment, adding to {@code notes} where Cloud Functions cannot follow the design. */
    static Settings of(Deployment deployment, List<String> notes) {
        FunctionNode node = deployment.function().node();
        Integer concurrency = null;
        if (deployment.gen2()) {
            concurrency = node.instanceConcurrency();
        }
        return new Settings(
                runtime(deployment.function(), notes),
                memory(deployment, notes),
                timeout(deployment, notes),
                maxInstances(deployment, notes),
                node.provisionedConcurrency() > 0 ? node.provisionedConcurrency() : null,
                concurrency);
    }

    private static String runtime(ExportPlan.Function function, List<String> notes) {
        int version = function.javaVersion();
        if (version == 17 || version == 21) {
            return "java" + version;
        }
        String chosen = version < 17 ? "java17" : "java21";
        notes.add("The function '" + function.name() + "' names the runtime "
                + function.node().runtime() + "; it is deployed on " + chosen + ".");
        return chosen;
    }

    private static String memory(Deployment deployment, List<String> notes) {
        ExportPlan.Function function = deployment.function();
        int mb = function.node().memoryMb();
        if (deployment.gen2()) {
            int clamped = Math.max(128, Math.min(32768, mb));
            if (clamped != mb) {
                notes.add("The function '" + function.name() + "' has " + mb + " MB; 2nd gen takes 128 MiB"
                        + " to 32 GiB, so it gets " + clamped + " MiB.");
            }
            return clamped + "Mi";
        }
        for (int allowed : GEN1_MEMORY) {
            if (allowed >= mb) {
                if (allowed != mb) {
                    notes.add("The function '" + function.name() + "' has " + mb + " MB; 1st gen takes one of"
                            + " 128, 256, 512, 1024, 2048, 4096 or 8192 MB, so it gets " + allowed + "MB.");
                }
                return allowed + "MB";
            }
        }
        notes.add("The function '" + function.name() + "' has " + mb + " MB; 1st gen allows at most 8192MB.");
        return "8192MB";
    }

    private static int timeout(Deployment deployment, List<String> notes) {
        ExportPlan.Function function = deployment.function();
        int seconds = (int) Math.ceil(function.node().timeoutSeconds());
        int limit = deployment.gen2() && deployment.trigger() == Trigger.HTTP ? 3600 : 540;
        if (seconds > limit) {
            notes.add("The function '" + function.name() + "' has a timeout of " + seconds + " s; '" + deployment.name()
                    + "' may run at most " + limit + " s.");
            return limit;
        }
        return Math.max(1, seconds);
    }

    private static Integer maxInstances(Deployment deployment, List<String> notes) {
        Integer reserved = deployment.function().node().reservedConcurrency();
        if (reserved == null) {
            return null;
        }
        if (reserved == 0) {
            notes.add("The function '" + deployment.function().name() + "' has a reserved concurrency of 0"
                    + " (switched off); Cloud Functions cannot switch a function off, so '" + deployment.name()
                    + "' has no instance limit.");
            return null;
        }
        return reserved;
    }
}
