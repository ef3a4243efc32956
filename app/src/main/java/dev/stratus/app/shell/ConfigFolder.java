package dev.stratus.app.shell;

import java.nio.file.Path;

/**
 * Where the studio keeps its own small files (recent files, the recovery file): the folder named by
 * the system property {@value #PROPERTY} if set, else {@code $XDG_CONFIG_HOME/stratus}, else {@code
 * ~/.config/stratus}.
 */
public final class ConfigFolder {

    /** The system property that moves the folder, for tests and portable installs. */
    public static final String PROPERTY = "stratus.config.dir";

    private ConfigFolder() {}

    /** The folder; it may not exist yet. */
    public static Path resolve() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("stratus");
    }
}
