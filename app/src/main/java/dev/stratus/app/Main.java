package dev.stratus.app;

import dev.stratus.cli.StratusCommand;

/**
 * The entry point of the jar: the command line, which opens the studio when it is given no command.
 * A plain class, not an {@code Application}, so the shaded jar runs with {@code java -jar}.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int status;
        try {
            status = StratusCommand.run(args);
        } catch (OutOfMemoryError e) {
            System.err.println(
                    "stratus: out of memory (" + (Runtime.getRuntime().maxMemory() >> 20)
                            + " MB of heap); give Java more, for example JAVA_OPTS=-Xmx8g, or simulate less");
            status = StratusCommand.UNUSABLE;
        }
        // The studio's FX thread is not a daemon; exit explicitly once the command or window is done.
        System.exit(status);
    }
}
