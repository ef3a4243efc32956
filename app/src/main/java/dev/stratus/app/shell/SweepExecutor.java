package dev.stratus.app.shell;

import dev.stratus.app.simulate.SimulationRunner;
import java.util.concurrent.Executor;

/** The one background thread every studio window's memory sweeps share, so two never compete for the cores. */
final class SweepExecutor {

    static final Executor INSTANCE = SimulationRunner.backgroundThread("stratus-sweep");

    private SweepExecutor() {}
}
