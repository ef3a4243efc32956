package dev.stratus.app.results;

import dev.stratus.model.Project;
import dev.stratus.run.RunReport;

/** A view of a run's results that draws the latest report when it is shown. */
interface ResultView {

    /**
     * Draws {@code report}, a run of {@code project}; {@code null} clears the view. Called on the FX
     * thread when the view is visible and its report has changed.
     */
    void show(RunReport report, Project project);
}
