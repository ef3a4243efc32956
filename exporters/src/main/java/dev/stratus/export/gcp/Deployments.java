package dev.stratus.export.gcp;

import dev.stratus.export.ExportPlan;
import dev.stratus.export.Names;
import dev.stratus.export.gcp.GcpExporter.Deployment;
import dev.stratus.export.gcp.GcpExporter.Trigger;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.StorageTrigger;
import java.util.ArrayList;
import java.util.List;

/**
 * The Cloud Functions a design becomes, with their names: one HTTP deployment per function that has
 * HTTP routes or no trigger at all, and one event deployment per other trigger, since a Cloud Function
 * has exactly one trigger. Deployment names are unique and at most 49 characters; class names are
 * unique and never hide a type the generated handlers use or a class of the user's own code.
 */
final class Deployments {

    /** Names a generated class must not take: they would hide a type the handlers use. */
    private static final List<String> RESERVED_CLASSES = List.of(
            "Json",
            "Routes",
            "Events",
            "Support",
            "HttpFunction",
            "HttpRequest",
            "HttpResponse",
            "CloudEventsFunction",
            "CloudEvent",
            "Writer",
            "Map",
            "LinkedHashMap",
            "Logger",
            "Object",
            "String",
            "System",
            "Override",
            "Exception",
            "Character",
            "Integer",
            "Math",
            "StringBuilder");

    private final ExportPlan plan;
    private final boolean gen2Project;
    private final ResourceNames resources;
    private final List<String> notes;
    private final List<Deployment> deployments = new ArrayList<>();
    /** Cloud Functions takes 63 characters; a 2nd gen function is a Cloud Run service, which takes 49. */
    private final Names.Unique deploymentNames = new Names.Unique("-", 49);

    private final Names.Unique classNames = new Names.Unique("", 120);

    Deployments(ExportPlan plan, boolean gen2Project, ResourceNames resources, List<String> notes) {
        this.plan = plan;
        this.gen2Project = gen2Project;
        this.resources = resources;
        this.notes = notes;
        RESERVED_CLASSES.forEach(classNames::reserve);
    }

    /** Keeps a class name of the user's own code out of the generated ones; call before {@link #planDeployments}. */
    void reserveClass(String className) {
        classNames.reserve(className);
    }

    /** The deployments, in the order of the plan's functions; empty before {@link #planDeployments}. */
    List<Deployment> all() {
        return deployments;
    }

    /** Plans the deployments of every function of the plan, adding notes where Google Cloud differs. */
    void planDeployments() {
        for (ExportPlan.Function function : plan.functions()) {
            List<ExportPlan.Http> http = httpEvents(function);
            List<ExportPlan.Event> others = new ArrayList<>(function.events());
            others.removeIf(e -> e instanceof ExportPlan.Http);
            String base = Names.kebab(function.name(), "fn", 49);
            String pascal = Names.pascal(function.name(), "Function");
            if (!http.isEmpty() || others.isEmpty()) {
                boolean isPublic = http.stream()
                        .anyMatch(h -> h.gateway() == null || h.gateway().auth() == ApiGateway.Auth.NONE);
                deployments.add(new Deployment(
                        deploymentNames.next(base),
                        function,
                        classNames.next(pascal),
                        Trigger.HTTP,
                        null,
                        gen2Project,
                        isPublic));
                if (http.isEmpty()) {
                    notes.add("The function '" + function.name() + "' has no trigger; it is deployed as a"
                            + " private HTTP function that other functions call by URL with an identity token.");
                }
                if (!gen2Project && function.node().instanceConcurrency() > 1) {
                    notes.add("The function '" + function.name() + "' serves "
                            + function.node().instanceConcurrency() + " requests per instance; 1st gen"
                            + " functions serve one at a time (choose the gcp-gen2 provider for --concurrency).");
                }
            }
            if (!others.isEmpty()) {
                String className = classNames.next(http.isEmpty() ? pascal : pascal + "Events");
                for (ExportPlan.Event event : others) {
                    String name = deploymentNames.next(
                            http.isEmpty() && others.size() == 1 ? base : base + "-" + suffix(event));
                    Trigger trigger = event instanceof ExportPlan.StorageEvent ? Trigger.STORAGE : Trigger.PUBSUB;
                    deployments.add(new Deployment(name, function, className, trigger, event, true, false));
                }
                if (!gen2Project) {
                    notes.add("The function '" + function.name() + "' is started by events; it is deployed"
                            + " as a 2nd gen function (--gen2), since 1st gen runs Java event functions only as"
                            + " background functions, not as the CloudEvents functions this export writes.");
                }
            }
        }
    }

    static List<ExportPlan.Http> httpEvents(ExportPlan.Function function) {
        List<ExportPlan.Http> http = new ArrayList<>();
        for (ExportPlan.Event event : function.events()) {
            if (event instanceof ExportPlan.Http h) {
                http.add(h);
            }
        }
        return http;
    }

    private static String suffix(ExportPlan.Event event) {
        if (event instanceof ExportPlan.Schedule) {
            return "schedule";
        } else if (event instanceof ExportPlan.QueueMessages) {
            return "queue";
        } else if (event instanceof ExportPlan.StreamRecords) {
            return "stream";
        } else if (event instanceof ExportPlan.TopicMessages) {
            return "topic";
        }
        return "storage";
    }

    Deployment httpDeployment(String functionId) {
        return deployments.stream()
                .filter(d -> d.function().id().equals(functionId) && d.trigger() == Trigger.HTTP)
                .findFirst()
                .orElse(null);
    }

    static String storageType(ExportPlan.StorageEvent storage) {
        return storage.event() == StorageTrigger.Event.DELETED
                ? "google.cloud.storage.object.v1.deleted"
                : "google.cloud.storage.object.v1.finalized";
    }

    /** What starts a deployment, in words (for comments and the README). */
    List<String> startedBy(Deployment deployment) {
        List<String> out = new ArrayList<>();
        if (deployment.trigger() == Trigger.HTTP) {
            List<ExportPlan.Http> http = httpEvents(deployment.function());
            for (ExportPlan.Http h : http) {
                out.add(
                        h.gateway() == null
                                ? "HTTP " + h.method() + " on the function's URL"
                                : "HTTP " + h.method() + " " + h.path() + " through the API gateway '"
                                        + gatewayName(h.gateway()) + "'");
            }
            if (http.isEmpty()) {
                out.add("HTTP calls from other functions (private)");
            }
            return out;
        }
        ExportPlan.Event event = deployment.event();
        if (event instanceof ExportPlan.Schedule schedule) {
            out.add("the schedule '" + schedule.trigger().name() + "' ("
                    + schedule.trigger().expression()
                    + ") through Cloud Scheduler and the Pub/Sub topic '"
                    + resources.schedules().get(schedule.trigger().id())
                    + "'");
        } else if (event instanceof ExportPlan.QueueMessages queue) {
            out.add("messages on the Pub/Sub topic '"
                    + resources.topics().get(queue.queue().id()) + "' (queue '"
                    + queue.queue().name() + "')");
        } else if (event instanceof ExportPlan.StreamRecords stream) {
            out.add("records on the Pub/Sub topic '"
                    + resources.topics().get(stream.stream().id()) + "' (stream '"
                    + stream.stream().name() + "')");
        } else if (event instanceof ExportPlan.TopicMessages topic) {
            out.add("messages on the Pub/Sub topic '"
                    + resources.topics().get(topic.topic().id()) + "'");
        } else if (event instanceof ExportPlan.StorageEvent storage) {
            List<String> parts = new ArrayList<>();
            if (!storage.prefix().isEmpty()) {
                parts.add("starts with '" + storage.prefix() + "'");
            }
            if (!storage.suffix().isEmpty()) {
                parts.add("ends with '" + storage.suffix() + "'");
            }
            String filter = parts.isEmpty() ? "" : " whose name " + String.join(" and ", parts);
            out.add("objects " + (storage.event() == StorageTrigger.Event.DELETED ? "deleted from" : "written to")
                    + " the bucket '"
                    + resources.buckets().get(storage.bucket().id()).deployed().replace(GcpExporter.PROJECT, "PROJECT")
                    + "'" + filter);
        }
        return out;
    }

    static String gatewayName(ApiGateway gateway) {
        return gateway.name().isBlank() ? gateway.id() : gateway.name();
    }
}
