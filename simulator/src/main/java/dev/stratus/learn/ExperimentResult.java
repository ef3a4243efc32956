package dev.stratus.learn;

import dev.stratus.run.RunReport;
import java.util.List;
import java.util.Objects;

/**
 * What an experiment found: each variant with its run, or the reason it could not run, and a sentence
 * or two saying what changed between the runs and why, in numbers from them.
 *
 * @param experiment the experiment
 * @param outcomes one per variant, in the experiment's order
 * @param sentence what changed and why, with figures written as {@link Numbers} writes them
 */
public record ExperimentResult(Experiment experiment, List<Outcome> outcomes, String sentence) {

    public ExperimentResult {
        Objects.requireNonNull(experiment, "experiment");
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(sentence, "sentence");
    }

    /** The variants, in order, as they ran: the projects to play back. */
    public List<Variant> variants() {
        return outcomes.stream().map(Outcome::variant).toList();
    }

    /**
     * One variant and its run.
     *
     * @param variant the variant
     * @param report its run; {@code null} when it could not run
     * @param problem why it could not run (the validator's first error); {@code null} when it ran
     */
    public record Outcome(Variant variant, RunReport report, String problem) {

        public Outcome {
            Objects.requireNonNull(variant, "variant");
            if ((report == null) == (problem == null)) {
                throw new IllegalArgumentException("an outcome has either a run or a problem");
            }
        }

        public static Outcome ran(Variant variant, RunReport report) {
            return new Outcome(variant, report, null);
        }

        public static Outcome invalid(Variant variant, String problem) {
            return new Outcome(variant, null, problem);
        }

        public boolean ran() {
            return report != null;
        }

        /**
         * The run's figures.
         *
         * @throws IllegalStateException when the variant did not run
         */
        public RunFigures figures() {
            if (report == null) {
                throw new IllegalStateException(variant.label() + " did not run: " + problem);
            }
            return RunFigures.of(report);
        }
    }
}
