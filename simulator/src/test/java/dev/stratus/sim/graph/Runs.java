package dev.stratus.sim.graph;

import dev.stratus.model.Distribution;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.KeepAlive;
import dev.stratus.model.Project;
import dev.stratus.model.Routing;
import dev.stratus.project.ProjectFiles;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.result.SimulationResult;
import java.nio.file.Path;

/** Functions of constant work and runs of designs, for the simulation's tests. */
public final class Runs {

    static final Path SAMPLES = Path.of("..", "samples");

    /** A monitor that has cancelled before the run starts. */
    public static final Monitor CANCELLED = new Monitor() {
        @Override
        public boolean cancelled() {
            return true;
        }
    };

    private Runs() {}

    /** A function of constant work, 1 GB, a 30 s timeout and a constant 100 ms cold start. */
    public static FunctionNode fn(String id, double workMs, KeepAlive keepAlive) {
        return fn(id, Distribution.constant(workMs), Distribution.constant(100), keepAlive);
    }

    /** A function of 1 GB and a 30 s timeout. */
    static FunctionNode fn(String id, Distribution work, Distribution coldStart, KeepAlive keepAlive) {
        return new FunctionNode(
                id, id, null, null, 1024, 30, null, null, null, null, 0, null, keepAlive, work, coldStart, null);
    }

    /** As {@link #fn(String, double, KeepAlive)}, kept alive for an hour. */
    static FunctionNode fn(String id, double workMs) {
        return fn(id, workMs, KeepAlive.fixed(3600));
    }

    static SimulationResult run(Project project, double seconds, long seed) throws Exception {
        return run(project, seconds, seed, Monitor.NONE);
    }

    static SimulationResult run(Project project, double seconds, long seed, Monitor monitor) throws Exception {
        return new DesignSimulation(project, SAMPLES, seconds, seed, Routing.NEWEST).run(monitor);
    }

    /** A sample project by file name. */
    static Project sample(String file) throws Exception {
        return ProjectFiles.load(SAMPLES.resolve(file));
    }
}
