package dev.stratus.app.render;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;

/**
 * Gets the JavaFX toolkit running, headless when nothing started it yet, and runs work on its
 * thread with a time limit, so a picture never hangs the command line.
 */
public final class FxRuntime {

    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private static boolean running;

    /**
     * JavaFX warns at startup that it runs from the class path; the command line can do nothing
     * about it, so it is silenced while the toolkit starts. Held here so the logger, and its level,
     * are not collected.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private FxRuntime() {}

    /**
     * Starts the toolkit on headless Monocle with software rendering unless it already runs (in the
     * studio, or under TestFX). The system properties must be set before the toolkit starts: it
     * reads them once.
     */
    public static synchronized void ensureRunning() throws IOException {
        if (running || isRunning()) {
            running = true;
            return;
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        Level level = JAVAFX_LOG.getLevel();
        JAVAFX_LOG.setLevel(Level.SEVERE);
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(() -> {
                JAVAFX_LOG.setLevel(level);
                started.countDown();
            });
        } catch (IllegalStateException alreadyStarted) {
            // Someone started it between our check and now; that is all we need.
            running = true;
            return;
        } catch (RuntimeException | LinkageError e) {
            JAVAFX_LOG.setLevel(level);
            throw new IOException("cannot start JavaFX headless: " + describe(e), e);
        }
        try {
            if (!started.await(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IOException("JavaFX did not start within " + STARTUP_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while JavaFX was starting");
        }
        running = true;
    }

    /**
     * Runs {@code work} on the FX thread and returns its result, waiting at most {@code timeout}.
     * On the FX thread itself it runs at once.
     */
    public static <T> T call(Callable<T> work, Duration timeout) throws IOException {
        if (Platform.isFxApplicationThread()) {
            try {
                return work.call();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(describe(e), e);
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) { // report everything, or the waiting thread learns nothing
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(false);
            throw new IOException("rendering did not finish within " + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("rendering failed: " + describe(cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while rendering");
        }
    }

    private static boolean isRunning() {
        try {
            Platform.runLater(() -> {});
            return true;
        } catch (IllegalStateException notStarted) {
            return false;
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
