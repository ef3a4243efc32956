package dev.stratus.app.render;

import dev.stratus.app.samples.SampleCatalog;
import java.nio.file.Path;

/**
 * What the command line does, run in a fresh JVM by {@link PngRendererTest}: render the default
 * sample with no toolkit started and no system properties set. Arguments: output file, width.
 */
public final class HeadlessRenderMain {

    private HeadlessRenderMain() {}

    public static void main(String[] args) throws Exception {
        SampleCatalog catalog = SampleCatalog.packaged();
        PngRenderer.render(
                catalog.load(catalog.defaultSample().orElseThrow()),
                Path.of(args[0]),
                Integer.parseInt(args[1]),
                false);
        System.exit(0);
    }
}
