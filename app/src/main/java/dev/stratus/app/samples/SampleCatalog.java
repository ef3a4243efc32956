package dev.stratus.app.samples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratus.model.Project;
import dev.stratus.project.ProjectFileException;
import dev.stratus.project.ProjectFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sample projects packaged with the studio, in the order of their {@code index.json}: a JSON
 * list of {@code {"file", "title", "summary", "default"}} objects beside the project files.
 */
public final class SampleCatalog {

    /** The classpath folder that holds the samples and their index. */
    public static final String ROOT = "/dev/stratus/samples/";

    private final List<Sample> samples;

    public SampleCatalog(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    /**
     * The samples packaged in this build.
     *
     * @throws IllegalStateException when the index is missing or unreadable: the build is broken
     */
    public static SampleCatalog packaged() {
        String index = ROOT + "index.json";
        String text;
        try {
            text = resourceText(index)
                    .orElseThrow(() -> new IllegalStateException(
                            "the sample index " + index + " is not packaged; rebuild the app module"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample index " + index, e);
        }
        return new SampleCatalog(parseIndex(text, index));
    }

    static List<Sample> parseIndex(String text, String source) {
        JsonNode tree;
        try {
            tree = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(source + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isArray()) {
            throw new IllegalStateException(source + " must hold a list of samples");
        }
        List<Sample> samples = new ArrayList<>();
        for (JsonNode entry : tree) {
            String file = entry.path("file").asText("");
            if (file.isBlank()) {
                throw new IllegalStateException(source + " has a sample without a \"file\"");
            }
            samples.add(new Sample(
                    file,
                    entry.path("title").asText(file),
                    entry.path("summary").asText(""),
                    entry.path("default").asBoolean(false)));
        }
        return samples;
    }

    /** Every sample, in the order of the index. */
    public List<Sample> samples() {
        return samples;
    }

    /** The sample marked default, else the first; empty only when there are no samples. */
    public Optional<Sample> defaultSample() {
        return samples.stream()
                .filter(Sample::isDefault)
                .findFirst()
                .or(() -> samples.stream().findFirst());
    }

    /** The sample whose file is {@code file}, if it is listed. */
    public Optional<Sample> byFile(String file) {
        return samples.stream().filter(s -> s.file().equals(file)).findFirst();
    }

    /**
     * Reads a sample's project. Errors name the sample as {@code samples/<file>}, the place it has in
     * the source tree.
     */
    public Project load(Sample sample) throws ProjectFileException {
        String source = "samples/" + sample.file();
        String text;
        try {
            text = resourceText(ROOT + sample.file()).orElse(null);
        } catch (IOException e) {
            throw new ProjectFileException(source, 0, 0, "cannot be read: " + e.getMessage(), e);
        }
        if (text == null) {
            throw new ProjectFileException(source, 0, 0, "is listed in the sample index but not packaged", null);
        }
        return ProjectFiles.read(text, source);
    }

    private static Optional<String> resourceText(String resource) throws IOException {
        try (InputStream in = SampleCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
