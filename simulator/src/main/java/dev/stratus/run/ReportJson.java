package dev.stratus.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stratus.model.Routing;
import dev.stratus.model.SimulationSettings;

/**
 * A {@link RunReport} as the JSON document {@code stratus simulate --json} prints and the studio
 * saves: indented, every setting written out (a project file leaves the defaults out; a report says
 * what the run used).
 */
public final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addMixIn(SimulationSettings.class, EverySetting.class);

    private ReportJson() {}

    /** The report as indented JSON, without a final line break. */
    public static String of(RunReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            // Records of numbers, strings and lists: nothing here can fail to write.
            throw new IllegalStateException("cannot write the run report as JSON", e);
        }
    }

    /** Writes the settings left out of project files at their defaults too. */
    abstract static class EverySetting {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract Routing routing();

        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract Boolean freeTier();

        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract boolean compareProviders();
    }
}
