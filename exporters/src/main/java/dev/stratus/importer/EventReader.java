package dev.stratus.importer;

import static dev.stratus.importer.Template.DYNAMODB_TABLE;
import static dev.stratus.importer.Template.HTTP_API;
import static dev.stratus.importer.Template.KINESIS_STREAM;
import static dev.stratus.importer.Template.LAMBDA_FUNCTION;
import static dev.stratus.importer.Template.REST_API;
import static dev.stratus.importer.Template.S3_BUCKET;
import static dev.stratus.importer.Template.SAM_FUNCTION;
import static dev.stratus.importer.Template.SNS_TOPIC;
import static dev.stratus.importer.Template.SQS_QUEUE;

import dev.stratus.importer.Intrinsics.Reference;
import dev.stratus.importer.Template.Resource;
import dev.stratus.importer.Tree.Entry;
import dev.stratus.importer.Tree.Mapping;
import dev.stratus.importer.Tree.Scalar;
import dev.stratus.importer.Tree.Value;
import dev.stratus.model.Edge;
import dev.stratus.model.ScheduleExpression;
import dev.stratus.model.StorageTrigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What starts each function: the events of SAM functions, and the event source mappings, SNS
 * subscriptions, scheduled rules and function URLs of CloudFormation.
 */
final class EventReader {

    private final Template template;
    final List<EventSpec> events = new ArrayList<>();

    EventReader(Template template) {
        this.template = template;
    }

    /** How a Stratus export describes a schedule event: the schedule node's name. */
    static final Pattern STRATUS_SCHEDULE = Pattern.compile("Stratus schedule '(.*)'", Pattern.DOTALL);

    /** What starts a function. */
    enum Source {
        HTTP,
        SCHEDULE,
        QUEUE,
        TOPIC,
        BUCKET,
        STREAM,
        TABLE_STREAM,
        URL
    }

    /** One event of a function: its source and settings. */
    static final class EventSpec {
        String function;
        String name;
        Source source;
        String resource;
        String external;
        int line;
        String api;
        boolean rest;
        String route;
        String expression;
        Edge.Batching batching;
        StorageTrigger.Event storageEvent = StorageTrigger.Event.CREATED;
        String prefix = "";
        String suffix = "";
        /** The node name a Stratus export wrote in the event's description, if it did. */
        String stratusName;
        /** The id of the trigger node a Stratus export recorded for this event, if it did. */
        String stratusId;
    }

    // ---------------------------------------------------------------- events

    void readEvents(String function, Mapping events) {
        List<String[]> schedules =
                Template.stratusNodes(Template.stratus(template.resources.get(function)), "scheduleTriggers");
        int scheduleIndex = 0;
        for (Entry entry : events.entries()) {
            String where = function + ".Events." + entry.key();
            if (!(entry.value() instanceof Mapping event)) {
                template.note(
                        where, entry.line(), "an event that is " + entry.value().describe() + " is not modelled");
                continue;
            }
            String type = event.text("Type").orElse("");
            Mapping properties = event.mapping("Properties").orElse(Template.empty());
            EventSpec spec = new EventSpec();
            spec.function = function;
            spec.name = entry.key();
            spec.line = entry.line();
            boolean read = switch (type) {
                case "HttpApi", "Api" -> httpEvent(spec, type, properties, where);
                case "Schedule", "ScheduleV2", "EventBridgeRule", "CloudWatchEvent" ->
                    scheduleEvent(spec, type, properties, where);
                case "SQS" -> sourceEvent(spec, Source.QUEUE, properties.get("Queue"), properties, where);
                case "SNS" -> sourceEvent(spec, Source.TOPIC, properties.get("Topic"), properties, where);
                case "S3" -> storageEvent(spec, properties, where);
                case "Kinesis", "DynamoDB" ->
                    sourceEvent(
                            spec,
                            type.equals("Kinesis") ? Source.STREAM : Source.TABLE_STREAM,
                            properties.get("Stream"),
                            properties,
                            where);
                default -> {
                    template.note(
                            where,
                            entry.line(),
                            "an event of type " + (type.isEmpty() ? "(none)" : type) + " is not modelled");
                    yield false;
                }
            };
            if (read && spec.source == Source.SCHEDULE && scheduleIndex < schedules.size()) {
                String[] node = schedules.get(scheduleIndex++);
                spec.stratusId = node[0];
                spec.stratusName = node[1].isBlank() ? spec.stratusName : node[1];
            }
            if (read) {
                this.events.add(spec);
            }
        }
    }

    boolean httpEvent(EventSpec spec, String type, Mapping properties, String where) {
        spec.source = Source.HTTP;
        spec.rest = type.equals("Api");
        String method = properties.text("Method").orElse(null);
        String path = properties.text("Path").orElse(null);
        if (method == null || path == null) {
            if (spec.rest) {
                template.note(where, spec.line, "an Api event needs a Path and a Method; not modelled");
                return false;
            }
            template.note(where, spec.line, "the HTTP API's default route is imported as ANY /");
            method = "ANY";
            path = "/";
        }
        method = method.toUpperCase(Locale.ROOT);
        if (method.equals("X-AMAZON-APIGATEWAY-ANY-METHOD")) {
            method = "ANY";
        }
        spec.route = method + " " + path;
        Optional<Value> api = properties.get(spec.rest ? "RestApiId" : "ApiId");
        if (api.isPresent()) {
            Optional<Reference> ref = Intrinsics.wholeReference(api.get());
            if (ref.isPresent() && template.isType(ref.get().logicalId(), HTTP_API, REST_API)) {
                spec.api = ref.get().logicalId();
            } else {
                template.note(
                        where,
                        spec.line,
                        "its API " + Intrinsics.show(api.get())
                                + " is not a resource of the template; the route goes to the template's own API");
            }
        }
        for (Entry entry : properties.entries()) {
            if (!List.of("Method", "Path", "ApiId", "RestApiId", "PayloadFormatVersion")
                    .contains(entry.key())) {
                template.note(where + "." + entry.key(), entry.line(), "not modelled");
            }
        }
        return true;
    }

    boolean scheduleEvent(EventSpec spec, String type, Mapping properties, String where) {
        spec.source = Source.SCHEDULE;
        Optional<String> expression = properties
                .get(type.equals("ScheduleV2") ? "ScheduleExpression" : "Schedule")
                .flatMap(template.intrinsics::text);
        if (expression.isEmpty()) {
            template.note(
                    where,
                    spec.line,
                    "an event of type " + type + " without a schedule (an event pattern) is not modelled");
            return false;
        }
        try {
            ScheduleExpression.parse(expression.get());
        } catch (ScheduleExpression.InvalidScheduleException e) {
            template.note(
                    where, spec.line, "the schedule '" + expression.get() + "' is not modelled: " + e.getMessage());
            return false;
        }
        spec.expression = expression.get().strip();
        properties.text("Description").ifPresent(d -> {
            Matcher m = STRATUS_SCHEDULE.matcher(d);
            if (m.matches() && !m.group(1).isBlank()) {
                spec.stratusName = m.group(1);
            }
        });
        properties
                .text("Enabled")
                .filter("false"::equalsIgnoreCase)
                .ifPresent(x -> template.note(where, spec.line, "the schedule is disabled; imported as enabled"));
        properties
                .text("State")
                .filter(s -> !s.equals("ENABLED"))
                .ifPresent(
                        x -> template.note(where, spec.line, "the schedule's state " + x + " is imported as enabled"));
        for (Entry entry : properties.entries()) {
            if (!List.of("Schedule", "ScheduleExpression", "Enabled", "State", "Name", "Description")
                    .contains(entry.key())) {
                template.note(where + "." + entry.key(), entry.line(), "not modelled");
            }
        }
        return true;
    }

    boolean sourceEvent(EventSpec spec, Source source, Optional<Value> from, Mapping properties, String where) {
        spec.source = source;
        if (from.isEmpty()) {
            template.note(where, spec.line, "names no source; not modelled");
            return false;
        }
        Optional<Reference> ref = Intrinsics.references(from.get()).stream()
                .filter(r -> template.resources.containsKey(r.logicalId()))
                .findFirst();
        String expected = switch (source) {
            case QUEUE -> SQS_QUEUE;
            case TOPIC -> SNS_TOPIC;
            case STREAM -> KINESIS_STREAM;
            default -> DYNAMODB_TABLE;
        };
        if (ref.isPresent() && template.isType(ref.get().logicalId(), expected)) {
            spec.resource = ref.get().logicalId();
        } else if (ref.isPresent()) {
            template.note(
                    where,
                    spec.line,
                    "its source " + ref.get().logicalId() + " is not a " + expected + "; not modelled");
            return false;
        } else {
            Optional<String> text = template.intrinsics.text(from.get());
            spec.external = externalName(from.get(), text.orElse(null));
            template.note(
                    where,
                    spec.line,
                    "its source " + Intrinsics.show(from.get())
                            + " is outside the template; it becomes a trigger named after it");
        }
        if (source == Source.QUEUE || source == Source.STREAM || source == Source.TABLE_STREAM) {
            Optional<Integer> size = properties
                    .get("BatchSize")
                    .flatMap(template.intrinsics::text)
                    .flatMap(Template::parseInt);
            Optional<Double> window = properties
                    .get("MaximumBatchingWindowInSeconds")
                    .flatMap(template.intrinsics::text)
                    .flatMap(Template::parseDouble);
            if (size.isPresent() || window.isPresent()) {
                int defaultSize = source == Source.QUEUE ? 10 : 100;
                spec.batching =
                        new Edge.Batching(Math.max(1, size.orElse(defaultSize)), Math.max(0, window.orElse(0.0)));
            }
        }
        for (Entry entry : properties.entries()) {
            if (!List.of(
                            "Queue",
                            "Topic",
                            "Stream",
                            "BatchSize",
                            "MaximumBatchingWindowInSeconds",
                            "StartingPosition",
                            "Enabled")
                    .contains(entry.key())) {
                template.note(where + "." + entry.key(), entry.line(), "not modelled");
            }
        }
        return true;
    }

    /** A name for a source outside the template: the last part of its ARN, or the parameter's name. */
    static String externalName(Value source, String text) {
        Optional<Reference> ref = Intrinsics.wholeReference(source);
        if (ref.isPresent()) {
            return ref.get().logicalId();
        }
        if (text == null) {
            return Intrinsics.show(source);
        }
        String name = text;
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        name = name.substring(Math.max(slash, colon) + 1);
        return name.isBlank() ? text : name;
    }

    boolean storageEvent(EventSpec spec, Mapping properties, String where) {
        spec.source = Source.BUCKET;
        Optional<Reference> ref = properties.get("Bucket").flatMap(Intrinsics::wholeReference);
        if (ref.isEmpty() || !template.isType(ref.get().logicalId(), S3_BUCKET)) {
            template.note(where, spec.line, "its Bucket is not a bucket of the template; not modelled");
            return false;
        }
        spec.resource = ref.get().logicalId();
        List<String> kinds = new ArrayList<>();
        for (Value event : Tree.items(properties.get("Events").orElse(null))) {
            template.intrinsics.text(event).ifPresent(kinds::add);
        }
        boolean created = kinds.stream().anyMatch(k -> k.startsWith("s3:ObjectCreated"));
        boolean removed = kinds.stream().anyMatch(k -> k.startsWith("s3:ObjectRemoved"));
        spec.storageEvent = removed && !created ? StorageTrigger.Event.DELETED : StorageTrigger.Event.CREATED;
        List<String> others = kinds.stream()
                .filter(k -> !(k.startsWith("s3:ObjectCreated") || k.startsWith("s3:ObjectRemoved")))
                .toList();
        if ((created && removed) || !others.isEmpty()) {
            template.note(
                    where,
                    spec.line,
                    "of the events " + String.join(", ", kinds) + " only "
                            + (spec.storageEvent == StorageTrigger.Event.CREATED ? "object creation" : "object removal")
                            + " is modelled");
        }
        properties.mapping("Filter").flatMap(f -> f.mapping("S3Key")).ifPresent(key -> {
            for (Value rule : Tree.items(key.get("Rules").orElse(null))) {
                if (rule instanceof Mapping r) {
                    String name = r.text("Name").orElse("").toLowerCase(Locale.ROOT);
                    String value =
                            r.get("Value").flatMap(template.intrinsics::text).orElse("");
                    if (name.equals("prefix")) {
                        spec.prefix = value;
                    } else if (name.equals("suffix")) {
                        spec.suffix = value;
                    }
                }
            }
        });
        return true;
    }

    void readEventSourceMapping(Resource resource) {
        Mapping p = resource.properties();
        String where = resource.logicalId();
        Optional<String> function = p.get("FunctionName").flatMap(this::functionOf);
        Optional<Value> source = p.get("EventSourceArn");
        if (function.isEmpty() || source.isEmpty()) {
            template.note(
                    where,
                    resource.line(),
                    "an event source mapping whose function or source is not in the template is not modelled");
            return;
        }
        Optional<Reference> ref = Intrinsics.references(source.get()).stream()
                .filter(r -> template.resources.containsKey(r.logicalId()))
                .findFirst();
        Source kind;
        if (ref.isPresent() && template.isType(ref.get().logicalId(), SQS_QUEUE)) {
            kind = Source.QUEUE;
        } else if (ref.isPresent() && template.isType(ref.get().logicalId(), KINESIS_STREAM)) {
            kind = Source.STREAM;
        } else if (ref.isPresent() && template.isType(ref.get().logicalId(), DYNAMODB_TABLE)) {
            kind = Source.TABLE_STREAM;
        } else {
            String text = template.intrinsics.text(source.get()).orElse("");
            kind = text.startsWith("arn:aws:sqs")
                    ? Source.QUEUE
                    : text.startsWith("arn:aws:kinesis") ? Source.STREAM : null;
            if (kind == null) {
                template.note(
                        where, resource.line(), "the source " + Intrinsics.show(source.get()) + " is not modelled");
                return;
            }
        }
        template.modelled.add(resource.logicalId());
        EventSpec spec = new EventSpec();
        spec.function = function.get();
        spec.name = resource.logicalId();
        spec.line = resource.line();
        Mapping renamed = new Mapping(
                p.entries().stream()
                        .filter(e -> !e.key().equals("FunctionName"))
                        .map(e -> e.key().equals("EventSourceArn")
                                ? new Entry(kind == Source.QUEUE ? "Queue" : "Stream", e.line(), e.column(), e.value())
                                : e)
                        .toList(),
                p.line(),
                p.column());
        if (sourceEvent(spec, kind, source, renamed, where)) {
            events.add(spec);
        }
    }

    void readSubscription(Resource resource) {
        Mapping p = resource.properties();
        if (!p.text("Protocol").orElse("").equals("lambda")) {
            template.note(
                    resource.logicalId(),
                    resource.line(),
                    "a subscription that is not to a Lambda function is not modelled");
            return;
        }
        Optional<String> function = p.get("Endpoint").flatMap(this::functionOf);
        if (function.isEmpty()) {
            template.note(
                    resource.logicalId(),
                    resource.line(),
                    "its endpoint is not a function of the template; not modelled");
            return;
        }
        EventSpec spec = new EventSpec();
        spec.function = function.get();
        spec.name = resource.logicalId();
        spec.line = resource.line();
        Mapping renamed = new Mapping(
                List.of(new Entry(
                        "Topic",
                        resource.line(),
                        1,
                        p.get("TopicArn").orElse(new Scalar("", Tree.ScalarType.NULL, 0, 0)))),
                p.line(),
                p.column());
        if (sourceEvent(spec, Source.TOPIC, p.get("TopicArn"), renamed, resource.logicalId())) {
            template.modelled.add(resource.logicalId());
            events.add(spec);
        }
    }

    void readRule(Resource resource) {
        Mapping p = resource.properties();
        Optional<String> expression = p.get("ScheduleExpression").flatMap(template.intrinsics::text);
        if (expression.isEmpty()) {
            template.note(resource.logicalId(), resource.line(), "an event rule with an event pattern is not modelled");
            return;
        }
        boolean any = false;
        for (Value target : Tree.items(p.get("Targets").orElse(null))) {
            Optional<String> function =
                    target instanceof Mapping t ? t.get("Arn").flatMap(this::functionOf) : Optional.empty();
            if (function.isEmpty()) {
                template.note(
                        resource.logicalId(),
                        target.line(),
                        "a target that is not a function of the template is not modelled");
                continue;
            }
            EventSpec spec = new EventSpec();
            spec.function = function.get();
            spec.name = resource.logicalId();
            spec.line = resource.line();
            Mapping schedule = new Mapping(
                    List.of(new Entry(
                            "Schedule",
                            resource.line(),
                            1,
                            p.get("ScheduleExpression").orElseThrow())),
                    p.line(),
                    p.column());
            if (scheduleEvent(spec, "Schedule", schedule, resource.logicalId())) {
                events.add(spec);
                any = true;
            }
        }
        if (any) {
            template.modelled.add(resource.logicalId());
        }
    }

    void readFunctionUrl(Resource resource) {
        Optional<String> function =
                resource.properties().get("TargetFunctionArn").flatMap(this::functionOf);
        if (function.isEmpty()) {
            template.note(
                    resource.logicalId(),
                    resource.line(),
                    "a function URL of a function outside the template is not modelled");
            return;
        }
        template.modelled.add(resource.logicalId());
        EventSpec spec = new EventSpec();
        spec.function = function.get();
        spec.name = resource.logicalId();
        spec.line = resource.line();
        spec.source = Source.URL;
        events.add(spec);
    }

    Optional<String> functionOf(Value value) {
        return Intrinsics.references(value).stream()
                .map(Reference::logicalId)
                .filter(id -> template.isType(id, SAM_FUNCTION, LAMBDA_FUNCTION))
                .findFirst();
    }
}
