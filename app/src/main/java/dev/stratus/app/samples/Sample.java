package dev.stratus.app.samples;

import java.util.Objects;

/**
 * One entry of the packaged samples' {@code index.json}.
 *
 * @param file the project file's name inside {@code /dev/stratus/samples/}, like {@code
 *     rest-api.stratus.json}
 * @param title what the Open Sample menu shows
 * @param summary one or two sentences on what the sample shows
 * @param isDefault whether the studio opens this sample when it is given no file
 */
public record Sample(String file, String title, String summary, boolean isDefault) {
    public Sample {
        Objects.requireNonNull(file, "file");
        title = title == null || title.isBlank() ? file : title;
        summary = summary == null ? "" : summary;
    }
}
