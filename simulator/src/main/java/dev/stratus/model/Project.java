package dev.stratus.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * Everything a Stratus project file holds: the design, the traffic at its entry triggers, the
 * provider it targets, how it is simulated, and where its nodes are drawn.
 */
@JsonPropertyOrder({"format", "name", "description", "provider", "settings", "architecture", "workloads", "layout"})
@JsonIgnoreProperties(value = "format", allowGetters = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Project(
        @JsonProperty(required = true) @JsonInclude(JsonInclude.Include.ALWAYS)
        String name,

        String description,
        Provider provider,
        SimulationSettings settings,
        Architecture architecture,
        List<Workload> workloads,
        Layout layout) {

    /** The file format this version writes and the newest it reads. */
    public static final String FORMAT = "stratus-project/1";

    public static final int FORMAT_VERSION = 1;

    public Project {
        Objects.requireNonNull(name, "name is missing");
        description = description == null ? "" : description;
        provider = provider == null ? Provider.AWS : provider;
        settings = settings == null ? SimulationSettings.DEFAULT : settings;
        architecture = architecture == null ? Architecture.EMPTY : architecture;
        workloads = workloads == null ? List.of() : List.copyOf(workloads);
        layout = layout == null ? Layout.EMPTY : layout;
    }

    /** An empty project targeting AWS. */
    public static Project empty(String name) {
        return new Project(
                name, "", Provider.AWS, SimulationSettings.DEFAULT, Architecture.EMPTY, List.of(), Layout.EMPTY);
    }

    @JsonProperty("format")
    public String format() {
        return FORMAT;
    }

    public Project withArchitecture(Architecture architecture) {
        return new Project(name, description, provider, settings, architecture, workloads, layout);
    }

    public Project withLayout(Layout layout) {
        return new Project(name, description, provider, settings, architecture, workloads, layout);
    }

    public Project withProvider(Provider provider) {
        return new Project(name, description, provider, settings, architecture, workloads, layout);
    }

    public Project withName(String name) {
        return new Project(name, description, provider, settings, architecture, workloads, layout);
    }

    public Project withSettings(SimulationSettings settings) {
        return new Project(name, description, provider, settings, architecture, workloads, layout);
    }

    public Project withWorkloads(List<Workload> workloads) {
        return new Project(name, description, provider, settings, architecture, workloads, layout);
    }
}
