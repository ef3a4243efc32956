package dev.stratus.app.results;

import dev.stratus.project.ProjectFiles;
import dev.stratus.run.ReportJson;
import dev.stratus.run.ResultsCsv;
import dev.stratus.run.RunReport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Writes results for a person to keep: a run as JSON (the document {@code stratus simulate --json}
 * prints) or as CSV (what {@code stratus simulate --csv} prints), and a chart as a PNG picture. Each
 * file is written to a temporary file beside it and moved into place, so a failed write never leaves
 * half a file.
 */
public final class ResultFiles {

    /** The file kinds results are saved as. */
    public enum Format {
        JSON("JSON", "json"),
        CSV("CSV", "csv");

        final String title;
        final String extension;

        Format(String title, String extension) {
            this.title = title;
            this.extension = extension;
        }

        public String title() {
            return title;
        }

        public String extension() {
            return extension;
        }
    }

    private ResultFiles() {}

    /** Writes {@code report} to {@code file} as {@code format}. */
    public static void write(RunReport report, Format format, Path file) throws IOException {
        ProjectFiles.writeAtomically(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (format == Format.JSON) {
                writer.write(ReportJson.of(report));
                writer.write(System.lineSeparator());
            } else {
                ResultsCsv.write(report, writer);
            }
            writer.flush();
        });
    }

    /** Draws {@code node} as it is shown now and writes it to {@code file} as PNG. Call on the FX thread. */
    public static void writePicture(Node node, Path file) throws IOException {
        SnapshotParameters parameters = new SnapshotParameters();
        // The theme's own background, so light text on a dark chart stays readable.
        parameters.setFill(
                dev.stratus.app.theme.Theme.isDark()
                        ? javafx.scene.paint.Color.web("#0d1117")
                        : javafx.scene.paint.Color.WHITE);
        WritableImage image = node.snapshot(parameters, null);
        BufferedImage picture = SwingFXUtils.fromFXImage(image, null);
        ProjectFiles.writeAtomically(file, out -> {
            if (!ImageIO.write(picture, "png", out)) {
                throw new IOException("no PNG writer is available in this Java runtime");
            }
        });
    }
}
