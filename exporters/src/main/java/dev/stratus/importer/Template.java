package dev.stratus.importer;

import dev.stratus.importer.Intrinsics.Reference;
import dev.stratus.importer.Tree.Entry;
import dev.stratus.importer.Tree.Mapping;
import dev.stratus.importer.Tree.Scalar;
import dev.stratus.importer.Tree.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A template read into its resources, with what the whole import shares: the intrinsics, the
 * report, the resources modelled so far, the IAM statements of each role, and the questions asked of
 * resources (their type, whether a function can be connected to them, which one a value names).
 */
final class Template {

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

    static final Set<String> SECTIONS = Set.of(
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

    /** The function properties the import reads; any other is reported. */
    static final Set<String> FUNCTION_PROPERTIES = Set.of(
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

    /** A resource of the template, with the id and name a Stratus export wrote in its metadata. */
    record Resource(
            String logicalId,
            String type,
            Mapping body,
            Mapping properties,
            int line,
            String metadataId,
            String metadataName) {}

    /** An IAM statement granted to a role, with where it was written. */
    record Statement(Mapping statement, String where) {}

    final String file;
    final Mapping root;
    final Intrinsics intrinsics;
    final List<String> report = new ArrayList<>();
    final Map<String, Resource> resources = new LinkedHashMap<>();
    final Map<String, List<Statement>> roleStatements = new HashMap<>();
    /** The logical ids of the resources that became part of the design. */
    final Set<String> modelled = new HashSet<>();

    Mapping globalFunction = empty();
    Mapping globalHttpApi = empty();
    Mapping globalApi = empty();

    private Template(Mapping root, String file) {
        this.root = root;
        this.file = file;
        this.intrinsics = new Intrinsics(root);
    }

    /**
     * The template's sections and resources; a template without resources, or with a resource that
     * has no type, is refused.
     */
    static Template read(Mapping root, String file) throws TemplateException {
        Template template = new Template(root, file);
        template.readSections();
        template.indexResources();
        return template;
    }

    /** The {@code Metadata.Stratus} of a resource (empty when it has none). */
    static Mapping stratus(Resource resource) {
        return resource.body()
                .mapping("Metadata")
                .flatMap(m -> m.mapping("Stratus"))
                .orElse(empty());
    }

    /** Whether a Stratus export wrote the resource (its metadata names the node). */
    static boolean fromStratus(Resource resource) {
        return resource.metadataId() != null;
    }

    /** The nodes listed under {@code key} in a resource's Stratus metadata: their ids and names. */
    static List<String[]> stratusNodes(Mapping stratus, String key) {
        List<String[]> nodes = new ArrayList<>();
        for (Value item : Tree.items(stratus.get(key).orElse(null))) {
            if (item instanceof Mapping m
                    && m.text("id").filter(id -> !id.isBlank()).isPresent()) {
                nodes.add(new String[] {
                    m.text("id").orElseThrow(),
                    m.text("name").orElse(""),
                    m.text("url").orElse("")
                });
            }
        }
        return nodes;
    }

    /** The template's own {@code Metadata.Stratus}. */
    Mapping stratus() {
        return root.mapping("Metadata").flatMap(m -> m.mapping("Stratus")).orElse(empty());
    }

    static Mapping empty() {
        return new Mapping(List.of(), 0, 0);
    }

    // ---------------------------------------------------------------- report

    void note(String what, int line, String text) {
        report.add(what + " (line " + line + "): " + text);
    }

    TemplateException problem(Value at, String text) {
        return new TemplateException(file, at.line(), at.column(), text, null);
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
    interface EntryAction {
        void apply(String key, int line, Value value);
    }

    void eachEntry(String section, EntryAction action) {
        root.mapping(section).ifPresent(m -> m.entries().forEach(e -> action.apply(e.key(), e.line(), e.value())));
    }

    static Mapping mappingOrEmpty(Value value) {
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
                            properties.map(Template::mappingOrEmpty).orElse(empty()),
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

    static List<Mapping> statements(Mapping document) {
        List<Mapping> statements = new ArrayList<>();
        for (Value statement : Tree.items(document.get("Statement").orElse(null))) {
            if (statement instanceof Mapping s) {
                statements.add(s);
            }
        }
        return statements;
    }

    static boolean isFunction(Resource resource) {
        return resource.type().equals(SAM_FUNCTION) || resource.type().equals(LAMBDA_FUNCTION);
    }

    boolean isType(String logicalId, String... types) {
        Resource resource = resources.get(logicalId);
        return resource != null && List.of(types).contains(resource.type());
    }

    static Optional<Value> setting(String name, Mapping own, Mapping globals) {
        Optional<Value> value = own.get(name);
        return value.isPresent() ? value : globals.get(name);
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

    /** Whether a function can be connected to the resource: a service, a function or an email identity. */
    boolean isTarget(String logicalId) {
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
    Optional<String> physicallyNamed(Value value) {
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

    static final List<String> PHYSICAL_NAMES =
            List.of("TableName", "BucketName", "QueueName", "TopicName", "FunctionName", "StreamName");

    /** The resource a policy parameter or statement resource names: a reference, or a literal physical name. */
    Optional<String> targetOf(Value value) {
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
}
