package dev.stratus.importer;

import static dev.stratus.importer.Template.DYNAMODB_TABLE;
import static dev.stratus.importer.Template.EVENTS_RULE;
import static dev.stratus.importer.Template.EVENT_SOURCE_MAPPING;
import static dev.stratus.importer.Template.FUNCTION_PROPERTIES;
import static dev.stratus.importer.Template.HTTP_API;
import static dev.stratus.importer.Template.IAM_POLICY;
import static dev.stratus.importer.Template.IAM_ROLE;
import static dev.stratus.importer.Template.KINESIS_STREAM;
import static dev.stratus.importer.Template.LAMBDA_FUNCTION;
import static dev.stratus.importer.Template.LAMBDA_PERMISSION;
import static dev.stratus.importer.Template.LAMBDA_URL;
import static dev.stratus.importer.Template.PHYSICAL_NAMES;
import static dev.stratus.importer.Template.REST_API;
import static dev.stratus.importer.Template.S3_BUCKET;
import static dev.stratus.importer.Template.SAM_FUNCTION;
import static dev.stratus.importer.Template.SES_IDENTITY;
import static dev.stratus.importer.Template.SIMPLE_TABLE;
import static dev.stratus.importer.Template.SNS_SUBSCRIPTION;
import static dev.stratus.importer.Template.SNS_TOPIC;
import static dev.stratus.importer.Template.SQS_QUEUE;

import dev.stratus.export.Names;
import dev.stratus.importer.ConnectionReader.Use;
import dev.stratus.importer.EventReader.EventSpec;
import dev.stratus.importer.EventReader.Source;
import dev.stratus.importer.Intrinsics.Reference;
import dev.stratus.importer.Template.Resource;
import dev.stratus.importer.Template.Statement;
import dev.stratus.importer.Tree.Entry;
import dev.stratus.importer.Tree.Mapping;
import dev.stratus.importer.Tree.Scalar;
import dev.stratus.importer.Tree.Value;
import dev.stratus.layout.LayeredLayout;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.Architecture;
import dev.stratus.model.Database;
import dev.stratus.model.Edge;
import dev.stratus.model.ExternalApi;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.KeepAlive;
import dev.stratus.model.Node;
import dev.stratus.model.NodeDefaults;
import dev.stratus.model.NodeKind;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.Queue;
import dev.stratus.model.QueueTrigger;
import dev.stratus.model.ScheduleTrigger;
import dev.stratus.model.SimulationSettings;
import dev.stratus.model.StorageTrigger;
import dev.stratus.model.StreamTrigger;
import dev.stratus.model.Workload;
import dev.stratus.validate.Problem;
import dev.stratus.validate.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One import of one template: reads the sections and resources, works out what starts each function
 * and what each function uses, and builds the project. See {@link SamImporter} for the mapping.
 */
final class TemplateImport {

    /** How a Stratus export describes the SES identity parameter of an email node: the node's name. */
    static final Pattern STRATUS_EMAIL = Pattern.compile(".*the mail of '(.*)'", Pattern.DOTALL);

    /** The default memory and timeout of a Lambda function that sets none. */
    static final int AWS_DEFAULT_MEMORY_MB = 128;

    static final double AWS_DEFAULT_TIMEOUT_SECONDS = 3;

    /** The traffic each imported entry trigger gets: a request a second, at random. */
    static final double DEFAULT_RATE_PER_SECOND = 1;

    /** An environment variable: literal text, or a reference to what {@code target} names. */
    record Variable(String literal, String target) {}

    /** The settings of a function. */
    static final class FunctionSpec {
        Resource resource;
        int memoryMb;
        double timeoutSeconds;
        String runtime;
        FunctionNode.Architecture architecture;
        String handler;
        Integer reservedConcurrency;
        int provisionedConcurrency;
        final Map<String, Variable> environment = new LinkedHashMap<>();
    }

    /** A node to be: its kind, where it came from, and the names it asks for. */
    static final class Draft {
        final String key;
        final NodeKind kind;
        final int line;
        String metadataId;
        String metadataName;
        String suggestedName;
        String id;
        String name;
        Node node;

        Draft(String key, NodeKind kind, int line) {
            this.key = key;
            this.kind = kind;
            this.line = line;
        }
    }

    /** An edge to be. */
    record Link(String from, String to, String route, Edge.Batching batching) {}

    private final String fileStem;
    private final Map<String, FunctionSpec> functions = new LinkedHashMap<>();
    private final Set<String> noted = new HashSet<>();
    private final Map<String, String> externalUrls = new HashMap<>();

    private final Template template;
    private final EventReader eventReader;
    private final ConnectionReader connections;
    private final List<EventSpec> events;
    private final List<Use> uses;

    TemplateImport(Template template, String fileStem) {
        this.template = template;
        this.fileStem = fileStem;
        this.eventReader = new EventReader(template);
        this.connections = new ConnectionReader(template);
        this.events = eventReader.events;
        this.uses = connections.uses;
    }

    // ---------------------------------------------------------------- the import

    ImportResult run() throws TemplateException {
        for (Resource resource : template.resources.values()) {
            if (Template.isFunction(resource)) {
                readFunction(resource);
            }
        }
        for (Resource resource : template.resources.values()) {
            switch (resource.type()) {
                case EVENT_SOURCE_MAPPING -> eventReader.readEventSourceMapping(resource);
                case SNS_SUBSCRIPTION -> eventReader.readSubscription(resource);
                case EVENTS_RULE -> eventReader.readRule(resource);
                case LAMBDA_URL -> eventReader.readFunctionUrl(resource);
                default -> {}
            }
        }
        Map<String, NodeKind> kinds = decideKinds();
        List<Draft> drafts = new ArrayList<>();
        Map<String, Draft> byKey = new LinkedHashMap<>();
        List<Link> links = new ArrayList<>();
        createDrafts(kinds, drafts, byKey, links);
        name(drafts);
        Architecture architecture = build(drafts, byKey, links);
        reportLeftovers();
        List<Workload> workloads = new ArrayList<>();
        for (Node node : architecture.nodes()) {
            if (node.kind().isTrigger() && node.kind() != NodeKind.SCHEDULE_TRIGGER) {
                workloads.add(new Workload.Poisson(node.id(), DEFAULT_RATE_PER_SECOND));
            }
        }
        Project project = new Project(
                projectName(),
                projectDescription(),
                Provider.AWS,
                SimulationSettings.DEFAULT,
                architecture,
                workloads,
                LayeredLayout.of(architecture));
        if (!workloads.isEmpty()) {
            template.report.add("Workloads: each entry trigger gets " + (int) DEFAULT_RATE_PER_SECOND
                    + " request a second at random (Poisson); a template says nothing of traffic.");
        }
        for (Problem problem : new Validator().validate(project)) {
            if (problem.severity() == Problem.Severity.ERROR) {
                template.report.add("Problem in the imported design: " + problem.message());
            }
        }
        return new ImportResult(project, template.report);
    }

    // ---------------------------------------------------------------- functions

    private void readFunction(Resource resource) {
        template.modelled.add(resource.logicalId());
        boolean sam = resource.type().equals(SAM_FUNCTION);
        Mapping own = resource.properties();
        Mapping globals = sam ? template.globalFunction : Template.empty();
        String id = resource.logicalId();
        FunctionSpec spec = new FunctionSpec();
        spec.resource = resource;
        spec.memoryMb = integer(id, "MemorySize", own, globals).orElse(AWS_DEFAULT_MEMORY_MB);
        spec.timeoutSeconds = number(id, "Timeout", own, globals).orElse(AWS_DEFAULT_TIMEOUT_SECONDS);
        if (spec.memoryMb == 0 || spec.timeoutSeconds <= 0) {
            template.note(id, resource.line(), "a memory size or timeout of zero or less is replaced by AWS's default");
            spec.memoryMb = spec.memoryMb == 0 ? AWS_DEFAULT_MEMORY_MB : spec.memoryMb;
            spec.timeoutSeconds = spec.timeoutSeconds <= 0 ? AWS_DEFAULT_TIMEOUT_SECONDS : spec.timeoutSeconds;
        }
        spec.runtime = Template.setting("Runtime", own, globals)
                .flatMap(template.intrinsics::text)
                .orElse(null);
        if (spec.runtime == null) {
            template.note(
                    id, resource.line(), "has no Runtime; it gets Stratus's default, " + FunctionNode.DEFAULT_RUNTIME);
        }
        spec.architecture = FunctionNode.Architecture.X86_64;
        Template.setting("Architectures", own, globals).ifPresent(value -> {
            List<Value> items = Tree.items(value);
            String arch = items.isEmpty()
                    ? ""
                    : template.intrinsics.text(items.get(0)).orElse("");
            if (arch.equals("arm64")) {
                spec.architecture = FunctionNode.Architecture.ARM64;
            } else if (!arch.equals("x86_64")) {
                template.note(
                        id + ".Architectures", value.line(), "'" + arch + "' is not an architecture; x86_64 is used");
            }
        });
        Template.setting("Handler", own, globals)
                .flatMap(template.intrinsics::text)
                .ifPresent(handler -> {
                    boolean java = spec.runtime != null && spec.runtime.startsWith("java");
                    if (java) {
                        spec.handler = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
                    } else {
                        template.note(
                                id + ".Handler",
                                resource.line(),
                                "the handler '" + handler + "' is not kept: Stratus functions"
                                        + " are Java and their export generates a handler");
                    }
                });
        integer(id, "ReservedConcurrentExecutions", own, globals).ifPresent(r -> spec.reservedConcurrency = r);
        Template.setting("ProvisionedConcurrencyConfig", own, globals)
                .filter(Mapping.class::isInstance)
                .map(Mapping.class::cast)
                .flatMap(m -> m.get("ProvisionedConcurrentExecutions"))
                .ifPresent(v -> {
                    Optional<Integer> n = template.intrinsics.text(v).flatMap(Template::parseInt);
                    if (n.isPresent() && n.get() >= 0) {
                        spec.provisionedConcurrency = n.get();
                    } else {
                        template.note(
                                id + ".ProvisionedConcurrencyConfig", v.line(), "not a number of instances; ignored");
                    }
                });
        for (Entry entry : own.entries()) {
            if (!FUNCTION_PROPERTIES.contains(entry.key())) {
                template.note(id + "." + entry.key(), entry.line(), describeUnmodelledFunctionProperty(entry));
            }
        }
        functions.put(id, spec);
        // Policies first: their order is the order of the function's connections.
        Template.setting("Policies", own, globals).ifPresent(p -> connections.readPolicies(id, p));
        roleOf(own).ifPresent(role -> {
            List<Statement> granted = template.roleStatements.getOrDefault(role, List.of());
            for (Statement statement : granted) {
                connections.readStatement(id, statement.statement());
            }
        });
        readEnvironment(spec, own, globals);
        if (sam) {
            own.mapping("Events").ifPresent(m -> eventReader.readEvents(id, m));
            own.get("FunctionUrlConfig").ifPresent(url -> {
                List<String[]> triggers = Template.stratusNodes(Template.stratus(resource), "httpTriggers");
                if (triggers.isEmpty()) {
                    triggers = new ArrayList<>();
                    triggers.add(null);
                }
                for (String[] trigger : triggers) {
                    EventSpec event = new EventSpec();
                    event.function = id;
                    event.name = id + "Url";
                    event.source = Source.URL;
                    event.line = url.line();
                    if (trigger != null) {
                        event.stratusId = trigger[0];
                        event.stratusName = trigger[1];
                    }
                    events.add(event);
                }
                if (url instanceof Mapping m
                        && m.text("AuthType").filter(a -> !a.equals("NONE")).isPresent()) {
                    template.note(id + ".FunctionUrlConfig", url.line(), "its AuthType is not modelled");
                }
            });
        }
    }

    private static String describeUnmodelledFunctionProperty(Entry entry) {
        return switch (entry.key()) {
            case "CodeUri", "InlineCode", "Code", "ImageUri" ->
                "its code is not imported; the export generates a handler to fill in";
            case "FunctionName" -> "the physical name is not kept; the function is named after its logical id";
            default -> "not modelled";
        };
    }

    private Optional<String> roleOf(Mapping properties) {
        return properties
                .get("Role")
                .flatMap(Intrinsics::wholeReference)
                .map(Reference::logicalId)
                .filter(r -> template.isType(r, IAM_ROLE));
    }

    private Optional<Integer> integer(String id, String name, Mapping own, Mapping globals) {
        Optional<Value> value = Template.setting(name, own, globals);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> n = template.intrinsics.text(value.get()).flatMap(Template::parseInt);
        if (n.isEmpty() || n.get() < 0) {
            template.note(
                    id + "." + name,
                    value.get().line(),
                    "'" + Intrinsics.show(value.get()) + "' is not a whole number; the default is used");
            return Optional.empty();
        }
        return n;
    }

    private Optional<Double> number(String id, String name, Mapping own, Mapping globals) {
        Optional<Value> value = Template.setting(name, own, globals);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Double> n = template.intrinsics.text(value.get()).flatMap(Template::parseDouble);
        if (n.isEmpty()) {
            template.note(
                    id + "." + name,
                    value.get().line(),
                    "'" + Intrinsics.show(value.get()) + "' is not a number; the default is used");
        }
        return n;
    }

    private void readEnvironment(FunctionSpec spec, Mapping own, Mapping globals) {
        String id = spec.resource.logicalId();
        Map<String, Entry> variables = new LinkedHashMap<>();
        for (Mapping source : List.of(globals, own)) {
            source.mapping("Environment")
                    .flatMap(e -> e.mapping("Variables"))
                    .ifPresent(vars -> vars.entries().forEach(e -> variables.put(e.key(), e)));
        }
        for (Entry entry : variables.values()) {
            String where = id + ".Environment." + entry.key();
            Value value = entry.value();
            Optional<Reference> whole = Intrinsics.wholeReference(value);
            List<Reference> refs = Intrinsics.references(value);
            Optional<Reference> target =
                    whole.isPresent() && template.isTarget(whole.get().logicalId())
                            ? whole
                            : refs.stream()
                                    .filter(r -> template.isTarget(r.logicalId()))
                                    .findFirst();
            if (target.isPresent()) {
                String targetId = target.get().logicalId();
                if (targetId.equals(id)) {
                    template.note(where, entry.line(), "names the function itself; kept as its name");
                    spec.environment.put(entry.key(), new Variable(null, targetId));
                    continue;
                }
                if (whole.isEmpty() || !whole.get().logicalId().equals(targetId)) {
                    template.note(
                            where,
                            entry.line(),
                            "'" + Intrinsics.show(value) + "' uses " + targetId + "; the variable now holds its name");
                }
                uses.add(new Use(id, targetId, false, entry.line()));
                spec.environment.put(entry.key(), new Variable(null, targetId));
                continue;
            }
            if (value instanceof Scalar s && s.isNull()) {
                spec.environment.put(entry.key(), new Variable("", null));
                continue;
            }
            if (!(value instanceof Scalar)
                    && !(value instanceof Mapping m && m.intrinsic().isPresent())) {
                template.note(where, entry.line(), value.describe() + " is not text; the variable is left empty");
                spec.environment.put(entry.key(), new Variable("", null));
                continue;
            }
            Optional<String> text = template.intrinsics.text(value);
            Optional<String> named = template.physicallyNamed(value);
            if (named.isPresent() && !named.get().equals(id)) {
                if (value instanceof Scalar) {
                    template.note(
                            where,
                            entry.line(),
                            "'" + text.orElse("") + "' is the physical name of " + named.get()
                                    + "; the variable now holds its node's name");
                }
                uses.add(new Use(id, named.get(), false, entry.line()));
                spec.environment.put(entry.key(), new Variable(null, named.get()));
                continue;
            }
            if (text.isPresent()) {
                if (!(value instanceof Scalar)) {
                    template.note(
                            where,
                            entry.line(),
                            "'" + Intrinsics.show(value) + "' is kept as the text '" + text.get() + "'");
                }
                spec.environment.put(entry.key(), new Variable(text.get(), null));
            } else {
                String shown = Intrinsics.show(value);
                template.note(where, entry.line(), "'" + shown + "' is known only when deployed; kept as that text");
                spec.environment.put(entry.key(), new Variable(shown, null));
            }
        }
    }

    // ---------------------------------------------------------------- kinds

    /**
     * The node kind of each resource that becomes a node. A bucket, queue or topic that starts
     * functions becomes a service only when a function writes to it (or one it does not start uses
     * it); otherwise nothing in the design puts anything into it, and it becomes the trigger it is in
     * effect: events from outside, where a workload attaches.
     */
    private Map<String, NodeKind> decideKinds() {
        Map<String, Set<String>> startedBy = new HashMap<>();
        for (EventSpec event : events) {
            if (event.resource != null) {
                startedBy.computeIfAbsent(event.resource, k -> new HashSet<>()).add(event.function);
            }
        }
        Map<String, NodeKind> kinds = new LinkedHashMap<>();
        for (Resource resource : template.resources.values()) {
            String id = resource.logicalId();
            Set<String> started = startedBy.getOrDefault(id, Set.of());
            boolean used = uses.stream()
                    .anyMatch(u -> u.target().equals(id) && (u.write() || !started.contains(u.function())));
            switch (resource.type()) {
                case SAM_FUNCTION, LAMBDA_FUNCTION -> kinds.put(id, NodeKind.FUNCTION);
                case SIMPLE_TABLE, DYNAMODB_TABLE -> kinds.put(id, NodeKind.DATABASE);
                case S3_BUCKET -> kinds.put(id, started.isEmpty() || used ? NodeKind.BUCKET : NodeKind.STORAGE_TRIGGER);
                // A queue trigger has no FIFO ordering: a FIFO queue stays a queue.
                case SQS_QUEUE ->
                    kinds.put(
                            id,
                            started.isEmpty() || used || fifo(resource.properties())
                                    ? NodeKind.QUEUE
                                    : NodeKind.QUEUE_TRIGGER);
                case SNS_TOPIC -> kinds.put(id, started.isEmpty() || used ? NodeKind.TOPIC : NodeKind.TOPIC_TRIGGER);
                case KINESIS_STREAM -> {
                    if (!started.isEmpty()) {
                        kinds.put(id, NodeKind.STREAM_TRIGGER);
                    }
                }
                case HTTP_API, REST_API -> {
                    if (events.stream().anyMatch(e -> id.equals(e.api))) {
                        kinds.put(id, NodeKind.API_GATEWAY);
                    }
                }
                case SES_IDENTITY -> {
                    if (uses.stream().anyMatch(u -> u.target().equals(id))) {
                        kinds.put(id, NodeKind.EMAIL);
                    }
                }
                default -> {}
            }
        }
        return kinds;
    }

    // ---------------------------------------------------------------- drafts

    private void createDrafts(
            Map<String, NodeKind> kinds, List<Draft> drafts, Map<String, Draft> byKey, List<Link> links) {
        // Nodes made from resources, in template order; a function's own triggers just before it.
        for (Resource resource : template.resources.values()) {
            NodeKind kind = kinds.get(resource.logicalId());
            if (kind == null) {
                continue;
            }
            template.modelled.add(resource.logicalId());
            if (kind == NodeKind.FUNCTION) {
                for (EventSpec event : events) {
                    if (event.function.equals(resource.logicalId())) {
                        eventSourceDrafts(event, drafts, byKey);
                    }
                }
            }
            if (kind == NodeKind.API_GATEWAY) {
                gatewayTriggers(resource, drafts, byKey, links);
            }
            if (!byKey.containsKey(resource.logicalId())) {
                Draft draft = add(drafts, byKey, new Draft(resource.logicalId(), kind, resource.line()));
                draft.metadataId = resource.metadataId();
                draft.metadataName = resource.metadataName();
                draft.suggestedName = baseName(resource);
            }
        }
        // Email identities that are parameters (in the order of Parameters) or literal addresses.
        List<String> emailKeys = new ArrayList<>();
        template.root
                .mapping("Parameters")
                .ifPresent(parameters -> parameters.entries().forEach(e -> emailKeys.add("ses-parameter:" + e.key())));
        uses.forEach(use -> emailKeys.add(use.target()));
        for (String key : emailKeys) {
            Optional<Use> use =
                    uses.stream().filter(u -> u.target().equals(key)).findFirst();
            if (use.isEmpty() || template.resources.containsKey(key) || byKey.containsKey(key)) {
                continue;
            }
            String identity = connections.emailIdentities.getOrDefault(key, "email");
            Draft email =
                    add(drafts, byKey, new Draft(key, NodeKind.EMAIL, use.get().line()));
            email.suggestedName = Names.kebab(identity, "email", 60);
            if (key.startsWith("ses-parameter:")) {
                String stem = identity.endsWith("Identity") && identity.length() > "Identity".length()
                        ? identity.substring(0, identity.length() - "Identity".length())
                        : identity;
                email.suggestedName = Names.kebab(stem, "email", 60);
                template.report.removeIf(line -> line.startsWith("Parameters." + identity + " ("));
                template.root
                        .mapping("Parameters")
                        .flatMap(p -> p.entry(identity))
                        .ifPresent(entry -> template.note(
                                "Parameters." + identity,
                                entry.line(),
                                "the SES identity a function sends email from: an email node"));
                template.root
                        .mapping("Parameters")
                        .flatMap(p -> p.mapping(identity))
                        .flatMap(p -> p.text("Description"))
                        .map(STRATUS_EMAIL::matcher)
                        .filter(Matcher::matches)
                        .ifPresent(m -> email.metadataName = m.group(1));
                template.stratus()
                        .mapping("parameters")
                        .flatMap(p -> p.mapping(identity))
                        .ifPresent(node -> {
                            email.metadataId =
                                    node.text("id").filter(t -> !t.isBlank()).orElse(null);
                            email.metadataName =
                                    node.text("name").filter(t -> !t.isBlank()).orElse(email.metadataName);
                        });
            }
        }
        externalApis(drafts, byKey, links);
        // Edges: what feeds each function, then what each function uses.
        for (EventSpec event : events) {
            String source = sourceKey(event);
            if (event.source == Source.HTTP) {
                Link feed = new Link("http:" + source, source, null, null);
                if (event.api == null && !links.contains(feed)) {
                    links.add(feed);
                }
                links.add(new Link(source, event.function, event.route, null));
            } else {
                links.add(new Link(source, event.function, null, event.batching));
            }
        }
        for (Use use : uses) {
            Draft target = byKey.get(use.target());
            if (target == null) {
                template.note(use.function(), use.line(), "its use of " + use.target() + " is not modelled");
                continue;
            }
            boolean ownSource = events.stream()
                    .anyMatch(e ->
                            use.target().equals(e.resource) && use.function().equals(e.function));
            if (ownSource && !use.write()) {
                continue; // reading the queue, bucket or topic that starts it is part of the event
            }
            if (target.kind.isTrigger() || use.target().equals(use.function())) {
                if (target.kind.isTrigger() && noted.add(use.function() + " " + use.target())) {
                    template.note(
                            use.function(),
                            use.line(),
                            "its access to " + use.target() + ", which starts it, is part of its trigger");
                }
                continue;
            }
            links.add(new Link(use.function(), use.target(), null, null));
        }
    }

    /**
     * The HTTP triggers that feed an API: those a Stratus export recorded (none, if it recorded none),
     * or one named after the API for any other template.
     */
    private void gatewayTriggers(Resource resource, List<Draft> drafts, Map<String, Draft> byKey, List<Link> links) {
        if (Template.fromStratus(resource)) {
            for (String[] trigger : Template.stratusNodes(Template.stratus(resource), "httpTriggers")) {
                String key = "node:" + trigger[0];
                if (!byKey.containsKey(key)) {
                    Draft http = add(drafts, byKey, new Draft(key, NodeKind.HTTP_TRIGGER, resource.line()));
                    http.metadataId = trigger[0];
                    http.metadataName = blankToNull(trigger[1]);
                    http.suggestedName = "http";
                }
                links.add(new Link(key, resource.logicalId(), null, null));
            }
            return;
        }
        Draft http =
                add(drafts, byKey, new Draft("http:" + resource.logicalId(), NodeKind.HTTP_TRIGGER, resource.line()));
        String base = baseName(resource);
        http.suggestedName = (base.endsWith("-api") ? base.substring(0, base.length() - 4) : base) + "-http";
        links.add(new Link(http.key, resource.logicalId(), null, null));
    }

    /**
     * The external APIs a Stratus export listed in the template's metadata (a URL is nothing to
     * deploy), each connected from the functions that have its URL in a variable.
     */
    private void externalApis(List<Draft> drafts, Map<String, Draft> byKey, List<Link> links) {
        for (String[] api : Template.stratusNodes(template.stratus(), "externalApis")) {
            String key = "node:" + api[0];
            if (byKey.containsKey(key)) {
                continue;
            }
            Draft draft = add(
                    drafts,
                    byKey,
                    new Draft(key, NodeKind.EXTERNAL_API, template.stratus().line()));
            draft.metadataId = api[0];
            draft.metadataName = blankToNull(api[1]);
            draft.suggestedName = "external-api";
            externalUrls.put(key, api[2]);
            if (api[2].isBlank()) {
                continue;
            }
            for (FunctionSpec function : functions.values()) {
                boolean uses = function.environment.values().stream()
                        .anyMatch(v -> v.target() == null && api[2].equals(v.literal()));
                if (uses) {
                    links.add(new Link(function.resource.logicalId(), key, null, null));
                }
            }
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private Draft add(List<Draft> drafts, Map<String, Draft> byKey, Draft draft) {
        drafts.add(draft);
        byKey.put(draft.key, draft);
        return draft;
    }

    /** The key of the node an event comes from. */
    private static String sourceKey(EventSpec event) {
        return switch (event.source) {
            case HTTP -> event.api != null ? event.api : (event.rest ? "implicit-rest-api" : "implicit-http-api");
            case SCHEDULE ->
                event.stratusId != null ? "node:" + event.stratusId : "schedule:" + event.function + ":" + event.name;
            case URL -> event.stratusId != null ? "node:" + event.stratusId : "url:" + event.function;
            case TABLE_STREAM -> "table-stream:" + (event.resource != null ? event.resource : event.external);
            default -> event.resource != null ? event.resource : "external:" + event.source + ":" + event.external;
        };
    }

    private void eventSourceDrafts(EventSpec event, List<Draft> drafts, Map<String, Draft> byKey) {
        String key = sourceKey(event);
        if (byKey.containsKey(key)) {
            return;
        }
        switch (event.source) {
            case HTTP -> {
                if (event.api != null) {
                    return; // the API resource's own place
                }
                Draft http = add(drafts, byKey, new Draft("http:" + key, NodeKind.HTTP_TRIGGER, event.line));
                Draft gateway = add(drafts, byKey, new Draft(key, NodeKind.API_GATEWAY, event.line));
                boolean both = events.stream().anyMatch(e -> e.source == Source.HTTP && e.api == null && e.rest)
                        && events.stream().anyMatch(e -> e.source == Source.HTTP && e.api == null && !e.rest);
                String stack = Names.kebab(projectName(), "stack", 50);
                gateway.suggestedName = stack + (event.rest && both ? "-rest-api" : "-api");
                http.suggestedName = stack + (event.rest && both ? "-rest-http" : "-http");
            }
            case SCHEDULE -> {
                Draft schedule = add(drafts, byKey, new Draft(key, NodeKind.SCHEDULE_TRIGGER, event.line));
                schedule.suggestedName = Names.kebab(event.name, "schedule", 60);
                schedule.metadataName = event.stratusName;
                schedule.metadataId = event.stratusId;
            }
            case URL -> {
                Draft url = add(drafts, byKey, new Draft(key, NodeKind.HTTP_TRIGGER, event.line));
                url.suggestedName = kebab(event.function) + "-url";
                url.metadataId = event.stratusId;
                url.metadataName = blankToNull(event.stratusName);
            }
            case TABLE_STREAM ->
                add(drafts, byKey, new Draft(key, NodeKind.STREAM_TRIGGER, event.line)).suggestedName = (event.resource
                                        != null
                                ? baseName(template.resources.get(event.resource))
                                : Names.kebab(event.external, "table", 50))
                        + "-stream";
            default -> {
                if (event.resource != null) {
                    return; // the resource's own place
                }
                NodeKind kind = switch (event.source) {
                    case QUEUE -> NodeKind.QUEUE_TRIGGER;
                    case TOPIC -> NodeKind.TOPIC_TRIGGER;
                    case STREAM -> NodeKind.STREAM_TRIGGER;
                    default -> NodeKind.STORAGE_TRIGGER;
                };
                add(drafts, byKey, new Draft(key, kind, event.line)).suggestedName =
                        Names.kebab(event.external, "source", 60);
            }
        }
    }

    private String baseName(Resource resource) {
        return resource.metadataName() != null ? resource.metadataName() : kebab(resource.logicalId());
    }

    private static String kebab(String logicalId) {
        return Names.kebab(logicalId, "resource", 64);
    }

    // ---------------------------------------------------------------- names and ids

    private void name(List<Draft> drafts) {
        Names.Unique names = new Names.Unique("-", 1000);
        Set<String> ids = new HashSet<>();
        for (Draft draft : drafts) {
            if (draft.metadataName != null) {
                // Exactly as recorded, even when two nodes share a name: the validator's problem then
                // says so, as it did for the design that was exported.
                names.reserve(draft.metadataName);
                draft.name = draft.metadataName;
            }
            if (draft.metadataId != null && ids.add(draft.metadataId)) {
                draft.id = draft.metadataId;
            }
        }
        for (Draft draft : drafts) {
            if (draft.name == null) {
                draft.name = names.next(draft.suggestedName == null ? draft.kind.id() : draft.suggestedName);
            }
        }
        for (Draft draft : drafts) {
            if (draft.id == null) {
                String base = prefix(draft.kind) + "-" + Names.kebab(draft.name, "node", 70);
                String id = base;
                for (int n = 2; !ids.add(id); n++) {
                    id = base + "-" + n;
                }
                draft.id = id;
            }
        }
    }

    static String prefix(NodeKind kind) {
        return switch (kind) {
            case FUNCTION -> "fn";
            case DATABASE -> "db";
            case API_GATEWAY -> "gw";
            case EXTERNAL_API -> "ext";
            case BUCKET, QUEUE, TOPIC, EMAIL -> kind.id();
            default -> "trigger";
        };
    }

    // ---------------------------------------------------------------- nodes and edges

    private Architecture build(List<Draft> drafts, Map<String, Draft> byKey, List<Link> links) {
        for (Draft draft : drafts) {
            draft.node = node(draft, byKey);
        }
        List<Node> nodes = drafts.stream().map(d -> d.node).toList();
        List<Edge> edges = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        Set<String> edgeIds = new HashSet<>();
        drafts.forEach(d -> edgeIds.add(d.id));
        for (Link link : links) {
            Draft from = byKey.get(link.from());
            Draft to = byKey.get(link.to());
            if (from == null || to == null) {
                continue;
            }
            String pair = from.id + "\u0000" + to.id + "\u0000" + (link.route() == null ? "" : link.route());
            if (!pairs.add(pair)) {
                continue;
            }
            String base = "e-" + Names.kebab(from.name, "from", 40) + "-" + Names.kebab(to.name, "to", 40);
            String id = base;
            for (int n = 2; !edgeIds.add(id); n++) {
                id = base + "-" + n;
            }
            edges.add(new Edge(id, from.id, to.id, null, link.route(), link.batching()));
        }
        return new Architecture(nodes, edges);
    }

    private Node node(Draft draft, Map<String, Draft> byKey) {
        Resource resource = template.resources.get(draft.key);
        Mapping p = resource == null ? Template.empty() : resource.properties();
        return switch (draft.kind) {
            case FUNCTION -> function(functions.get(draft.key), draft, byKey);
            case DATABASE ->
                new Database(
                        draft.id,
                        draft.name,
                        ((Database) NodeDefaults.of(NodeKind.DATABASE, draft.id, draft.name)).latency(),
                        capacity(resource));
            case QUEUE ->
                new Queue(
                        draft.id,
                        draft.name,
                        fifo(p) ? Queue.Type.FIFO : Queue.Type.STANDARD,
                        ((Queue) NodeDefaults.of(NodeKind.QUEUE, draft.id, draft.name)).latency(),
                        null,
                        visibility(p));
            case QUEUE_TRIGGER -> new QueueTrigger(draft.id, draft.name, visibility(p));
            case STREAM_TRIGGER ->
                new StreamTrigger(
                        draft.id,
                        draft.name,
                        Math.max(
                                1,
                                p.get("ShardCount")
                                        .flatMap(template.intrinsics::text)
                                        .flatMap(Template::parseInt)
                                        .orElse(1)));
            case STORAGE_TRIGGER -> storageTrigger(draft);
            case BUCKET -> bucket(draft);
            case API_GATEWAY -> gateway(draft, resource);
            case SCHEDULE_TRIGGER ->
                new ScheduleTrigger(
                        draft.id,
                        draft.name,
                        events.stream()
                                .filter(e -> draft.key.equals(sourceKey(e)))
                                .map(e -> e.expression)
                                .findFirst()
                                .orElse("rate(5 minutes)"));
            case EXTERNAL_API -> {
                ExternalApi base = (ExternalApi) NodeDefaults.of(NodeKind.EXTERNAL_API, draft.id, draft.name);
                yield new ExternalApi(
                        draft.id, draft.name, externalUrls.getOrDefault(draft.key, ""), base.latency(), null);
            }
            default -> NodeDefaults.of(draft.kind, draft.id, draft.name);
        };
    }

    private StorageTrigger storageTrigger(Draft draft) {
        List<EventSpec> on = events.stream()
                .filter(e -> draft.key.equals(e.resource) || draft.key.equals(sourceKey(e)))
                .toList();
        EventSpec first = on.get(0);
        for (EventSpec other : on.subList(1, on.size())) {
            if (other.storageEvent != first.storageEvent
                    || !other.prefix.equals(first.prefix)
                    || !other.suffix.equals(first.suffix)) {
                template.note(
                        other.function + ".Events." + other.name,
                        other.line,
                        "its filter differs from the first event on the bucket's; the trigger keeps the first");
            }
        }
        return new StorageTrigger(draft.id, draft.name, first.storageEvent, first.prefix, first.suffix);
    }

    private Node bucket(Draft draft) {
        for (EventSpec e : events) {
            if (draft.key.equals(e.resource)
                    && (e.storageEvent != StorageTrigger.Event.CREATED || !e.prefix.isEmpty() || !e.suffix.isEmpty())) {
                template.note(
                        e.function + ".Events." + e.name,
                        e.line,
                        "a bucket the design writes to starts functions on every new object; the event's filter"
                                + " is not modelled");
            }
        }
        return NodeDefaults.of(NodeKind.BUCKET, draft.id, draft.name);
    }

    private Double capacity(Resource resource) {
        if (resource == null) {
            return null;
        }
        Mapping p = resource.properties();
        Optional<Mapping> throughput = p.mapping("ProvisionedThroughput");
        boolean provisioned = resource.type().equals(SIMPLE_TABLE)
                ? throughput.isPresent()
                : p.text("BillingMode").orElse("PROVISIONED").equals("PROVISIONED") && throughput.isPresent();
        if (!provisioned) {
            return null;
        }
        double read = throughput
                .get()
                .get("ReadCapacityUnits")
                .flatMap(template.intrinsics::text)
                .flatMap(Template::parseDouble)
                .orElse(0.0);
        double write = throughput
                .get()
                .get("WriteCapacityUnits")
                .flatMap(template.intrinsics::text)
                .flatMap(Template::parseDouble)
                .orElse(0.0);
        if (read + write <= 0) {
            return null;
        }
        template.note(
                resource.logicalId() + ".ProvisionedThroughput",
                throughput.get().line(),
                "read and write capacity become a capacity of " + (long) (read + write) + " requests a second");
        return read + write;
    }

    private boolean fifo(Mapping p) {
        return p.get("FifoQueue")
                .flatMap(template.intrinsics::text)
                .filter("true"::equalsIgnoreCase)
                .isPresent();
    }

    private double visibility(Mapping p) {
        return p.get("VisibilityTimeout")
                .flatMap(template.intrinsics::text)
                .flatMap(Template::parseDouble)
                .filter(v -> v > 0)
                .orElse(QueueTrigger.DEFAULT_VISIBILITY_TIMEOUT_SECONDS);
    }

    private FunctionNode function(FunctionSpec spec, Draft draft, Map<String, Draft> byKey) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map.Entry<String, Variable> variable : spec.environment.entrySet()) {
            Variable v = variable.getValue();
            String value;
            if (v.target() == null) {
                value = v.literal();
            } else {
                Draft target = byKey.get(v.target());
                value = target != null ? target.name : kebab(v.target());
                if (target != null && target.kind == NodeKind.EMAIL && template.resources.containsKey(v.target())) {
                    value = template.resources
                            .get(v.target())
                            .properties()
                            .get("EmailIdentity")
                            .flatMap(template.intrinsics::text)
                            .orElse(value);
                }
            }
            environment.put(variable.getKey(), value);
        }
        FunctionNode base = FunctionNode.of(draft.id, draft.name);
        return new FunctionNode(
                draft.id,
                draft.name,
                spec.runtime,
                spec.architecture,
                spec.memoryMb,
                spec.timeoutSeconds,
                spec.handler,
                null,
                environment,
                spec.reservedConcurrency,
                spec.provisionedConcurrency,
                null,
                KeepAlive.PROVIDER_DEFAULT,
                base.execution(),
                null,
                null);
    }

    private ApiGateway gateway(Draft draft, Resource resource) {
        boolean rest = resource != null ? resource.type().equals(REST_API) : draft.key.equals("implicit-rest-api");
        Mapping globals = rest ? template.globalApi : template.globalHttpApi;
        Mapping own = resource == null ? Template.empty() : resource.properties();
        String where = resource == null ? (rest ? "ServerlessRestApi" : "ServerlessHttpApi") : resource.logicalId();
        ApiGateway base = (ApiGateway) NodeDefaults.of(NodeKind.API_GATEWAY, draft.id, draft.name);
        double rate = ApiGateway.DEFAULT_RATE_LIMIT;
        int burst = ApiGateway.DEFAULT_BURST;
        Optional<Mapping> throttling = rest
                ? Template.setting("MethodSettings", own, globals)
                        .flatMap(v -> Tree.items(v).stream().findFirst())
                        .filter(Mapping.class::isInstance)
                        .map(Mapping.class::cast)
                : Template.setting("DefaultRouteSettings", own, globals)
                        .filter(Mapping.class::isInstance)
                        .map(Mapping.class::cast);
        if (throttling.isPresent()) {
            rate = throttling
                    .get()
                    .get("ThrottlingRateLimit")
                    .flatMap(template.intrinsics::text)
                    .flatMap(Template::parseDouble)
                    .filter(r -> r > 0)
                    .orElse(rate);
            burst = throttling
                    .get()
                    .get("ThrottlingBurstLimit")
                    .flatMap(template.intrinsics::text)
                    .flatMap(Template::parseInt)
                    .filter(b -> b > 0)
                    .orElse(burst);
        }
        ApiGateway.Auth auth = ApiGateway.Auth.NONE;
        Optional<Mapping> authConfig = Template.setting("Auth", own, globals)
                .filter(Mapping.class::isInstance)
                .map(Mapping.class::cast);
        if (authConfig.isPresent()) {
            Mapping a = authConfig.get();
            String defaultAuthorizer = a.text("DefaultAuthorizer").orElse("");
            if (a.text("ApiKeyRequired").filter("true"::equalsIgnoreCase).isPresent()) {
                auth = ApiGateway.Auth.API_KEY;
            } else if (defaultAuthorizer.equals("AWS_IAM")) {
                auth = ApiGateway.Auth.IAM;
            } else if (!defaultAuthorizer.isEmpty()) {
                Optional<Mapping> authorizer = a.mapping("Authorizers").flatMap(m -> m.mapping(defaultAuthorizer));
                boolean jwt = authorizer
                        .map(m -> m.has("JwtConfiguration") || m.has("UserPoolArn"))
                        .orElse(false);
                auth = jwt ? ApiGateway.Auth.JWT : ApiGateway.Auth.NONE;
                if (!jwt) {
                    template.note(
                            where + ".Auth", a.line(), "the authorizer " + defaultAuthorizer + " is not modelled");
                } else if (authorizer.map(m -> m.has("UserPoolArn")).orElse(false)) {
                    template.note(where + ".Auth", a.line(), "the Cognito authorizer is modelled as JWT auth");
                }
            }
        }
        ApiGateway.Cache cache = null;
        if (rest
                && Template.setting("CacheClusterEnabled", own, globals)
                        .flatMap(template.intrinsics::text)
                        .filter("true"::equalsIgnoreCase)
                        .isPresent()) {
            double ttl = throttling
                    .flatMap(m -> m.get("CacheTtlInSeconds"))
                    .flatMap(template.intrinsics::text)
                    .flatMap(Template::parseDouble)
                    .filter(t -> t > 0)
                    .orElse(300.0);
            cache = new ApiGateway.Cache(ttl, 0.5);
            template.note(
                    where + ".CacheClusterEnabled",
                    resource == null ? 0 : resource.line(),
                    "the cache's hit ratio is not in the template; it is taken as 0.5");
        }
        for (Entry entry : own.entries()) {
            if (!List.of("MethodSettings", "DefaultRouteSettings", "Auth", "CacheClusterEnabled")
                    .contains(entry.key())) {
                template.note(where + "." + entry.key(), entry.line(), "not modelled");
            }
        }
        return new ApiGateway(
                draft.id,
                draft.name,
                rest ? ApiGateway.Type.REST : ApiGateway.Type.HTTP,
                rate,
                burst,
                cache,
                auth,
                base.latency());
    }

    // ---------------------------------------------------------------- leftovers

    private void reportLeftovers() {
        for (Resource resource : template.resources.values()) {
            if (template.modelled.contains(resource.logicalId())) {
                if (!Template.isFunction(resource)
                        && !List.of(HTTP_API, REST_API, EVENT_SOURCE_MAPPING, SNS_SUBSCRIPTION, EVENTS_RULE, LAMBDA_URL)
                                .contains(resource.type())) {
                    reportProperties(resource);
                }
                continue;
            }
            String what = switch (resource.type()) {
                case IAM_ROLE, IAM_POLICY ->
                    "is not modelled: Stratus derives permissions from connections"
                            + (template.roleStatements.containsKey(resource.logicalId())
                                    ? ", and its statements became connections of the functions that use it"
                                    : "");
                case LAMBDA_PERMISSION -> "is not modelled: permissions follow from the design";
                case KINESIS_STREAM -> "is not modelled: no function of the template reads it";
                case HTTP_API, REST_API -> "is not modelled: no function of the template is routed from it";
                case SES_IDENTITY -> "is not modelled: no function of the template sends email through it";
                default -> "is not modelled";
            };
            template.note(resource.logicalId(), resource.line(), resource.type() + " " + what);
        }
    }

    private void reportProperties(Resource resource) {
        Set<String> known = switch (resource.type()) {
            case SIMPLE_TABLE, DYNAMODB_TABLE -> Set.of("ProvisionedThroughput", "BillingMode");
            case SQS_QUEUE -> Set.of("FifoQueue", "VisibilityTimeout");
            case KINESIS_STREAM -> Set.of("ShardCount");
            default -> Set.of();
        };
        for (Entry entry : resource.properties().entries()) {
            if (!known.contains(entry.key())) {
                String why = PHYSICAL_NAMES.contains(entry.key()) || entry.key().equals("Name")
                        ? "the physical name is not kept; the node is named '" + baseName(resource) + "'"
                        : "not modelled";
                template.note(resource.logicalId() + "." + entry.key(), entry.line(), why);
            }
        }
    }

    // ---------------------------------------------------------------- project name

    private String projectName() {
        Optional<String> fromMetadata = template.root
                .mapping("Metadata")
                .flatMap(m -> m.mapping("Stratus"))
                .flatMap(m -> m.text("name"))
                .filter(n -> !n.isBlank());
        if (fromMetadata.isPresent()) {
            return fromMetadata.get();
        }
        Optional<String> description =
                template.root.text("Description").map(String::strip).filter(d -> !d.isEmpty());
        if (description.isPresent()) {
            String first = description.get().lines().findFirst().orElse("").strip();
            if (first.length() > 80) {
                first = first.substring(0, 80).strip();
            }
            if (!first.isEmpty()) {
                return first;
            }
        }
        return fileStem;
    }

    private String projectDescription() {
        return template.root
                .mapping("Metadata")
                .flatMap(m -> m.mapping("Stratus"))
                .flatMap(m -> m.text("description"))
                .or(() -> template.root.text("Description").map(String::strip))
                .orElse("");
    }
}
