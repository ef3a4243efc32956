package dev.stratus.sim.engine;

import java.util.Objects;

/**
 * Watches several runs made one after another as one job: each run's progress becomes the job's
 * ({@code (runs ended + this run's fraction) / runs}), its events are added to those of the runs
 * before it, and cancelling the job cancels the run in progress.
 */
public final class RunSequence implements Monitor {

    private final Monitor job;
    private final int runs;
    private int ended;
    private long eventsBefore;

    /**
     * @param job the monitor of the whole job
     * @param runs how many runs the job makes, at least 1
     */
    public RunSequence(Monitor job, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("a job makes at least one run, not " + runs);
        }
        this.job = Objects.requireNonNull(job, "job");
        this.runs = runs;
    }

    @Override
    public void progress(double fraction) {
        progress(fraction, 0);
    }

    @Override
    public void progress(double fraction, long events) {
        job.progress(Math.min(1, (ended + fraction) / runs), eventsBefore + events);
    }

    @Override
    public boolean cancelled() {
        return job.cancelled();
    }

    /** The run in progress has ended after {@code events} events; the next one starts. */
    public void ended(long events) {
        ended++;
        eventsBefore += events;
    }
}
