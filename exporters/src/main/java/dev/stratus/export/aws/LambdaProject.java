package dev.stratus.export.aws;

import dev.stratus.export.ExportException;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.ExportedFiles;
import dev.stratus.export.JavaText;
import dev.stratus.export.MavenPom;
import dev.stratus.export.Names;
import dev.stratus.export.UserCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Maven project that AWS Lambda runs, shared by the SAM and Serverless Framework exports: a POM on
 * aws-lambda-java-core and aws-lambda-java-events that shades everything into one jar, one handler
 * class per function typed for the event that starts it, the functions' own code, and a small JSON
 * writer the handlers share.
 *
 * <p>A handler of a function with code of its own turns the event into JSON and passes it to the
 * code's {@code handle(String)}; a handler of a function without code logs the event and answers
 * with JSON naming the function and the services its connections reach.
 */
public final class LambdaProject {

    public static final String CORE_VERSION = "1.4.0";
    public static final String EVENTS_VERSION = "3.16.1";

    private static final String EVENTS = "com.amazonaws.services.lambda.runtime.events.";

    /** The generated handler of one function. */
    public record Handler(ExportPlan.Function function, String className, HandlerKind kind, UserCode code) {
        /** The connection variables the handler reads, in the plan's order. */
        public List<String> connectionVariables() {
            return function.connections().stream()
                    .map(ExportPlan.Connection::variable)
                    .filter(Objects::nonNull)
                    .toList();
        }
    }

    private final ExportPlan plan;
    private final String basePackage;
    private final String artifactId;
    private final Map<String, Handler> handlers;

    private LambdaProject(ExportPlan plan, String basePackage, String artifactId, Map<String, Handler> handlers) {
        this.plan = plan;
        this.basePackage = basePackage;
        this.artifactId = artifactId;
        this.handlers = handlers;
    }

    /** Names a handler class (and a package for the code of its own) for every function of the plan. */
    public static LambdaProject of(ExportPlan plan) throws ExportException {
        String basePackage = MavenPom.basePackage(plan.project());
        Names.Unique classes = new Names.Unique("", 120).reserve("EventJson");
        Names.Unique packages = new Names.Unique("", 60);
        Map<String, Handler> handlers = new LinkedHashMap<>();
        for (ExportPlan.Function function : plan.functions()) {
            String className = classes.next(Names.pascal(function.name(), "function") + "Handler");
            String codePackage = basePackage + "." + packages.next(Names.packageSegment(function.name(), "function"));
            Optional<UserCode> code = UserCode.of(function.node(), codePackage);
            handlers.put(function.id(), new Handler(function, className, HandlerKind.of(function), code.orElse(null)));
        }
        return new LambdaProject(plan, basePackage, MavenPom.artifactId(plan.project(), "lambda"), handlers);
    }

    public String basePackage() {
        return basePackage;
    }

    public String artifactId() {
        return artifactId;
    }

    /** The shaded jar that {@code mvn package} builds, relative to the project folder. */
    public String jarPath() {
        return "target/" + artifactId + ".jar";
    }

    public Handler handler(String functionId) {
        Handler handler = handlers.get(functionId);
        if (handler == null) {
            throw new IllegalArgumentException("no function " + functionId + " in the plan");
        }
        return handler;
    }

    /** The handler as Lambda names it: {@code package.Class::handleRequest}. */
    public String handlerName(String functionId) {
        return basePackage + "." + handler(functionId).className() + "::handleRequest";
    }

    /** The runtime for a function: java17, java21 or java25 as it asks; other values become java21. */
    public static String runtime(ExportPlan.Function function, List<String> notes) {
        int version = function.javaVersion();
        boolean isJava = function.node().runtime().toLowerCase(Locale.ROOT).startsWith("java");
        if (isJava && (version == 17 || version == 21 || version == 25)) {
            return "java" + version;
        }
        notes.add("The function '" + function.name() + "' asks for the runtime '"
                + function.node().runtime() + "'; the export is a Java project, so it runs on java21.");
        return "java21";
    }

    /** Lambda's memory range, 128 to 10,240 MB; a value outside it is moved in, with a note. */
    public static int memory(ExportPlan.Function function, List<String> notes) {
        int memory = function.node().memoryMb();
        int clamped = Math.max(128, Math.min(10_240, memory));
        if (clamped != memory) {
            notes.add("The function '" + function.name() + "' has " + memory + " MB; Lambda allows 128 to 10,240 MB,"
                    + " so it is exported with " + clamped + " MB.");
        }
        return clamped;
    }

    /** The timeout in whole seconds, rounded up, within Lambda's 1 to 900 s. */
    public static int timeout(ExportPlan.Function function, List<String> notes) {
        double seconds = function.node().timeoutSeconds();
        int rounded = (int) Math.min(Integer.MAX_VALUE, Math.ceil(seconds));
        int clamped = Math.max(1, Math.min(900, rounded));
        if (clamped != rounded) {
            notes.add("The function '" + function.name() + "' has a timeout of " + seconds
                    + " s; Lambda allows at most 900 s, so it is exported with " + clamped + " s.");
        } else if (rounded != seconds) {
            notes.add("The function '" + function.name() + "' has a timeout of " + seconds
                    + " s; Lambda takes whole seconds, so it is exported with " + rounded + " s.");
        }
        return clamped;
    }

    /** Adds the POM, the handlers, the shared JSON writer and the functions' own code. */
    public void addTo(ExportedFiles files) throws ExportException {
        MavenPom pom = MavenPom.forProject(plan.project(), "lambda")
                .dependency("com.amazonaws", "aws-lambda-java-core", CORE_VERSION)
                .dependency("com.amazonaws", "aws-lambda-java-events", EVENTS_VERSION)
                .shade(artifactId);
        files.add("pom.xml", pom.document());
        String folder = "src/main/java/" + basePackage.replace('.', '/') + "/";
        files.add(folder + "EventJson.java", eventJson());
        Map<String, String> code = new LinkedHashMap<>();
        for (Handler handler : handlers.values()) {
            files.add(folder + handler.className() + ".java", source(handler));
            if (handler.code() != null) {
                String path = handler.code().path();
                String earlier = code.putIfAbsent(path, handler.code().source());
                if (earlier != null && !earlier.equals(handler.code().source())) {
                    throw new ExportException("two functions have different code for the same class "
                            + handler.code().qualifiedName() + "; rename one of the classes");
                }
                if (earlier == null) {
                    if (files.contains(path)) {
                        throw new ExportException(
                                "the code of function '" + handler.function().name()
                                        + "' declares " + handler.code().qualifiedName()
                                        + ", which is a generated class; rename it or move it to another package");
                    }
                    files.add(path, handler.code().source());
                }
            }
        }
    }

    private String eventJson() {
        try (InputStream in = LambdaProject.class.getResourceAsStream("EventJson.java.txt")) {
            if (in == null) {
                throw new IllegalStateException("EventJson.java.txt is missing from the exporter's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("PACKAGE_NAME", basePackage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Java source of one handler. */
    String source(Handler handler) {
        HandlerKind kind = handler.kind();
        ExportPlan.Function function = handler.function();
        List<String> imports = new ArrayList<>(List.of(
                "com.amazonaws.services.lambda.runtime.Context",
                "com.amazonaws.services.lambda.runtime.RequestHandler"));
        switch (kind) {
            case HTTP_API ->
                imports.addAll(List.of(
                        EVENTS + "APIGatewayV2HTTPEvent", EVENTS + "APIGatewayV2HTTPResponse", "java.util.Map"));
            case REST_API ->
                imports.addAll(List.of(
                        EVENTS + "APIGatewayProxyRequestEvent",
                        EVENTS + "APIGatewayProxyResponseEvent",
                        "java.util.Map"));
            case SCHEDULE -> imports.add(EVENTS + "ScheduledEvent");
            case QUEUE ->
                imports.addAll(List.of(
                        EVENTS + "SQSBatchResponse", EVENTS + "SQSEvent", "java.util.ArrayList", "java.util.List"));
            case STORAGE -> imports.add(EVENTS + "S3Event");
            case STREAM -> imports.add(EVENTS + "KinesisEvent");
            case TOPIC -> imports.add(EVENTS + "SNSEvent");
            case ANY -> imports.addAll(List.of("java.util.LinkedHashMap", "java.util.Map"));
        }
        StringBuilder out = new StringBuilder();
        out.append("package ").append(basePackage).append(";\n\n");
        imports.stream().sorted().forEach(i -> out.append("import ").append(i).append(";\n"));
        out.append("\n/**\n");
        out.append(" * The Lambda handler of the function ")
                .append(JavaText.comment("'" + function.name() + "'"))
                .append(" (Stratus node ")
                .append(JavaText.comment(function.id()))
                .append("),\n * started by ")
                .append(JavaText.comment(startedBy(function)))
                .append(".\n");
        if (handler.code() != null) {
            out.append(" *\n * <p>It passes the event as JSON to the function's own code, {@link ")
                    .append(handler.code().qualifiedName())
                    .append("}")
                    .append(
                            kind == HandlerKind.QUEUE
                                    ? ", one message at a time;\n * a message whose"
                                            + " handling fails is reported back to SQS for a retry, the others are done"
                                    : "")
                    .append(".\n");
        } else {
            out.append(" *\n * <p>The function has no code of its own yet: the handler logs the event and"
                    + " answers with JSON\n * naming the function and the values of the environment variables"
                    + " of its connections.\n");
        }
        if (kind == HandlerKind.ANY) {
            out.append(" *\n * <p>It takes the event as a map because ")
                    .append(
                            function.events().isEmpty()
                                    ? "only other functions invoke it, with a payload of their choice"
                                    : "several kinds of event start it")
                    .append("; an HTTP event\n * (one with a requestContext) gets an HTTP answer.\n");
        }
        out.append(" */\n");
        out.append("public class ")
                .append(handler.className())
                .append(" implements RequestHandler<")
                .append(kind.input())
                .append(", ")
                .append(kind.output())
                .append("> {\n\n");
        out.append("    static final String FUNCTION = ")
                .append(JavaText.literal(function.name()))
                .append(";\n\n");
        out.append("    /** The environment variables that name what this function is connected to. */\n");
        out.append("    static final String[] CONNECTIONS = {")
                .append(String.join(
                        ", ",
                        handler.connectionVariables().stream()
                                .map(JavaText::literal)
                                .toList()))
                .append("};\n\n");
        if (handler.code() != null) {
            String type = handler.code().qualifiedName();
            out.append("    private final ")
                    .append(type)
                    .append(" code = new ")
                    .append(type)
                    .append("();\n\n");
        }
        out.append("    @Override\n    public ")
                .append(kind.output())
                .append(" handleRequest(")
                .append(kind.input())
                .append(" event, Context context) {\n");
        out.append(body(kind, handler.code() != null));
        out.append("    }\n");
        if (handler.code() != null) {
            out.append("\n    /** Calls the function's own code with the event as JSON. */\n"
                    + "    private String call(String event) {\n"
                    + "        try {\n"
                    + "            return code.handle(event);\n"
                    + "        } catch (RuntimeException e) {\n"
                    + "            throw e;\n"
                    + "        } catch (Exception e) {\n"
                    + "            throw new IllegalStateException(e);\n"
                    + "        }\n"
                    + "    }\n");
        }
        if (kind == HandlerKind.ANY) {
            out.append(
                    "\n    /** An HTTP event gets an HTTP answer with the body; any other event the body itself. */\n"
                            + "    private static Object respond(Map<String, Object> event, String body) {\n"
                            + "        if (event == null || !event.containsKey(\"requestContext\")) {\n"
                            + "            return body;\n"
                            + "        }\n"
                            + "        Map<String, Object> response = new LinkedHashMap<>();\n"
                            + "        response.put(\"statusCode\", 200);\n"
                            + "        response.put(\"headers\", Map.of(\"Content-Type\", \"application/json\"));\n"
                            + "        response.put(\"body\", body);\n"
                            + "        return response;\n"
                            + "    }\n");
        }
        out.append("}\n");
        return out.toString();
    }

    private static String body(HandlerKind kind, boolean hasCode) {
        String log = "        context.getLogger().log(FUNCTION + \" received \" + EventJson.write(event));\n";
        String answer = hasCode ? "call(EventJson.write(event))" : "EventJson.answer(FUNCTION, CONNECTIONS)";
        String prelude = hasCode ? "" : log;
        return switch (kind) {
            case HTTP_API ->
                prelude
                        + "        return APIGatewayV2HTTPResponse.builder()\n"
                        + "                .withStatusCode(200)\n"
                        + "                .withHeaders(Map.of(\"Content-Type\", \"application/json\"))\n"
                        + "                .withBody(" + answer + ")\n"
                        + "                .build();\n";
            case REST_API ->
                prelude
                        + "        return new APIGatewayProxyResponseEvent()\n"
                        + "                .withStatusCode(200)\n"
                        + "                .withHeaders(Map.of(\"Content-Type\", \"application/json\"))\n"
                        + "                .withBody(" + answer + ");\n";
            case QUEUE -> queueBody(hasCode);
            case ANY -> prelude + "        return respond(event, " + answer + ");\n";
            default -> prelude + "        return " + answer + ";\n";
        };
    }

    private static String queueBody(boolean hasCode) {
        StringBuilder out = new StringBuilder();
        out.append("        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();\n");
        out.append("        for (SQSEvent.SQSMessage message : event.getRecords()) {\n");
        if (hasCode) {
            out.append("            try {\n"
                    + "                call(EventJson.write(message));\n"
                    + "            } catch (RuntimeException e) {\n"
                    + "                context.getLogger()\n"
                    + "                        .log(FUNCTION + \" failed on message \" + message.getMessageId() + \": \" + e);\n"
                    + "                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));\n"
                    + "            }\n");
        } else {
            out.append("            context.getLogger()\n"
                    + "                    .log(FUNCTION + \" received message \" + message.getMessageId() + \": \""
                    + " + EventJson.write(message));\n");
        }
        out.append("        }\n");
        if (!hasCode) {
            out.append("        context.getLogger().log(EventJson.answer(FUNCTION, CONNECTIONS));\n");
        }
        out.append("        return new SQSBatchResponse(failures);\n");
        return out.toString();
    }

    /** What starts the function, in words, for comments and READMEs. */
    public static String startedBy(ExportPlan.Function function) {
        if (function.events().isEmpty()) {
            return "other functions only (direct invocation)";
        }
        List<String> parts = new ArrayList<>();
        for (ExportPlan.Event event : function.events()) {
            parts.add(describe(event));
        }
        return String.join("; ", parts);
    }

    /** One event in words. */
    public static String describe(ExportPlan.Event event) {
        if (event instanceof ExportPlan.Http http) {
            return http.gateway() == null
                    ? "HTTP requests to its function URL"
                    : http.method() + " " + http.path() + " on the API '"
                            + name(http.gateway().name(), http.gateway().id()) + "'";
        }
        if (event instanceof ExportPlan.Schedule schedule) {
            return "the schedule '"
                    + name(schedule.trigger().name(), schedule.trigger().id()) + "' ("
                    + schedule.trigger().expression() + ")";
        }
        if (event instanceof ExportPlan.QueueMessages queue) {
            return "messages from the queue '" + queue.queue().name() + "' (batches of up to " + queue.batchSize()
                    + ")";
        }
        if (event instanceof ExportPlan.StorageEvent storage) {
            return "objects " + storage.event().id() + " in the bucket '"
                    + storage.bucket().name() + "'"
                    + (storage.prefix().isEmpty() ? "" : " under '" + storage.prefix() + "'")
                    + (storage.suffix().isEmpty() ? "" : " ending in '" + storage.suffix() + "'");
        }
        if (event instanceof ExportPlan.StreamRecords stream) {
            return "records from the stream '" + stream.stream().name() + "' (batches of up to " + stream.batchSize()
                    + ")";
        }
        ExportPlan.TopicMessages topic = (ExportPlan.TopicMessages) event;
        return "messages published to the topic '" + topic.topic().name() + "'";
    }

    private static String name(String name, String id) {
        return name.isBlank() ? id : name;
    }
}
