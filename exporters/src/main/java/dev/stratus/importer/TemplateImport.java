package dev.stratus.importer;

import dev.stratus.export.Names;
import dev.stratus.importer.Intrinsics.Reference;
import dev.stratus.importer.Tree.Entry;
import dev.stratus.importer.Tree.Mapping;
import dev.stratus.importer.Tree.Scalar;
import dev.stratus.importer.Tree.Value;
import dev.stratus.layout.LayeredLayout;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.Architecture;
import dev.stratus.model.Database;
import dev.stratus.model.Edge;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.KeepAlive;
import dev.stratus.model.Node;
import dev.stratus.model.NodeDefaults;
import dev.stratus.model.NodeKind;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.Queue;
import dev.stratus.model.QueueTrigger;
import dev.stratus.model.ScheduleExpression;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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

    static final String SAM_FUNCTION = "AWS::Serverless::Function";
    static final String LAMBDA_FUNCTION = "AWS::Lambda::Function";
    static final String SIMPLE_TABLE = "AWS::Serverless::SimpleTable";
    static final String DYNAMODB_TABLE = "AWS::DynamoDB::Table";
    static final String S3_BUCKET = "AWS::S3::Bucket";
    static final String SQS_QUEUE = "AWS::SQS::Queue";
    static final String SNS_TOPIC = "AWS::SNS::Topic";
    static final String KINESIS_STREAM = "AWS::Kinesis::Stream";
    static final String HTTP_API = "AWS::Serverless::HttpApi";
    static final String REST_API = "AWS::Serverless::Api";
    static final String SES_IDENTITY = "AWS::SES::EmailIdentity";
    static final String EVENT_SOURCE_MAPPING = "AWS::Lambda::EventSourceMapping";
    static final String SNS_SUBSCRIPTION = "AWS::SNS::Subscription";
    static final String EVENTS_RULE = "AWS::Events::Rule";
    static final String LAMBDA_URL = "AWS::Lambda::Url";
    static final String LAMBDA_PERMISSION = "AWS::Lambda::Permission";
    static final String IAM_ROLE = "AWS::IAM::Role";
    static final String IAM_POLICY = "AWS::IAM::Policy";

    /** How a Stratus export describes a schedule event: the schedule node's name. */
    static final Pattern STRATUS_SCHEDULE = Pattern.compile("Stratus schedule '(.*)'", Pattern.DOTALL);

    /** How a Stratus export describes the SES identity parameter of an email node: the node's name. */
    static final Pattern STRATUS_EMAIL = Pattern.compile(".*the mail of '(.*)'", Pattern.DOTALL);

    /** The default memory and timeout of a Lambda function that sets none. */
    static final int AWS_DEFAULT_MEMORY_MB = 128;

    static final double AWS_DEFAULT_TIMEOUT_SECONDS = 3;

    /** The traffic each imported entry trigger gets: a request a second, at random. */
    static final double DEFAULT_RATE_PER_SECOND = 1;

    private static final Set<String> SECTIONS = Set.of(
            "AWSTemplateFormatVersion",
            "Transform",
            "Description",
            "Metadata",
            "Parameters",
            "Mappings",
            "Conditions",
            "Resources",
            "Outputs",
            "Globals",
            "Rules");

    private static final Set<String> FUNCTION_PROPERTIES = Set.of(
            "Handler",
            "Runtime",
            "MemorySize",
            "Timeout",
            "Architectures",
            "Environment",
            "Events",
            "Policies",
            "Role",
            "ReservedConcurrentExecutions",
            "ProvisionedConcurrencyConfig",
            "AutoPublishAlias",
            "FunctionUrlConfig");

    /** A resource of the template. */
    record Resource(
            String logicalId,
            String type,
            Mapping body,
            Mapping properties,
            int line,
            String metadataId,
            String metadataName) {}

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
    }

    /** A function using a resource (a call), found in a policy, a role or an environment variable. */
    record Use(String function, String target, boolean write, int line) {}

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

    private final String file;
    private final String fileStem;
    private final Mapping root;
    private final Intrinsics intrinsics;
    private final List<String> report = new ArrayList<>();
    private final Map<String, Resource> resources = new LinkedHashMap<>();
    private final Map<String, FunctionSpec> functions = new LinkedHashMap<>();
    private final List<EventSpec> events = new ArrayList<>();
    private final List<Use> uses = new ArrayList<>();
    private final Set<String> modelled = new HashSet<>();
    private final Set<String> noted = new HashSet<>();
    private final Map<String, List<Statement>> roleStatements = new HashMap<>();
    private final Map<String, String> emailIdentities = new LinkedHashMap<>();
    private Mapping globalFunction = empty();
    private Mapping globalHttpApi = empty();
    private Mapping globalApi = empty();

    /** An IAM statement granted to a role, with where it was written. */
    record Statement(Mapping statement, String where) {}

    TemplateImport(Mapping root, String file, String fileStem) {
        this.root = root;
        this.file = file;
        this.fileStem = fileStem;
        this.intrinsics = new Intrinsics(root);
    }

    private static Mapping empty() {
        return new Mapping(List.of(), 0, 0);
    }

    // ---------------------------------------------------------------- report

    private void note(String what, int line, String text) {
        report.add(what + " (line " + line + "): " + text);
    }

    private TemplateException problem(Value at, String text) {
        return new TemplateException(file, at.line(), at.column(), text, null);
    }

    // ---------------------------------------------------------------- the import

    ImportResult run() throws TemplateException {
        readSections();
        indexResources();
        for (Resource resource : resources.values()) {
            if (isFunction(resource)) {
                readFunction(resource);
            }
        }
        for (Resource resource : resources.values()) {
            switch (resource.type()) {
                case EVENT_SOURCE_MAPPING -> readEventSourceMapping(resource);
                case SNS_SUBSCRIPTION -> readSubscription(resource);
                case EVENTS_RULE -> readRule(resource);
                case LAMBDA_URL -> readFunctionUrl(resource);
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
            report.add("Workloads: each entry trigger gets " + (int) DEFAULT_RATE_PER_SECOND
                    + " request a second at random (Poisson); a template says nothing of traffic.");
        }
        for (Problem problem : new Validator().validate(project)) {
            if (problem.severity() == Problem.Severity.ERROR) {
                report.add("Problem in the imported design: " + problem.message());
            }
        }
        return new ImportResult(project, report);
    }

    // ---------------------------------------------------------------- sections

    private void readSections() throws TemplateException {
        for (Entry entry : root.entries()) {
            if (!SECTIONS.contains(entry.key())) {
                note(entry.key(), entry.line(), "not a template section; ignored");
            }
        }
        root.entry("Transform").ifPresent(entry -> {
            for (Value transform : Tree.items(entry.value())) {
                String name = transform instanceof Scalar s ? s.text() : Intrinsics.show(transform);
                if (!name.equals("AWS::Serverless-2016-10-31")) {
                    note("Transform", transform.line(), "the transform " + name + " is not applied");
                }
            }
        });
        eachEntry(
                "Parameters",
                (key, line, value) -> note(
                        "Parameters." + key,
                        line,
                        "a parameter is not modelled; references to it take its Default"
                                + (value instanceof Mapping m && m.has("Default")
                                        ? " ("
                                                + intrinsics
                                                        .text(m.get("Default").orElseThrow())
                                                        .orElse("?") + ")"
                                        : ", and it has none")));
        eachEntry("Mappings", (key, line, value) -> note("Mappings." + key, line, "a mapping is not modelled"));
        eachEntry(
                "Conditions",
                (key, line, value) -> note(
                        "Conditions." + key,
                        line,
                        "a condition is not modelled; everything is imported as if it held"));
        eachEntry("Outputs", (key, line, value) -> note("Outputs." + key, line, "an output is not modelled"));
        eachEntry("Rules", (key, line, value) -> note("Rules." + key, line, "a rule is not modelled"));
        eachEntry("Metadata", (key, line, value) -> {
            if (!key.equals("Stratus")) {
                note("Metadata." + key, line, "template metadata is not modelled");
            }
        });
        Optional<Value> globals = root.get("Globals");
        if (globals.isPresent()) {
            if (!(globals.get() instanceof Mapping g)) {
                throw problem(globals.get(), "Globals is " + globals.get().describe() + ", not a mapping");
            }
            for (Entry entry : g.entries()) {
                switch (entry.key()) {
                    case "Function" -> globalFunction = mappingOrEmpty(entry.value());
                    case "HttpApi" -> globalHttpApi = mappingOrEmpty(entry.value());
                    case "Api" -> globalApi = mappingOrEmpty(entry.value());
                    default -> note("Globals." + entry.key(), entry.line(), "not modelled");
                }
            }
            for (Entry entry : globalFunction.entries()) {
                if (!FUNCTION_PROPERTIES.contains(entry.key()) || entry.key().equals("Events")) {
                    note("Globals.Function." + entry.key(), entry.line(), "not modelled");
                }
            }
        }
    }

    /** Something done with each entry of a section. */
    @FunctionalInterface
    private interface EntryAction {
        void apply(String key, int line, Value value);
    }

    private void eachEntry(String section, EntryAction action) {
        root.mapping(section).ifPresent(m -> m.entries().forEach(e -> action.apply(e.key(), e.line(), e.value())));
    }

    private static Mapping mappingOrEmpty(Value value) {
        return value instanceof Mapping m ? m : empty();
    }

    private void indexResources() throws TemplateException {
        Optional<Entry> section = root.entry("Resources");
        if (section.isEmpty()) {
            throw new TemplateException(
                    file, root.line(), root.column(), "the template has no Resources section", null);
        }
        Value value = section.get().value();
        if (!(value instanceof Mapping mapping)) {
            throw problem(
                    value.line() == section.get().line() && value instanceof Scalar s && s.isNull()
                            ? new Scalar(
                                    "",
                                    Tree.ScalarType.NULL,
                                    section.get().line(),
                                    section.get().column())
                            : value,
                    "Resources must be a mapping of logical ids to resources, not " + value.describe());
        }
        if (mapping.entries().isEmpty()) {
            throw problem(section.get().value(), "Resources is empty; a template needs at least one resource");
        }
        for (Entry entry : mapping.entries()) {
            if (!(entry.value() instanceof Mapping body)) {
                throw new TemplateException(
                        file,
                        entry.line(),
                        entry.column(),
                        "the resource '" + entry.key() + "' must be a mapping with a Type, not "
                                + entry.value().describe(),
                        null);
            }
            Optional<Value> type = body.get("Type");
            if (type.isEmpty()) {
                throw new TemplateException(
                        file,
                        entry.line(),
                        entry.column(),
                        "the resource '" + entry.key() + "' has no Type (like AWS::Serverless::Function)",
                        null);
            }
            if (!(type.get() instanceof Scalar t) || t.isNull() || t.text().isBlank()) {
                throw problem(
                        type.get(),
                        "the Type of '" + entry.key() + "' must be a resource type name like AWS::S3::Bucket, not "
                                + type.get().describe());
            }
            Optional<Value> properties = body.get("Properties");
            if (properties.isPresent()
                    && !(properties.get() instanceof Mapping)
                    && !(properties.get() instanceof Scalar s && s.isNull())) {
                throw problem(
                        properties.get(),
                        "the Properties of '" + entry.key() + "' must be a mapping, not "
                                + properties.get().describe());
            }
            Mapping stratus =
                    body.mapping("Metadata").flatMap(m -> m.mapping("Stratus")).orElse(empty());
            resources.put(
                    entry.key(),
                    new Resource(
                            entry.key(),
                            t.text(),
                            body,
                            properties.map(TemplateImport::mappingOrEmpty).orElse(empty()),
                            entry.line(),
                            stratus.text("id").filter(s -> !s.isBlank()).orElse(null),
                            stratus.text("name").filter(s -> !s.isBlank()).orElse(null)));
            body.text("Condition")
                    .ifPresent(c -> note(
                            entry.key(),
                            entry.line(),
                            "is created only under the condition " + c + "; imported as if it held"));
            for (String attribute : List.of("DependsOn", "DeletionPolicy", "UpdateReplacePolicy")) {
                body.entry(attribute).ifPresent(e -> note(entry.key() + "." + attribute, e.line(), "not modelled"));
            }
        }
        for (Resource resource : resources.values()) {
            if (resource.type().equals(IAM_ROLE)) {
                for (Value policy :
                        Tree.items(resource.properties().get("Policies").orElse(null))) {
                    if (policy instanceof Mapping p) {
                        p.mapping("PolicyDocument")
                                .ifPresent(doc -> statements(doc)
                                        .forEach(s -> roleStatements
                                                .computeIfAbsent(resource.logicalId(), k -> new ArrayList<>())
                                                .add(new Statement(s, resource.logicalId()))));
                    }
                }
            } else if (resource.type().equals(IAM_POLICY)) {
                for (Value role : Tree.items(resource.properties().get("Roles").orElse(null))) {
                    Optional<Reference> ref = Intrinsics.wholeReference(role);
                    Optional<Mapping> doc = resource.properties().mapping("PolicyDocument");
                    if (ref.isPresent() && doc.isPresent()) {
                        statements(doc.get())
                                .forEach(s -> roleStatements
                                        .computeIfAbsent(ref.get().logicalId(), k -> new ArrayList<>())
                                        .add(new Statement(s, resource.logicalId())));
                    }
                }
            }
        }
    }

    private static List<Mapping> statements(Mapping document) {
        List<Mapping> statements = new ArrayList<>();
        for (Value statement : Tree.items(document.get("Statement").orElse(null))) {
            if (statement instanceof Mapping s) {
                statements.add(s);
            }
        }
        return statements;
    }

    private static boolean isFunction(Resource resource) {
        return resource.type().equals(SAM_FUNCTION) || resource.type().equals(LAMBDA_FUNCTION);
    }

    private boolean isType(String logicalId, String... types) {
        Resource resource = resources.get(logicalId);
        return resource != null && List.of(types).contains(resource.type());
    }

    // ---------------------------------------------------------------- functions

    private void readFunction(Resource resource) {
        modelled.add(resource.logicalId());
        boolean sam = resource.type().equals(SAM_FUNCTION);
        Mapping own = resource.properties();
        Mapping globals = sam ? globalFunction : empty();
        String id = resource.logicalId();
        FunctionSpec spec = new FunctionSpec();
        spec.resource = resource;
        spec.memoryMb = integer(id, "MemorySize", own, globals).orElse(AWS_DEFAULT_MEMORY_MB);
        spec.timeoutSeconds =
                number(id, "Timeout", own, globals).filter(t -> t > 0).orElse(AWS_DEFAULT_TIMEOUT_SECONDS);
        spec.runtime =
                setting("Runtime", own, globals).flatMap(intrinsics::text).orElse(null);
        if (spec.runtime == null) {
            note(id, resource.line(), "has no Runtime; it gets Stratus's default, " + FunctionNode.DEFAULT_RUNTIME);
        }
        spec.architecture = FunctionNode.Architecture.X86_64;
        setting("Architectures", own, globals).ifPresent(value -> {
            List<Value> items = Tree.items(value);
            String arch = items.isEmpty() ? "" : intrinsics.text(items.get(0)).orElse("");
            if (arch.equals("arm64")) {
                spec.architecture = FunctionNode.Architecture.ARM64;
            } else if (!arch.equals("x86_64")) {
                note(id + ".Architectures", value.line(), "'" + arch + "' is not an architecture; x86_64 is used");
            }
        });
        setting("Handler", own, globals).flatMap(intrinsics::text).ifPresent(handler -> {
            boolean java = spec.runtime != null && spec.runtime.startsWith("java");
            if (java) {
                spec.handler = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
            } else {
                note(
                        id + ".Handler",
                        resource.line(),
                        "the handler '" + handler + "' is not kept: Stratus functions"
                                + " are Java and their export generates a handler");
            }
        });
        integer(id, "ReservedConcurrentExecutions", own, globals).ifPresent(r -> spec.reservedConcurrency = r);
        setting("ProvisionedConcurrencyConfig", own, globals)
                .filter(Mapping.class::isInstance)
                .map(Mapping.class::cast)
                .flatMap(m -> m.get("ProvisionedConcurrentExecutions"))
                .ifPresent(v -> {
                    Optional<Integer> n = intrinsics.text(v).flatMap(TemplateImport::parseInt);
                    if (n.isPresent() && n.get() >= 0) {
                        spec.provisionedConcurrency = n.get();
                    } else {
                        note(id + ".ProvisionedConcurrencyConfig", v.line(), "not a number of instances; ignored");
                    }
                });
        for (Entry entry : own.entries()) {
            if (!FUNCTION_PROPERTIES.contains(entry.key())) {
                note(id + "." + entry.key(), entry.line(), describeUnmodelledFunctionProperty(entry));
            }
        }
        functions.put(id, spec);
        // Policies first: their order is the order of the function's connections.
        setting("Policies", own, globals).ifPresent(p -> readPolicies(id, p));
        roleOf(own).ifPresent(role -> {
            List<Statement> granted = roleStatements.getOrDefault(role, List.of());
            for (Statement statement : granted) {
                readStatement(id, statement.statement());
            }
        });
        readEnvironment(spec, own, globals);
        if (sam) {
            own.mapping("Events").ifPresent(m -> readEvents(id, m));
            own.get("FunctionUrlConfig").ifPresent(url -> {
                EventSpec event = new EventSpec();
                event.function = id;
                event.name = id + "Url";
                event.source = Source.URL;
                event.line = url.line();
                events.add(event);
                if (url instanceof Mapping m
                        && m.text("AuthType").filter(a -> !a.equals("NONE")).isPresent()) {
                    note(id + ".FunctionUrlConfig", url.line(), "its AuthType is not modelled");
                }
            });
        }
    }

    private static String describeUnmodelledFunctionProperty(Entry entry) {
        return switch (entry.key()) {
            case "CodeUri", "InlineCode", "Code", "ImageUri" ->
                "its code is not imported; the export generates a" + " handler to fill in";
            case "FunctionName" -> "the physical name is not kept; the function is named after its logical id";
            default -> "not modelled";
        };
    }

    private Optional<String> roleOf(Mapping properties) {
        return properties
                .get("Role")
                .flatMap(Intrinsics::wholeReference)
                .map(Reference::logicalId)
                .filter(r -> isType(r, IAM_ROLE));
    }

    private static Optional<Value> setting(String name, Mapping own, Mapping globals) {
        Optional<Value> value = own.get(name);
        return value.isPresent() ? value : globals.get(name);
    }

    private Optional<Integer> integer(String id, String name, Mapping own, Mapping globals) {
        Optional<Value> value = setting(name, own, globals);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> n = intrinsics.text(value.get()).flatMap(TemplateImport::parseInt);
        if (n.isEmpty() || n.get() < 0) {
            note(
                    id + "." + name,
                    value.get().line(),
                    "'" + Intrinsics.show(value.get()) + "' is not a whole number;" + " the default is used");
            return Optional.empty();
        }
        return n;
    }

    private Optional<Double> number(String id, String name, Mapping own, Mapping globals) {
        Optional<Value> value = setting(name, own, globals);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Double> n = intrinsics.text(value.get()).flatMap(TemplateImport::parseDouble);
        if (n.isEmpty()) {
            note(
                    id + "." + name,
                    value.get().line(),
                    "'" + Intrinsics.show(value.get()) + "' is not a number;" + " the default is used");
        }
        return n;
    }

    static Optional<Integer> parseInt(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Double> parseDouble(String text) {
        try {
            double d = Double.parseDouble(text.strip());
            return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
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
                    whole.isPresent() && isTarget(whole.get().logicalId())
                            ? whole
                            : refs.stream().filter(r -> isTarget(r.logicalId())).findFirst();
            if (target.isPresent()) {
                String targetId = target.get().logicalId();
                if (targetId.equals(id)) {
                    note(where, entry.line(), "names the function itself; kept as its name");
                    spec.environment.put(entry.key(), new Variable(null, targetId));
                    continue;
                }
                if (whole.isEmpty() || !whole.get().logicalId().equals(targetId)) {
                    note(
                            where,
                            entry.line(),
                            "'" + Intrinsics.show(value) + "' uses " + targetId + "; the variable now holds its name");
                }
                uses.add(new Use(id, targetId, false, entry.line()));
                spec.environment.put(entry.key(), new Variable(null, targetId));
                continue;
            }
            Optional<String> text = intrinsics.text(value);
            Optional<String> named = physicallyNamed(value);
            if (named.isPresent() && !named.get().equals(id)) {
                if (value instanceof Scalar) {
                    note(
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
                    note(
                            where,
                            entry.line(),
                            "'" + Intrinsics.show(value) + "' is kept as the text '" + text.get() + "'");
                }
                spec.environment.put(entry.key(), new Variable(text.get(), null));
            } else {
                String shown = Intrinsics.show(value);
                note(where, entry.line(), "'" + shown + "' is known only when deployed; kept as that text");
                spec.environment.put(entry.key(), new Variable(shown, null));
            }
        }
    }

    /** Whether a function can be connected to the resource: a service, a function or an email identity. */
    private boolean isTarget(String logicalId) {
        return isType(
                logicalId,
                SAM_FUNCTION,
                LAMBDA_FUNCTION,
                SIMPLE_TABLE,
                DYNAMODB_TABLE,
                S3_BUCKET,
                SQS_QUEUE,
                SNS_TOPIC,
                SES_IDENTITY);
    }

    /**
     * The service or function whose physical name (TableName, BucketName, ...) is exactly {@code
     * value}: the same text, or the same intrinsic (a bucket named with {@code Fn::Sub}).
     */
    private Optional<String> physicallyNamed(Value value) {
        Optional<String> text = intrinsics.text(value);
        for (Resource resource : resources.values()) {
            if (!isTarget(resource.logicalId())) {
                continue;
            }
            for (String property : PHYSICAL_NAMES) {
                Optional<Value> physical = resource.properties().get(property);
                if (physical.isPresent()
                        && (Tree.same(value, physical.get())
                                || (text.isPresent()
                                        && intrinsics
                                                .text(physical.get())
                                                .filter(text.get()::equals)
                                                .isPresent()))) {
                    return Optional.of(resource.logicalId());
                }
            }
        }
        return Optional.empty();
    }

    private static final List<String> PHYSICAL_NAMES =
            List.of("TableName", "BucketName", "QueueName", "TopicName", "FunctionName", "StreamName");

    // ---------------------------------------------------------------- policies

    /** SAM policy templates: the parameter naming the resource, and whether they let the function write. */
    private record PolicyTemplate(String parameter, boolean write) {}

    private static final Map<String, PolicyTemplate> POLICY_TEMPLATES = policyTemplates();

    /** Templates that only let a function read its own event source; the event already says so. */
    private static final Set<String> EVENT_SOURCE_POLICIES =
            Set.of("SQSPollerPolicy", "DynamoDBStreamReadPolicy", "KinesisStreamReadPolicy");

    private static Map<String, PolicyTemplate> policyTemplates() {
        Map<String, PolicyTemplate> t = new HashMap<>();
        t.put("DynamoDBCrudPolicy", new PolicyTemplate("TableName", true));
        t.put("DynamoDBWritePolicy", new PolicyTemplate("TableName", true));
        t.put("DynamoDBReadPolicy", new PolicyTemplate("TableName", false));
        t.put("DynamoDBReconfigurePolicy", new PolicyTemplate("TableName", true));
        t.put("DynamoDBBackupFullAccessPolicy", new PolicyTemplate("TableName", true));
        t.put("DynamoDBRestoreFromBackupPolicy", new PolicyTemplate("TableName", true));
        t.put("S3CrudPolicy", new PolicyTemplate("BucketName", true));
        t.put("S3WritePolicy", new PolicyTemplate("BucketName", true));
        t.put("S3FullAccessPolicy", new PolicyTemplate("BucketName", true));
        t.put("S3ReadPolicy", new PolicyTemplate("BucketName", false));
        t.put("SQSSendMessagePolicy", new PolicyTemplate("QueueName", true));
        t.put("SNSPublishMessagePolicy", new PolicyTemplate("TopicName", true));
        t.put("SNSCrudPolicy", new PolicyTemplate("TopicName", true));
        t.put("LambdaInvokePolicy", new PolicyTemplate("FunctionName", true));
        t.put("SESCrudPolicy", new PolicyTemplate("IdentityName", true));
        t.put("SESSendBouncePolicy", new PolicyTemplate("IdentityName", true));
        t.put("SESBulkTemplatedCrudPolicy", new PolicyTemplate("IdentityName", true));
        t.put("SESBulkTemplatedCrudPolicy_v2", new PolicyTemplate("IdentityName", true));
        t.put("SESEmailTemplateCrudPolicy", new PolicyTemplate(null, true));
        return Map.copyOf(t);
    }

    private void readPolicies(String function, Value policies) {
        for (Value policy : Tree.items(policies)) {
            String where = function + ".Policies";
            if (policy instanceof Scalar s) {
                note(where, s.line(), "the managed policy " + s.text() + " is not modelled");
                continue;
            }
            if (!(policy instanceof Mapping m)) {
                note(where, policy.line(), "a policy that is " + policy.describe() + " is not modelled");
                continue;
            }
            if (m.has("Statement")) {
                statements(m).forEach(s -> readStatement(function, s));
                continue;
            }
            if (m.intrinsic().isPresent()) {
                note(where, m.line(), "the policy " + Intrinsics.show(m) + " is not modelled");
                continue;
            }
            for (Entry entry : m.entries()) {
                readPolicyTemplate(function, entry);
            }
        }
    }

    private void readPolicyTemplate(String function, Entry entry) {
        String where = function + ".Policies." + entry.key();
        if (EVENT_SOURCE_POLICIES.contains(entry.key())) {
            return;
        }
        PolicyTemplate template = POLICY_TEMPLATES.get(entry.key());
        if (template == null) {
            note(where, entry.line(), "the policy template " + entry.key() + " is not modelled");
            return;
        }
        if (entry.key().startsWith("SES")) {
            Value identity = template.parameter() == null || !(entry.value() instanceof Mapping params)
                    ? null
                    : params.get(template.parameter()).orElse(null);
            uses.add(new Use(function, emailKey(identity), true, entry.line()));
            return;
        }
        Value parameter = entry.value() instanceof Mapping params
                ? params.get(template.parameter()).orElse(null)
                : null;
        Optional<String> target = targetOf(parameter);
        if (target.isPresent()) {
            uses.add(new Use(function, target.get(), template.write(), entry.line()));
        } else {
            note(
                    where,
                    entry.line(),
                    "its " + template.parameter() + " ("
                            + (parameter == null ? "missing" : Intrinsics.show(parameter))
                            + ") names no resource of the template; not modelled");
        }
    }

    /** The resource a policy parameter or statement resource names: a reference, or a literal physical name. */
    private Optional<String> targetOf(Value value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Reference reference : Intrinsics.references(value)) {
            if (isTarget(reference.logicalId()) || isType(reference.logicalId(), KINESIS_STREAM)) {
                return Optional.of(reference.logicalId());
            }
        }
        Optional<String> named = physicallyNamed(value);
        if (named.isPresent()) {
            return named;
        }
        Optional<String> text = intrinsics.text(value);
        if (text.isPresent()) {
            for (Resource resource : resources.values()) {
                for (String property : PHYSICAL_NAMES) {
                    Optional<String> physical =
                            resource.properties().get(property).flatMap(intrinsics::text);
                    if (physical.isPresent()
                            && (text.get().equals(physical.get())
                                    || text.get().endsWith(":" + physical.get())
                                    || text.get().endsWith("/" + physical.get()))) {
                        return Optional.of(resource.logicalId());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private void readStatement(String function, Mapping statement) {
        if (!statement.text("Effect").orElse("Allow").equals("Allow")) {
            return;
        }
        List<String> actions = new ArrayList<>();
        for (Value action : Tree.items(statement.get("Action").orElse(null))) {
            intrinsics.text(action).ifPresent(actions::add);
        }
        boolean write = actions.stream().anyMatch(TemplateImport::isWriteAction);
        boolean ses = actions.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).startsWith("ses:"));
        boolean logs = !actions.isEmpty()
                && actions.stream()
                        .allMatch(a -> a.toLowerCase(Locale.ROOT).startsWith("logs:")
                                || a.toLowerCase(Locale.ROOT).startsWith("xray:"));
        Set<String> targets = new LinkedHashSet<>();
        List<Value> statementResources = Tree.items(statement.get("Resource").orElse(null));
        for (Value resource : statementResources) {
            if (ses) {
                uses.add(new Use(function, emailKey(resource), true, statement.line()));
                continue;
            }
            targetOf(resource).ifPresent(targets::add);
        }
        if (ses && statementResources.isEmpty()) {
            uses.add(new Use(function, emailKey(null), true, statement.line()));
        }
        for (String target : targets) {
            uses.add(new Use(function, target, write, statement.line()));
        }
        if (targets.isEmpty() && !ses && !logs) {
            note(
                    function + " statement",
                    statement.line(),
                    "the permission " + String.join(", ", actions) + " on no resource of the template is not"
                            + " modelled");
        }
    }

    private static boolean isWriteAction(String action) {
        String verb = action.contains(":") ? action.substring(action.indexOf(':') + 1) : action;
        for (String read : List.of(
                "Get",
                "List",
                "Describe",
                "Read",
                "Query",
                "Scan",
                "BatchGet",
                "Receive",
                "Head",
                "ConditionCheck",
                // what a consumer does with the messages it received
                "DeleteMessage",
                "ChangeMessageVisibility",
                "SubscribeToShard")) {
            if (verb.startsWith(read)) {
                return false;
            }
        }
        return true;
    }

    /** The key of the email node a SES permission or policy stands for. */
    private String emailKey(Value identity) {
        if (identity != null) {
            for (Reference reference : Intrinsics.references(identity)) {
                if (isType(reference.logicalId(), SES_IDENTITY)) {
                    return reference.logicalId();
                }
                if (intrinsics.isParameter(reference.logicalId())) {
                    String key = "ses-parameter:" + reference.logicalId();
                    emailIdentities.putIfAbsent(key, reference.logicalId());
                    return key;
                }
            }
            Optional<String> text = intrinsics.text(identity);
            if (text.isPresent() && !text.get().equals("*")) {
                String identityText = text.get();
                String address = identityText.contains("identity/")
                        ? identityText.substring(identityText.lastIndexOf("identity/") + "identity/".length())
                        : identityText;
                for (Resource resource : resources.values()) {
                    if (resource.type().equals(SES_IDENTITY)
                            && resource.properties()
                                    .get("EmailIdentity")
                                    .flatMap(intrinsics::text)
                                    .filter(address::equals)
                                    .isPresent()) {
                        return resource.logicalId();
                    }
                }
                String key = "ses-literal:" + address;
                emailIdentities.putIfAbsent(key, address);
                return key;
            }
        }
        emailIdentities.putIfAbsent("ses", "email");
        return "ses";
    }

    // ---------------------------------------------------------------- events

    private void readEvents(String function, Mapping events) {
        for (Entry entry : events.entries()) {
            String where = function + ".Events." + entry.key();
            if (!(entry.value() instanceof Mapping event)) {
                note(where, entry.line(), "an event that is " + entry.value().describe() + " is not modelled");
                continue;
            }
            String type = event.text("Type").orElse("");
            Mapping properties = event.mapping("Properties").orElse(empty());
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
                    note(
                            where,
                            entry.line(),
                            "an event of type " + (type.isEmpty() ? "(none)" : type) + " is not modelled");
                    yield false;
                }
            };
            if (read) {
                this.events.add(spec);
            }
        }
    }

    private boolean httpEvent(EventSpec spec, String type, Mapping properties, String where) {
        spec.source = Source.HTTP;
        spec.rest = type.equals("Api");
        String method = properties.text("Method").orElse(null);
        String path = properties.text("Path").orElse(null);
        if (method == null || path == null) {
            if (spec.rest) {
                note(where, spec.line, "an Api event needs a Path and a Method; not modelled");
                return false;
            }
            note(where, spec.line, "the HTTP API's default route is imported as ANY /");
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
            if (ref.isPresent() && isType(ref.get().logicalId(), HTTP_API, REST_API)) {
                spec.api = ref.get().logicalId();
            } else {
                note(
                        where,
                        spec.line,
                        "its API " + Intrinsics.show(api.get())
                                + " is not a resource of the template; the route goes to the template's own API");
            }
        }
        for (Entry entry : properties.entries()) {
            if (!List.of("Method", "Path", "ApiId", "RestApiId", "PayloadFormatVersion")
                    .contains(entry.key())) {
                note(where + "." + entry.key(), entry.line(), "not modelled");
            }
        }
        return true;
    }

    private boolean scheduleEvent(EventSpec spec, String type, Mapping properties, String where) {
        spec.source = Source.SCHEDULE;
        Optional<String> expression = properties
                .get(type.equals("ScheduleV2") ? "ScheduleExpression" : "Schedule")
                .flatMap(intrinsics::text);
        if (expression.isEmpty()) {
            note(
                    where,
                    spec.line,
                    "an event of type " + type + " without a schedule (an event pattern) is not" + " modelled");
            return false;
        }
        try {
            ScheduleExpression.parse(expression.get());
        } catch (ScheduleExpression.InvalidScheduleException e) {
            note(where, spec.line, "the schedule '" + expression.get() + "' is not modelled: " + e.getMessage());
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
                .ifPresent(x -> note(where, spec.line, "the schedule is disabled; imported as enabled"));
        properties
                .text("State")
                .filter(s -> !s.equals("ENABLED"))
                .ifPresent(x -> note(where, spec.line, "the schedule's state " + x + " is imported as enabled"));
        for (Entry entry : properties.entries()) {
            if (!List.of("Schedule", "ScheduleExpression", "Enabled", "State", "Name", "Description")
                    .contains(entry.key())) {
                note(where + "." + entry.key(), entry.line(), "not modelled");
            }
        }
        return true;
    }

    private boolean sourceEvent(EventSpec spec, Source source, Optional<Value> from, Mapping properties, String where) {
        spec.source = source;
        if (from.isEmpty()) {
            note(where, spec.line, "names no source; not modelled");
            return false;
        }
        Optional<Reference> ref = Intrinsics.references(from.get()).stream()
                .filter(r -> resources.containsKey(r.logicalId()))
                .findFirst();
        String expected = switch (source) {
            case QUEUE -> SQS_QUEUE;
            case TOPIC -> SNS_TOPIC;
            case STREAM -> KINESIS_STREAM;
            default -> DYNAMODB_TABLE;
        };
        if (ref.isPresent() && isType(ref.get().logicalId(), expected)) {
            spec.resource = ref.get().logicalId();
        } else if (ref.isPresent()) {
            note(where, spec.line, "its source " + ref.get().logicalId() + " is not a " + expected + "; not modelled");
            return false;
        } else {
            Optional<String> text = intrinsics.text(from.get());
            spec.external = externalName(from.get(), text.orElse(null));
            note(
                    where,
                    spec.line,
                    "its source " + Intrinsics.show(from.get())
                            + " is outside the template; it becomes a trigger named after it");
        }
        if (source == Source.QUEUE || source == Source.STREAM || source == Source.TABLE_STREAM) {
            Optional<Integer> size =
                    properties.get("BatchSize").flatMap(intrinsics::text).flatMap(TemplateImport::parseInt);
            Optional<Double> window = properties
                    .get("MaximumBatchingWindowInSeconds")
                    .flatMap(intrinsics::text)
                    .flatMap(TemplateImport::parseDouble);
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
                note(where + "." + entry.key(), entry.line(), "not modelled");
            }
        }
        return true;
    }

    /** A name for a source outside the template: the last part of its ARN, or the parameter's name. */
    private static String externalName(Value source, String text) {
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

    private boolean storageEvent(EventSpec spec, Mapping properties, String where) {
        spec.source = Source.BUCKET;
        Optional<Reference> ref = properties.get("Bucket").flatMap(Intrinsics::wholeReference);
        if (ref.isEmpty() || !isType(ref.get().logicalId(), S3_BUCKET)) {
            note(where, spec.line, "its Bucket is not a bucket of the template; not modelled");
            return false;
        }
        spec.resource = ref.get().logicalId();
        List<String> kinds = new ArrayList<>();
        for (Value event : Tree.items(properties.get("Events").orElse(null))) {
            intrinsics.text(event).ifPresent(kinds::add);
        }
        boolean created = kinds.stream().anyMatch(k -> k.startsWith("s3:ObjectCreated"));
        boolean removed = kinds.stream().anyMatch(k -> k.startsWith("s3:ObjectRemoved"));
        spec.storageEvent = removed && !created ? StorageTrigger.Event.DELETED : StorageTrigger.Event.CREATED;
        List<String> others = kinds.stream()
                .filter(k -> !(k.startsWith("s3:ObjectCreated") || k.startsWith("s3:ObjectRemoved")))
                .toList();
        if ((created && removed) || !others.isEmpty()) {
            note(
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
                    String value = r.get("Value").flatMap(intrinsics::text).orElse("");
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

    private void readEventSourceMapping(Resource resource) {
        Mapping p = resource.properties();
        String where = resource.logicalId();
        Optional<String> function = p.get("FunctionName").flatMap(this::functionOf);
        Optional<Value> source = p.get("EventSourceArn");
        if (function.isEmpty() || source.isEmpty()) {
            note(
                    where,
                    resource.line(),
                    "an event source mapping whose function or source is not in the template" + " is not modelled");
            return;
        }
        Optional<Reference> ref = Intrinsics.references(source.get()).stream()
                .filter(r -> resources.containsKey(r.logicalId()))
                .findFirst();
        Source kind;
        if (ref.isPresent() && isType(ref.get().logicalId(), SQS_QUEUE)) {
            kind = Source.QUEUE;
        } else if (ref.isPresent() && isType(ref.get().logicalId(), KINESIS_STREAM)) {
            kind = Source.STREAM;
        } else if (ref.isPresent() && isType(ref.get().logicalId(), DYNAMODB_TABLE)) {
            kind = Source.TABLE_STREAM;
        } else {
            String text = intrinsics.text(source.get()).orElse("");
            kind = text.startsWith("arn:aws:sqs")
                    ? Source.QUEUE
                    : text.startsWith("arn:aws:kinesis") ? Source.STREAM : null;
            if (kind == null) {
                note(where, resource.line(), "the source " + Intrinsics.show(source.get()) + " is not modelled");
                return;
            }
        }
        modelled.add(resource.logicalId());
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

    private void readSubscription(Resource resource) {
        Mapping p = resource.properties();
        if (!p.text("Protocol").orElse("").equals("lambda")) {
            note(
                    resource.logicalId(),
                    resource.line(),
                    "a subscription that is not to a Lambda function is not" + " modelled");
            return;
        }
        Optional<String> function = p.get("Endpoint").flatMap(this::functionOf);
        if (function.isEmpty()) {
            note(resource.logicalId(), resource.line(), "its endpoint is not a function of the template; not modelled");
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
            modelled.add(resource.logicalId());
            events.add(spec);
        }
    }

    private void readRule(Resource resource) {
        Mapping p = resource.properties();
        Optional<String> expression = p.get("ScheduleExpression").flatMap(intrinsics::text);
        if (expression.isEmpty()) {
            note(resource.logicalId(), resource.line(), "an event rule with an event pattern is not modelled");
            return;
        }
        boolean any = false;
        for (Value target : Tree.items(p.get("Targets").orElse(null))) {
            Optional<String> function =
                    target instanceof Mapping t ? t.get("Arn").flatMap(this::functionOf) : Optional.empty();
            if (function.isEmpty()) {
                note(
                        resource.logicalId(),
                        target.line(),
                        "a target that is not a function of the template is not" + " modelled");
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
            modelled.add(resource.logicalId());
        }
    }

    private void readFunctionUrl(Resource resource) {
        Optional<String> function =
                resource.properties().get("TargetFunctionArn").flatMap(this::functionOf);
        if (function.isEmpty()) {
            note(
                    resource.logicalId(),
                    resource.line(),
                    "a function URL of a function outside the template is not" + " modelled");
            return;
        }
        modelled.add(resource.logicalId());
        EventSpec spec = new EventSpec();
        spec.function = function.get();
        spec.name = resource.logicalId();
        spec.line = resource.line();
        spec.source = Source.URL;
        events.add(spec);
    }

    private Optional<String> functionOf(Value value) {
        return Intrinsics.references(value).stream()
                .map(Reference::logicalId)
                .filter(functions::containsKey)
                .findFirst();
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
        for (Resource resource : resources.values()) {
            String id = resource.logicalId();
            Set<String> started = startedBy.getOrDefault(id, Set.of());
            boolean used = uses.stream()
                    .anyMatch(u -> u.target().equals(id) && (u.write() || !started.contains(u.function())));
            switch (resource.type()) {
                case SAM_FUNCTION, LAMBDA_FUNCTION -> kinds.put(id, NodeKind.FUNCTION);
                case SIMPLE_TABLE, DYNAMODB_TABLE -> kinds.put(id, NodeKind.DATABASE);
                case S3_BUCKET -> kinds.put(id, started.isEmpty() || used ? NodeKind.BUCKET : NodeKind.STORAGE_TRIGGER);
                case SQS_QUEUE -> kinds.put(id, started.isEmpty() || used ? NodeKind.QUEUE : NodeKind.QUEUE_TRIGGER);
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
        for (Resource resource : resources.values()) {
            NodeKind kind = kinds.get(resource.logicalId());
            if (kind == null) {
                continue;
            }
            modelled.add(resource.logicalId());
            if (kind == NodeKind.FUNCTION) {
                for (EventSpec event : events) {
                    if (event.function.equals(resource.logicalId())) {
                        eventSourceDrafts(event, drafts, byKey);
                    }
                }
            }
            if (kind == NodeKind.API_GATEWAY && !byKey.containsKey("http:" + resource.logicalId())) {
                Draft http = add(
                        drafts,
                        byKey,
                        new Draft("http:" + resource.logicalId(), NodeKind.HTTP_TRIGGER, resource.line()));
                String base = baseName(resource);
                http.suggestedName = (base.endsWith("-api") ? base.substring(0, base.length() - 4) : base) + "-http";
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
        root.mapping("Parameters")
                .ifPresent(parameters -> parameters.entries().forEach(e -> emailKeys.add("ses-parameter:" + e.key())));
        uses.forEach(use -> emailKeys.add(use.target()));
        for (String key : emailKeys) {
            Optional<Use> use =
                    uses.stream().filter(u -> u.target().equals(key)).findFirst();
            if (use.isEmpty() || resources.containsKey(key) || byKey.containsKey(key)) {
                continue;
            }
            String identity = emailIdentities.getOrDefault(key, "email");
            Draft email =
                    add(drafts, byKey, new Draft(key, NodeKind.EMAIL, use.get().line()));
            email.suggestedName = Names.kebab(identity, "email", 60);
            if (key.startsWith("ses-parameter:")) {
                String stem = identity.endsWith("Identity") && identity.length() > "Identity".length()
                        ? identity.substring(0, identity.length() - "Identity".length())
                        : identity;
                email.suggestedName = Names.kebab(stem, "email", 60);
                root.mapping("Parameters")
                        .flatMap(p -> p.mapping(identity))
                        .flatMap(p -> p.text("Description"))
                        .map(STRATUS_EMAIL::matcher)
                        .filter(Matcher::matches)
                        .ifPresent(m -> email.metadataName = m.group(1));
            }
        }
        // Edges: what feeds each function, then what each function uses.
        for (EventSpec event : events) {
            String source = sourceKey(event);
            if (event.source == Source.HTTP) {
                Link feed = new Link("http:" + source, source, null, null);
                if (!links.contains(feed)) {
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
                note(use.function(), use.line(), "its use of " + use.target() + " is not modelled");
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
                    note(
                            use.function(),
                            use.line(),
                            "its access to " + use.target() + ", which starts it, is part of" + " its trigger");
                }
                continue;
            }
            links.add(new Link(use.function(), use.target(), null, null));
        }
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
            case SCHEDULE -> "schedule:" + event.function + ":" + event.name;
            case URL -> "url:" + event.function;
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
            }
            case URL ->
                add(drafts, byKey, new Draft(key, NodeKind.HTTP_TRIGGER, event.line)).suggestedName =
                        kebab(event.function) + "-url";
            case TABLE_STREAM ->
                add(drafts, byKey, new Draft(key, NodeKind.STREAM_TRIGGER, event.line)).suggestedName = (event.resource
                                        != null
                                ? baseName(resources.get(event.resource))
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
                String name = names.next(draft.metadataName);
                if (!name.equals(draft.metadataName)) {
                    report.add(draft.key + " (line " + draft.line + "): another node is named '" + draft.metadataName
                            + "' too; this one is '" + name + "'");
                }
                draft.name = name;
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
        Resource resource = resources.get(draft.key);
        Mapping p = resource == null ? empty() : resource.properties();
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
            case QUEUE_TRIGGER -> {
                if (resource != null && fifo(p)) {
                    note(
                            resource.logicalId(),
                            resource.line(),
                            "FIFO ordering of a queue that only starts functions is not modelled");
                }
                yield new QueueTrigger(draft.id, draft.name, visibility(p));
            }
            case STREAM_TRIGGER ->
                new StreamTrigger(
                        draft.id,
                        draft.name,
                        Math.max(
                                1,
                                p.get("ShardCount")
                                        .flatMap(intrinsics::text)
                                        .flatMap(TemplateImport::parseInt)
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
                note(
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
                note(
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
                .flatMap(intrinsics::text)
                .flatMap(TemplateImport::parseDouble)
                .orElse(0.0);
        double write = throughput
                .get()
                .get("WriteCapacityUnits")
                .flatMap(intrinsics::text)
                .flatMap(TemplateImport::parseDouble)
                .orElse(0.0);
        if (read + write <= 0) {
            return null;
        }
        note(
                resource.logicalId() + ".ProvisionedThroughput",
                throughput.get().line(),
                "read and write capacity" + " become a capacity of " + (long) (read + write) + " requests a second");
        return read + write;
    }

    private boolean fifo(Mapping p) {
        return p.get("FifoQueue")
                .flatMap(intrinsics::text)
                .filter("true"::equalsIgnoreCase)
                .isPresent();
    }

    private double visibility(Mapping p) {
        return p.get("VisibilityTimeout")
                .flatMap(intrinsics::text)
                .flatMap(TemplateImport::parseDouble)
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
                if (target != null && target.kind == NodeKind.EMAIL && resources.containsKey(v.target())) {
                    value = resources
                            .get(v.target())
                            .properties()
                            .get("EmailIdentity")
                            .flatMap(intrinsics::text)
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
        Mapping globals = rest ? globalApi : globalHttpApi;
        Mapping own = resource == null ? empty() : resource.properties();
        String where = resource == null ? (rest ? "ServerlessRestApi" : "ServerlessHttpApi") : resource.logicalId();
        ApiGateway base = (ApiGateway) NodeDefaults.of(NodeKind.API_GATEWAY, draft.id, draft.name);
        double rate = ApiGateway.DEFAULT_RATE_LIMIT;
        int burst = ApiGateway.DEFAULT_BURST;
        Optional<Mapping> throttling = rest
                ? setting("MethodSettings", own, globals)
                        .flatMap(v -> Tree.items(v).stream().findFirst())
                        .filter(Mapping.class::isInstance)
                        .map(Mapping.class::cast)
                : setting("DefaultRouteSettings", own, globals)
                        .filter(Mapping.class::isInstance)
                        .map(Mapping.class::cast);
        if (throttling.isPresent()) {
            rate = throttling
                    .get()
                    .get("ThrottlingRateLimit")
                    .flatMap(intrinsics::text)
                    .flatMap(TemplateImport::parseDouble)
                    .filter(r -> r > 0)
                    .orElse(rate);
            burst = throttling
                    .get()
                    .get("ThrottlingBurstLimit")
                    .flatMap(intrinsics::text)
                    .flatMap(TemplateImport::parseInt)
                    .filter(b -> b > 0)
                    .orElse(burst);
        }
        ApiGateway.Auth auth = ApiGateway.Auth.NONE;
        Optional<Mapping> authConfig =
                setting("Auth", own, globals).filter(Mapping.class::isInstance).map(Mapping.class::cast);
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
                    note(where + ".Auth", a.line(), "the authorizer " + defaultAuthorizer + " is not modelled");
                } else if (authorizer.map(m -> m.has("UserPoolArn")).orElse(false)) {
                    note(where + ".Auth", a.line(), "the Cognito authorizer is modelled as JWT auth");
                }
            }
        }
        ApiGateway.Cache cache = null;
        if (rest
                && setting("CacheClusterEnabled", own, globals)
                        .flatMap(intrinsics::text)
                        .filter("true"::equalsIgnoreCase)
                        .isPresent()) {
            double ttl = throttling
                    .flatMap(m -> m.get("CacheTtlInSeconds"))
                    .flatMap(intrinsics::text)
                    .flatMap(TemplateImport::parseDouble)
                    .filter(t -> t > 0)
                    .orElse(300.0);
            cache = new ApiGateway.Cache(ttl, 0.5);
            note(
                    where + ".CacheClusterEnabled",
                    resource == null ? 0 : resource.line(),
                    "the cache's hit ratio is not in the template; it is taken as 0.5");
        }
        for (Entry entry : own.entries()) {
            if (!List.of("MethodSettings", "DefaultRouteSettings", "Auth", "CacheClusterEnabled")
                    .contains(entry.key())) {
                note(where + "." + entry.key(), entry.line(), "not modelled");
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
        for (Resource resource : resources.values()) {
            if (modelled.contains(resource.logicalId())) {
                if (!isFunction(resource)
                        && !List.of(HTTP_API, REST_API, EVENT_SOURCE_MAPPING, SNS_SUBSCRIPTION, EVENTS_RULE, LAMBDA_URL)
                                .contains(resource.type())) {
                    reportProperties(resource);
                }
                continue;
            }
            String what = switch (resource.type()) {
                case IAM_ROLE, IAM_POLICY ->
                    "is not modelled: Stratus derives permissions from connections"
                            + (roleStatements.containsKey(resource.logicalId())
                                    ? ", and its statements became" + " connections of the functions that use it"
                                    : "");
                case LAMBDA_PERMISSION -> "is not modelled: permissions follow from the design";
                case KINESIS_STREAM -> "is not modelled: no function of the template reads it";
                case HTTP_API, REST_API -> "is not modelled: no function of the template is routed from it";
                case SES_IDENTITY -> "is not modelled: no function of the template sends email through it";
                default -> "is not modelled";
            };
            note(resource.logicalId(), resource.line(), resource.type() + " " + what);
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
                note(resource.logicalId() + "." + entry.key(), entry.line(), why);
            }
        }
    }

    // ---------------------------------------------------------------- project name

    private String projectName() {
        Optional<String> fromMetadata = root.mapping("Metadata")
                .flatMap(m -> m.mapping("Stratus"))
                .flatMap(m -> m.text("name"))
                .filter(n -> !n.isBlank());
        if (fromMetadata.isPresent()) {
            return fromMetadata.get();
        }
        Optional<String> description =
                root.text("Description").map(String::strip).filter(d -> !d.isEmpty());
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
        return root.mapping("Metadata")
                .flatMap(m -> m.mapping("Stratus"))
                .flatMap(m -> m.text("description"))
                .or(() -> root.text("Description").map(String::strip))
                .orElse("");
    }
}
