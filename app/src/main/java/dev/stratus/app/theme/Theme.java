package dev.stratus.app.theme;

import java.net.URL;
import javafx.application.Application;

/**
 * The studio's look: AtlantaFX's Primer Light or Primer Dark as the user-agent stylesheet for every
 * control, and {@code /dev/stratus/assets/theme/stratus.css} (from {@code assets/theme/}) for the
 * canvas and the shell; the dark variant adds the style class {@value #DARK_CLASS} to the studio's
 * root. Call {@link #applyUserAgentStylesheet()} on the FX thread once the toolkit runs.
 */
public final class Theme {

    /** Where the Stratus stylesheet is packaged. */
    public static final String STYLESHEET_RESOURCE = "/dev/stratus/assets/theme/stratus.css";

    /**
     * Primer Light's stylesheet inside the AtlantaFX jar: what {@code new
     * PrimerLight().getUserAgentStylesheet()} returns. It is named here rather than asked of that
     * class because AtlantaFX 2.1.0's classes are Java 21 bytecode, which Java 17 cannot load; its
     * stylesheet is plain CSS and works on any Java.
     */
    public static final String PRIMER_LIGHT = "/atlantafx/base/theme/primer-light.css";

    /** Primer Dark's stylesheet inside the AtlantaFX jar, named for the same reason. */
    public static final String PRIMER_DARK = "/atlantafx/base/theme/primer-dark.css";

    /** The style class the studio's root carries while the dark theme is on. */
    public static final String DARK_CLASS = "dark";

    private static boolean dark;

    private Theme() {}

    /** Makes Primer Light the default look of every JavaFX control in this process. */
    /**
     * ControlsFX's property sheet stylesheet sets a colour AtlantaFX's theme defines differently, and
     * JavaFX warns about it on every draw; a user can do nothing about it. Held so the level sticks.
     */
    private static final java.util.logging.Logger CSS_LOG = java.util.logging.Logger.getLogger("javafx.css");

    public static void applyUserAgentStylesheet() {
        CSS_LOG.setLevel(java.util.logging.Level.SEVERE);
        apply(false);
    }

    /** Makes Primer Dark ({@code true}) or Primer Light the look of every control in this process. */
    public static void apply(boolean useDark) {
        Application.setUserAgentStylesheet(resource(useDark ? PRIMER_DARK : PRIMER_LIGHT, "the AtlantaFX theme"));
        dark = useDark;
    }

    /** Whether the dark theme was applied last. */
    public static boolean isDark() {
        return dark;
    }

    /** The Stratus stylesheet's URL, for {@code getStylesheets().add(...)}. */
    public static String stylesheet() {
        return resource(STYLESHEET_RESOURCE, "the studio stylesheet");
    }

    private static String resource(String path, String what) {
        URL url = Theme.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException(what + " " + path + " is not on the class path; rebuild the app module");
        }
        return url.toExternalForm();
    }
}
