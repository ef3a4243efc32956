package dev.stratus.app.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratus.app.samples.SampleCatalog;
import dev.stratus.model.Project;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

class PngRendererTest {

    @TempDir
    Path temp;

    /**
     * TestFX may start the toolkit in this JVM too, and it cannot start once something else has;
     * starting it the TestFX way first makes the order of test classes not matter. The fresh-JVM
     * test below covers the renderer starting the toolkit itself.
     */
    @BeforeAll
    static void startJavaFxTheWayTestFxDoes() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void rendersTheDiagramAsAPngOfTheRequestedWidth() throws Exception {
        Path out = temp.resolve("diagram.png");

        PngRenderer.render(defaultSample(), out, 900, false);

        BufferedImage image = ImageIO.read(out.toFile());
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isBetween(100, 900 * 3);
        assertThat(colours(image)).as("distinct colours").hasSizeGreaterThan(10);
    }

    @Test
    void rendersTheWholeStudioFiveEighthsAsHighAsItIsWide() throws Exception {
        Path out = temp.resolve("studio.png");

        PngRenderer.render(defaultSample(), out, 1280, true);

        BufferedImage image = ImageIO.read(out.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(800);
        assertThat(colours(image)).hasSizeGreaterThan(10);
    }

    @Test
    void drawsTheStudioInWatchModeWithTheContainersOnTheCanvas() throws Exception {
        Project project = defaultSample();
        dev.stratus.run.WatchRun.Watched watched =
                new dev.stratus.run.WatchRun(project, Path.of(".")).run(dev.stratus.sim.engine.Monitor.NONE);
        Path plain = temp.resolve("plain.png");
        Path watching = temp.resolve("watching.png");

        PngRenderer.render(project, plain, 1280, true);
        PngRenderer.render(
                project, watching, 1280, new PngRenderer.StudioPicture(null, null, false, watched, 62_000_000L));

        // Idle containers are chips of #afb8c1: dozens of them at 62 s, none without the playback.
        int idleGrey = 0xafb8c1;
        long before = count(ImageIO.read(plain.toFile()), idleGrey);
        long after = count(ImageIO.read(watching.toFile()), idleGrey);
        assertThat(after - before).isGreaterThan(500);
    }

    private static long count(BufferedImage image, int rgb) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void replacesAnExistingPictureAndLeavesNoTemporaryFile() throws Exception {
        Path out = temp.resolve("picture.png");
        Files.writeString(out, "old");

        PngRenderer.render(defaultSample(), out, 400, false);

        assertThat(ImageIO.read(out.toFile()).getWidth()).isEqualTo(400);
        try (var files = Files.list(temp)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void refusesAWidthOutOfRange() {
        assertThatThrownBy(() -> PngRenderer.render(defaultSample(), temp.resolve("x.png"), 10, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 64 and 8192");
    }

    @Test
    void rendersInAFreshJvmWithNoDisplayAndNoToolkitRunning() throws Exception {
        Path out = temp.resolve("fresh.png");
        Path log = temp.resolve("fresh.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        HeadlessRenderMain.class.getName(),
                        out.toString(),
                        "640"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("DISPLAY");

        Process process = builder.start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }

        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("finished; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
        assertThat(ImageIO.read(out.toFile()).getWidth()).isEqualTo(640);
        assertThat(output).as("what the JVM printed").doesNotContain("WARNING");
    }

    private static Project defaultSample() throws IOException {
        SampleCatalog catalog = SampleCatalog.packaged();
        try {
            return catalog.load(catalog.defaultSample().orElseThrow());
        } catch (dev.stratus.project.ProjectFileException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static Set<Integer> colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen;
    }
}
