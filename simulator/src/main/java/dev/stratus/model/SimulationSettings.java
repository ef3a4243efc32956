package dev.stratus.model;

/**
 * How a simulation of the project runs unless the command line says otherwise.
 *
 * @param durationSeconds simulated time, seconds
 * @param seed the master seed; every component's random stream derives from it and the component's id
 */
public record SimulationSettings(double durationSeconds, long seed) {

    public static final SimulationSettings DEFAULT = new SimulationSettings(3600, 1);

    public SimulationSettings {
        Checks.positive(durationSeconds, "settings.durationSeconds");
    }
}
