package dev.stratus.app.inspector;

import dev.stratus.app.edit.Edit;
import dev.stratus.app.edit.Edits;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The inspector's fields for the project (its name, description and target provider) and for the
 * workload of a selected entry trigger (the kind of traffic and its rates, requests per second).
 */
final class ProjectFields {

    static final String PROJECT = "Project";
    static final String WORKLOAD = "Workload";

    /** The kinds of traffic a person can choose; a trace needs a file, so it is only kept, not chosen. */
    enum Traffic {
        NONE,
        CONSTANT,
        POISSON,
        RAMP,
        SPIKE,
        DIURNAL,
        TRACE
    }

    private ProjectFields() {}

    static List<Field> of(Project project) {
        List<Field> fields = new ArrayList<>();
        fields.add(Field.of(
                "name",
                PROJECT,
                "Name",
                "The project's name",
                Field.Type.TEXT,
                project.name(),
                v -> Edits.project("Rename project", p -> p.withName((String) v))));
        fields.add(Field.of(
                "description",
                PROJECT,
                "Description",
                "What the design is for",
                Field.Type.TEXT,
                project.description(),
                v -> Edits.project(
                        "Change description",
                        p -> new Project(
                                p.name(),
                                (String) v,
                                p.provider(),
                                p.settings(),
                                p.architecture(),
                                p.workloads(),
                                p.layout()))));
        fields.add(Field.choice(
                "provider",
                PROJECT,
                "Target provider",
                "The platform the design targets",
                Arrays.asList(Provider.values()),
                v -> ((Provider) v).displayName(),
                project.provider(),
                v -> Edits.project("Change provider", p -> p.withProvider((Provider) v))));
        return fields;
    }

    /** The workload fields of the entry trigger {@code triggerId}. */
    static List<Field> workload(Project project, String triggerId) {
        Optional<Workload> current = project.workloads().stream()
                .filter(w -> w.trigger().equals(triggerId))
                .findFirst();
        List<Field> fields = new ArrayList<>();
        Traffic traffic = current.map(ProjectFields::traffic).orElse(Traffic.NONE);
        List<Traffic> choices = new ArrayList<>(Arrays.asList(Traffic.values()));
        if (traffic != Traffic.TRACE) {
            choices.remove(Traffic.TRACE);
        }
        double rate = current.map(ProjectFields::meanRate).orElse(1.0);
        fields.add(Field.choice(
                "workloadType",
                WORKLOAD,
                "Traffic",
                "The traffic that arrives at this trigger",
                choices,
                NodeFields::words,
                traffic,
                v -> replace(triggerId, "Change traffic", fresh((Traffic) v, triggerId, rate))));
        current.filter(w -> !(w instanceof Workload.Trace)).ifPresent(w -> {
            for (var component : w.getClass().getRecordComponents()) {
                if (component.getName().equals("trigger")) {
                    continue;
                }
                String name = component.getName();
                fields.add(Field.of(
                        "workload-" + name,
                        WORKLOAD,
                        words(name),
                        "",
                        Field.Type.DECIMAL,
                        Records.get((Record) w, name),
                        v -> replace(triggerId, "Change " + NodeFields.bare(words(name)), (Workload)
                                Records.with((Record) w, name, v))));
            }
        });
        return fields;
    }

    private static Edit replace(String triggerId, String what, Workload next) {
        return Edits.project(what, p -> {
            List<Workload> workloads = new ArrayList<>();
            p.workloads().stream().filter(w -> !w.trigger().equals(triggerId)).forEach(workloads::add);
            if (next != null) {
                workloads.add(next);
            }
            return p.withWorkloads(workloads);
        });
    }

    private static Workload fresh(Traffic traffic, String trigger, double rate) {
        return switch (traffic) {
            case NONE, TRACE -> null;
            case CONSTANT -> new Workload.Constant(trigger, rate);
            case POISSON -> new Workload.Poisson(trigger, rate);
            case RAMP -> new Workload.Ramp(trigger, 0, rate, 600);
            case SPIKE -> new Workload.Spike(trigger, rate, rate * 10, 600, 60, 0);
            case DIURNAL -> new Workload.Diurnal(trigger, rate, 0.5, 14);
        };
    }

    private static Traffic traffic(Workload w) {
        return Traffic.valueOf(w.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT));
    }

    private static double meanRate(Workload w) {
        double rate = 1.0;
        if (w instanceof Workload.Constant c) {
            rate = c.ratePerSecond();
        } else if (w instanceof Workload.Poisson p) {
            rate = p.ratePerSecond();
        } else if (w instanceof Workload.Ramp r) {
            rate = r.toPerSecond();
        } else if (w instanceof Workload.Spike s) {
            rate = s.basePerSecond();
        } else if (w instanceof Workload.Diurnal d) {
            rate = d.meanPerSecond();
        }
        return rate > 0 ? rate : 1.0;
    }

    /** A workload component's name with its unit: ratePerSecond → "Rate (per s)". */
    private static String words(String component) {
        return switch (component) {
            case "ratePerSecond" -> "Rate (requests/s)";
            case "fromPerSecond" -> "From rate (requests/s)";
            case "toPerSecond" -> "To rate (requests/s)";
            case "overSeconds" -> "Ramp time (s)";
            case "basePerSecond" -> "Base rate (requests/s)";
            case "peakPerSecond" -> "Peak rate (requests/s)";
            case "startSeconds" -> "First spike at (s)";
            case "durationSeconds" -> "Spike length (s)";
            case "everySeconds" -> "Repeat every (s, 0: once)";
            case "meanPerSecond" -> "Mean rate (requests/s)";
            case "amplitude" -> "Amplitude (0–1)";
            case "peakHour" -> "Peak hour (0–24)";
            default -> component;
        };
    }
}
