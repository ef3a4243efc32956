package dev.stratus.sim.workload;

import dev.stratus.model.Workload;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Makes the {@link ArrivalProcess} of each kind of {@link Workload}. Rates in the model are per
 * second and times in seconds; the processes work in microseconds.
 *
 * <ul>
 *   <li>constant: evenly spaced, the first at {@code 1 / rate};
 *   <li>Poisson: exponential gaps;
 *   <li>ramp: Poisson with a rate going linearly from {@code from} to {@code to} over {@code
 *       overSeconds}, then staying at {@code to} (exact inversion);
 *   <li>spike: Poisson at the base rate, at the peak rate during each burst (exact, piecewise);
 *   <li>diurnal: Poisson following a daily cosine (thinning);
 *   <li>trace: the file's times ({@link CsvTrace}) or per-minute counts ({@link AzureTrace}), once.
 * </ul>
 *
 * A workload whose rate is 0 throughout gives {@link ArrivalProcess#NONE}.
 */
public final class ArrivalProcesses {

    private ArrivalProcesses() {}

    /**
     * The arrivals of a workload.
     *
     * @param workload the traffic at one entry trigger
     * @param rng the workload's own random stream (unused by constant and CSV trace workloads)
     * @param projectFolder the folder the project file is in, against which trace files are resolved
     * @throws TraceException if the workload is a trace whose file cannot be replayed
     */
    public static ArrivalProcess of(Workload workload, UniformRandomProvider rng, Path projectFolder)
            throws TraceException {
        Objects.requireNonNull(workload, "workload is missing");
        Objects.requireNonNull(rng, "rng is missing");
        // Java 17 has no pattern matching for switch, hence the chain; the interface is sealed.
        if (workload instanceof Workload.Constant constant) {
            double rate = constant.ratePerSecond();
            return rate > 0 ? new ConstantArrivals(rate) : ArrivalProcess.NONE;
        }
        if (workload instanceof Workload.Poisson poisson) {
            return poisson(poisson.ratePerSecond(), rng);
        }
        if (workload instanceof Workload.Ramp ramp) {
            if (ramp.fromPerSecond() == ramp.toPerSecond()) {
                return poisson(ramp.toPerSecond(), rng);
            }
            return new RampArrivals(ramp.fromPerSecond(), ramp.toPerSecond(), ramp.overSeconds(), rng);
        }
        if (workload instanceof Workload.Spike spike) {
            if (spike.basePerSecond() == 0 && spike.peakPerSecond() == 0) {
                return ArrivalProcess.NONE;
            }
            return new SpikeArrivals(
                    spike.basePerSecond(),
                    spike.peakPerSecond(),
                    spike.startSeconds(),
                    spike.durationSeconds(),
                    spike.everySeconds(),
                    rng);
        }
        if (workload instanceof Workload.Diurnal diurnal) {
            if (diurnal.amplitude() == 0 || diurnal.meanPerSecond() == 0) {
                return poisson(diurnal.meanPerSecond(), rng);
            }
            return new DiurnalArrivals(diurnal.meanPerSecond(), diurnal.amplitude(), diurnal.peakHour(), rng);
        }
        if (workload instanceof Workload.Trace trace) {
            Objects.requireNonNull(projectFolder, "projectFolder is missing");
            return switch (trace.format()) {
                case CSV -> CsvTrace.load(projectFolder, trace.file()).arrivals();
                case AZURE_2019 ->
                    AzureTrace.load(projectFolder, trace.file(), trace.function())
                            .arrivals(rng);
            };
        }
        throw new IllegalArgumentException("no arrival process for " + workload);
    }

    private static ArrivalProcess poisson(double ratePerSecond, UniformRandomProvider rng) {
        return ratePerSecond > 0 ? new PoissonArrivals(ratePerSecond, rng) : ArrivalProcess.NONE;
    }
}
