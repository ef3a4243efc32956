package dev.stratus.app.shell;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The one background thread every studio window's memory sweeps share, so two never compete for the cores. */
final class SweepExecutor {

    static final Executor INSTANCE = create();

    private SweepExecutor() {}

    private static Executor create() {
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "stratus-sweep");
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY - 1);
            return thread;
        });
        return executor;
    }
}
