package dev.stratus.export.azure;

import dev.stratus.export.ExportPlan;
import java.util.List;

/**
 * The runtime and scale of an {@link AzureApp}: one Java version and one instance size for the
 * whole function app, and how the design's reserved and provisioned concurrency and memory (MB)
 * carry over to app-wide limits, with a note wherever they cannot be kept per function.
 */
final class AzureScale {

    private final AzureApps apps;
    private final ExportPlan plan;
    private final boolean flex;
    private final List<String> notes;

    AzureScale(AzureApps apps) {
        this.apps = apps;
        this.plan = apps.plan;
        this.flex = apps.flex;
        this.notes = apps.notes;
    }

    /** The app's Java version, 17 or 21: the highest the functions ask for that Azure runs. */
    int javaVersion() {
        int highest = 0;
        for (ExportPlan.Function function : plan.functions()) {
            highest = Math.max(highest, function.javaVersion());
        }
        int version = highest >= 21 ? 21 : 17;
        if (highest != version) {
            notes.add("The functions ask for Java " + highest + "; Azure Functions runs Java " + version
                    + " here (the code is compiled for Java 17).");
        }
        boolean mixed = plan.functions().stream()
                        .map(ExportPlan.Function::javaVersion)
                        .distinct()
                        .count()
                > 1;
        if (mixed) {
            notes.add("The functions use different Java runtimes; a function app has one, Java " + version + ".");
        }
        return version;
    }

    /** Notes how the function's reserved and per-instance concurrency carry over. */
    void concurrency(ExportPlan.Function function) {
        Integer reserved = function.node().reservedConcurrency();
        if (reserved != null && reserved == 0) {
            notes.add("'" + function.name() + "' has a reserved concurrency of 0 (throttled): it is exported"
                    + " disabled (app setting AzureWebJobs." + apps.functionNames.get(function.id()) + ".Disabled).");
        }
        if (function.node().instanceConcurrency() > 1) {
            notes.add("'" + function.name() + "' serves " + function.node().instanceConcurrency() + " requests per"
                    + " instance; Azure Functions runs several executions per instance by default (host.json"
                    + " concurrency settings tune it).");
        }
    }

    /** Notes the app-wide instance limit, always-ready instances and instance memory. */
    void concurrencyForApp() {
        int provisioned = 0;
        int memory = 0;
        for (ExportPlan.Function function : plan.functions()) {
            provisioned = Math.max(provisioned, function.node().provisionedConcurrency());
            memory = Math.max(memory, function.node().memoryMb());
        }
        Integer limit = AzureExporter.scaleLimit(plan);
        if (limit != null) {
            notes.add("Reserved concurrency " + limit + " becomes an instance limit for the whole app ("
                    + (flex
                            ? "maximumInstances in pom.xml"
                            : "functionAppScaleLimit, set after deploying, see the README")
                    + "); it limits instances, not executions per instance.");
        } else if (plan.functions().stream().anyMatch(f -> positive(f.node().reservedConcurrency()))) {
            notes.add("Some functions have a reserved concurrency and others none; Azure limits the scale of a whole"
                    + " function app, not of one function, so no limit is set (README).");
        }
        if (provisioned > 0) {
            notes.add(
                    flex
                            ? "Provisioned concurrency " + provisioned + " becomes " + provisioned
                                    + " always-ready instances (alwaysReadyInstances in pom.xml)."
                            : "Provisioned concurrency (" + provisioned
                                    + ") has no Consumption-plan equivalent; use the Flex"
                                    + " Consumption plan (always-ready instances) or a Premium plan's minimum instances.");
        }
        if (flex) {
            int size = instanceSize(memory);
            if (size < memory) {
                notes.add("The largest function asks for " + memory + " MB; Flex Consumption instances have at most"
                        + " 4096 MB.");
            } else if (size != memory) {
                notes.add("Flex Consumption instance memory is " + size + " MB, the smallest size that fits the largest"
                        + " function (" + memory + " MB); it is the same for every function of the app.");
            }
        } else if (memory > 1536) {
            notes.add("The largest function asks for " + memory + " MB; a Consumption-plan instance has 1.5 GB for the"
                    + " whole app. Use Flex Consumption (azure-flex) or a Premium plan for more.");
        } else if (plan.functions().stream().anyMatch(f -> f.node().memoryMb() != 1536)) {
            notes.add("Memory is not set per function on the Consumption plan: every instance has 1.5 GB.");
        }
    }

    private static boolean positive(Integer value) {
        return value != null && value > 0;
    }

    /** The Flex Consumption instance memory for the largest function: 512, 2048 or 4096 MB. */
    static int instanceSize(int memoryMb) {
        if (memoryMb <= 512) {
            return 512;
        }
        return memoryMb <= 2048 ? 2048 : 4096;
    }
}
