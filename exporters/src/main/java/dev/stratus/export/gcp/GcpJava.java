package dev.stratus.export.gcp;

import dev.stratus.export.JavaText;
import dev.stratus.export.UserCode;
import java.util.List;
import java.util.Map;

/**
 * The Java sources of a Google Cloud Functions export: an {@code HttpFunction} or a {@code
 * CloudEventsFunction} per function, and three small support classes (JSON writing, route checks,
 * event filters) so that the handlers stay short.
 */
final class GcpJava {

    private GcpJava() {}

    /** A route an HTTP function answers: method ({@code ANY} for all) and path template, or null for any path. */
    record RouteCheck(String method, String path) {}

    /** An event a CloudEvents function takes: a Pub/Sub message, or a storage change filtered by name. */
    record EventFilter(String type, String bucketVariable, String prefix, String suffix) {
        boolean isStorage() {
            return bucketVariable != null;
        }
    }

    /**
     * What one handler class needs: its name, the function it stands for, what starts it (for the
     * comment), the connection variables it reads (name to what it is) and the function's own code.
     */
    record Handler(
            String packageName,
            String className,
            String functionName,
            List<String> startedBy,
            Map<String, String> connections,
            UserCode userCode) {}

    static String httpFunction(Handler handler, List<RouteCheck> routes) {
        StringBuilder out = header(handler);
        boolean generated = handler.userCode() == null;
        if (generated) {
            out.append("import ").append(handler.packageName()).append(".support.Json;\n");
        }
        out.append("import ").append(handler.packageName()).append(".support.Routes;\n");
        out.append("import com.google.cloud.functions.HttpFunction;\n");
        out.append("import com.google.cloud.functions.HttpRequest;\n");
        out.append("import com.google.cloud.functions.HttpResponse;\n");
        out.append("import java.io.Writer;\n");
        if (generated) {
            out.append("import java.util.LinkedHashMap;\n");
            out.append("import java.util.Map;\n");
        }
        out.append("import java.util.logging.Logger;\n\n");
        classComment(out, handler);
        out.append("public class ").append(handler.className()).append(" implements HttpFunction {\n\n");
        logger(out, handler);
        out.append("    /** The routes this function answers: another path gets 404, another method 405. */\n");
        out.append("    private static final Routes ROUTES = new Routes()");
        for (RouteCheck route : routes) {
            out.append("\n            ");
            if (route.path() == null) {
                out.append(".anyPath(").append(JavaText.literal(route.method())).append(")");
            } else {
                out.append(".add(")
                        .append(JavaText.literal(route.method()))
                        .append(", ")
                        .append(JavaText.literal(route.path()))
                        .append(")");
            }
        }
        out.append(";\n\n");
        out.append("    @Override\n");
        out.append("    public void service(HttpRequest request, HttpResponse response) throws Exception {\n");
        out.append("        if (!ROUTES.accept(request, response)) {\n");
        out.append("            return;\n");
        out.append("        }\n");
        out.append("        LOG.info(() -> ")
                .append(JavaText.literal(handler.functionName() + ": "))
                .append(" + request.getMethod() + \" \" + request.getPath());\n");
        if (handler.userCode() != null) {
            out.append("        String event = Routes.eventJson(request);\n");
            out.append("        String answer = new ")
                    .append(handler.userCode().qualifiedName())
                    .append("().handle(event);\n");
            out.append("        response.setStatusCode(200);\n");
            out.append("        response.setContentType(\"application/json\");\n");
            out.append("        try (Writer body = response.getWriter()) {\n");
            out.append("            body.write(answer == null ? \"null\" : answer);\n");
            out.append("        }\n");
        } else {
            connections(out, handler);
            out.append("        Map<String, String> answer = new LinkedHashMap<>();\n");
            out.append("        answer.put(\"function\", Json.string(")
                    .append(JavaText.literal(handler.functionName()))
                    .append("));\n");
            out.append("        answer.put(\"method\", Json.string(request.getMethod()));\n");
            out.append("        answer.put(\"path\", Json.string(request.getPath()));\n");
            out.append("        answer.put(\"connections\", Json.object(connections));\n");
            out.append("        response.setStatusCode(200);\n");
            out.append("        response.setContentType(\"application/json\");\n");
            out.append("        try (Writer body = response.getWriter()) {\n");
            out.append("            body.write(Json.object(answer));\n");
            out.append("            body.write(\"\\n\");\n");
            out.append("        }\n");
        }
        out.append("    }\n");
        out.append("}\n");
        return out.toString();
    }

    static String cloudEventsFunction(Handler handler, List<EventFilter> filters) {
        StringBuilder out = header(handler);
        out.append("import ").append(handler.packageName()).append(".support.Events;\n");
        if (handler.userCode() == null) {
            out.append("import ").append(handler.packageName()).append(".support.Json;\n");
        }
        out.append("import com.google.cloud.functions.CloudEventsFunction;\n");
        out.append("import io.cloudevents.CloudEvent;\n");
        if (handler.userCode() == null) {
            out.append("import java.util.LinkedHashMap;\n");
            out.append("import java.util.Map;\n");
        }
        out.append("import java.util.logging.Logger;\n\n");
        classComment(out, handler);
        out.append("public class ").append(handler.className()).append(" implements CloudEventsFunction {\n\n");
        logger(out, handler);
        out.append(
                "    /** The events this function takes; the trigger may deliver more (a bucket trigger has no name filter). */\n");
        out.append("    private static final Events EVENTS = new Events()");
        for (EventFilter filter : filters) {
            out.append("\n            ");
            if (filter.isStorage()) {
                out.append(".storage(")
                        .append(JavaText.literal(filter.type()))
                        .append(", ")
                        .append(JavaText.literal(filter.bucketVariable()))
                        .append(", ")
                        .append(JavaText.literal(filter.prefix()))
                        .append(", ")
                        .append(JavaText.literal(filter.suffix()))
                        .append(")");
            } else {
                out.append(".pubSub()");
            }
        }
        out.append(";\n\n");
        out.append("    @Override\n");
        out.append("    public void accept(CloudEvent event) throws Exception {\n");
        out.append("        if (!EVENTS.accept(event)) {\n");
        out.append("            LOG.info(() -> ")
                .append(JavaText.literal(handler.functionName() + ": skipping "))
                .append(" + event.getType() + \" \" + event.getSubject());\n");
        out.append("            return;\n");
        out.append("        }\n");
        out.append("        LOG.info(() -> ")
                .append(JavaText.literal(handler.functionName() + ": "))
                .append(" + event.getType() + \" \" + event.getId() + \" from \" + event.getSource());\n");
        if (handler.userCode() != null) {
            out.append("        String answer = new ")
                    .append(handler.userCode().qualifiedName())
                    .append("().handle(Events.json(event));\n");
            out.append("        LOG.info(() -> ")
                    .append(JavaText.literal(handler.functionName() + " answered "))
                    .append(" + answer);\n");
        } else {
            connections(out, handler);
            out.append("        LOG.info(() -> ")
                    .append(JavaText.literal(handler.functionName() + " can reach "))
                    .append(" + Json.object(connections));\n");
        }
        out.append("    }\n");
        out.append("}\n");
        return out.toString();
    }

    private static StringBuilder header(Handler handler) {
        return new StringBuilder("package ").append(handler.packageName()).append(";\n\n");
    }

    private static void classComment(StringBuilder out, Handler handler) {
        out.append("/**\n");
        out.append(" * The function ")
                .append(JavaText.comment(handler.functionName()))
                .append(", started by:\n");
        out.append(" * <ul>\n");
        for (String start : handler.startedBy()) {
            out.append(" *   <li>").append(html(JavaText.comment(start))).append("\n");
        }
        out.append(" * </ul>\n");
        if (handler.userCode() != null) {
            out.append(" *\n * <p>It passes the event as JSON to the function's own code, ")
                    .append(handler.userCode().className())
                    .append(".\n");
        } else {
            out.append(" *\n * <p>Generated by Stratus: it logs what started it and what it can reach; put the\n")
                    .append(" * function's work here.\n");
        }
        out.append(" */\n");
    }

    private static String html(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("@", "&#64;");
    }

    private static void logger(StringBuilder out, Handler handler) {
        out.append("    private static final Logger LOG = Logger.getLogger(")
                .append(handler.className())
                .append(".class.getName());\n\n");
    }

    private static void connections(StringBuilder out, Handler handler) {
        out.append("        Map<String, String> connections = new LinkedHashMap<>();\n");
        for (Map.Entry<String, String> connection : handler.connections().entrySet()) {
            out.append("        // ")
                    .append(JavaText.comment(connection.getValue()))
                    .append("\n");
            out.append("        connections.put(")
                    .append(JavaText.literal(connection.getKey()))
                    .append(", Json.string(System.getenv(")
                    .append(JavaText.literal(connection.getKey()))
                    .append(")));\n");
        }
    }

    static String json(String packageName) {
        return "package " + packageName + ".support;\n\n" + """
                import java.util.Map;

                /** Just enough JSON for the handlers: strings and objects, written, never parsed. */
                public final class Json {

                    private Json() {}

                    /** {@code value} as a JSON string, or {@code null} when there is none. */
                    public static String string(String value) {
                        if (value == null) {
                            return "null";
                        }
                        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
                        for (int i = 0; i < value.length(); i++) {
                            char c = value.charAt(i);
                            switch (c) {
                                case '"' -> out.append("\\\\\\"");
                                case '\\\\' -> out.append("\\\\\\\\");
                                case '\\n' -> out.append("\\\\n");
                                case '\\r' -> out.append("\\\\r");
                                case '\\t' -> out.append("\\\\t");
                                default -> {
                                    if (c < 0x20) {
                                        out.append(String.format("\\\\u%04x", (int) c));
                                    } else {
                                        out.append(c);
                                    }
                                }
                            }
                        }
                        return out.append('"').toString();
                    }

                    /** An object of the members, in their order; each value is JSON already. */
                    public static String object(Map<String, String> members) {
                        StringBuilder out = new StringBuilder("{");
                        for (Map.Entry<String, String> member : members.entrySet()) {
                            if (out.length() > 1) {
                                out.append(',');
                            }
                            out.append(string(member.getKey())).append(':').append(member.getValue());
                        }
                        return out.append('}').toString();
                    }
                }
                """;
    }

    static String routes(String packageName) {
        return "package " + packageName + ".support;\n\n" + """
                import com.google.cloud.functions.HttpRequest;
                import com.google.cloud.functions.HttpResponse;
                import java.io.BufferedReader;
                import java.io.IOException;
                import java.io.Writer;
                import java.util.ArrayList;
                import java.util.LinkedHashMap;
                import java.util.List;
                import java.util.Locale;
                import java.util.Map;
                import java.util.Set;
                import java.util.TreeSet;
                import java.util.regex.Matcher;
                import java.util.regex.Pattern;

                /**
                 * The routes an HTTP function answers. API Gateway sends each route to its own function
                 * with the path appended (path_translation APPEND_PATH_TO_ADDRESS), so the function sees
                 * the path the caller asked for and checks it here.
                 */
                public final class Routes {

                    private static final Pattern PARAMETER = Pattern.compile("\\\\{([^}/]+)}");

                    private record Route(String method, Pattern path) {}

                    private final List<Route> routes = new ArrayList<>();

                    /** A method ("ANY" for all) on a path like /items/{id}; {name+} takes the rest of the path. */
                    public Routes add(String method, String template) {
                        StringBuilder regex = new StringBuilder();
                        Matcher parameter = PARAMETER.matcher(template);
                        int end = 0;
                        while (parameter.find()) {
                            regex.append(Pattern.quote(template.substring(end, parameter.start())));
                            regex.append(parameter.group(1).endsWith("+") ? ".+" : "[^/]+");
                            end = parameter.end();
                        }
                        regex.append(Pattern.quote(template.substring(end))).append("/?");
                        routes.add(new Route(method, Pattern.compile(regex.toString())));
                        return this;
                    }

                    /** A method on any path: the function's own URL, with no gateway in front. */
                    public Routes anyPath(String method) {
                        routes.add(new Route(method, null));
                        return this;
                    }

                    /** True when a route takes the request; otherwise answers 404 or 405 and returns false. */
                    public boolean accept(HttpRequest request, HttpResponse response) throws IOException {
                        String method = request.getMethod().toUpperCase(Locale.ROOT);
                        Set<String> allowed = new TreeSet<>();
                        for (Route route : routes) {
                            if (route.path() == null || route.path().matcher(request.getPath()).matches()) {
                                if (route.method().equals("ANY") || route.method().equals(method)) {
                                    return true;
                                }
                                allowed.add(route.method());
                            }
                        }
                        Map<String, String> answer = new LinkedHashMap<>();
                        if (allowed.isEmpty()) {
                            response.setStatusCode(404);
                            answer.put("error", Json.string("no route for " + method + " " + request.getPath()));
                        } else {
                            response.setStatusCode(405);
                            response.appendHeader("Allow", String.join(", ", allowed));
                            answer.put("error", Json.string(method + " is not allowed on " + request.getPath()));
                            answer.put("allowed", Json.string(String.join(", ", allowed)));
                        }
                        response.setContentType("application/json");
                        try (Writer body = response.getWriter()) {
                            body.write(Json.object(answer));
                            body.write("\\n");
                        }
                        return false;
                    }

                    /** The request as JSON: method, path, query, headers (first values) and body. */
                    public static String eventJson(HttpRequest request) throws IOException {
                        Map<String, String> headers = new LinkedHashMap<>();
                        request.getHeaders().forEach((name, values) -> headers.put(
                                name.toLowerCase(Locale.ROOT), Json.string(values.isEmpty() ? "" : values.get(0))));
                        StringBuilder body = new StringBuilder();
                        try (BufferedReader reader = request.getReader()) {
                            char[] buffer = new char[8192];
                            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                                body.append(buffer, 0, n);
                            }
                        }
                        Map<String, String> event = new LinkedHashMap<>();
                        event.put("method", Json.string(request.getMethod()));
                        event.put("path", Json.string(request.getPath()));
                        event.put("query", Json.string(request.getQuery().orElse("")));
                        event.put("headers", Json.object(headers));
                        event.put("body", Json.string(body.toString()));
                        return Json.object(event);
                    }
                }
                """;
    }

    static String events(String packageName) {
        return "package " + packageName + ".support;\n\n" + """
                import io.cloudevents.CloudEvent;
                import io.cloudevents.CloudEventData;
                import java.nio.charset.StandardCharsets;
                import java.util.ArrayList;
                import java.util.LinkedHashMap;
                import java.util.List;
                import java.util.Map;

                /**
                 * The CloudEvents a function takes. Cloud Storage triggers cannot filter by object name,
                 * so the prefix and suffix of a storage trigger are checked here.
                 */
                public final class Events {

                    /** Pub/Sub delivers topic messages, queue messages, stream records and schedule ticks. */
                    public static final String PUBSUB_MESSAGE = "google.cloud.pubsub.topic.v1.messagePublished";

                    private record Filter(String type, String bucketVariable, String prefix, String suffix) {}

                    private final List<Filter> filters = new ArrayList<>();

                    /** Every Pub/Sub message. */
                    public Events pubSub() {
                        filters.add(new Filter(PUBSUB_MESSAGE, null, "", ""));
                        return this;
                    }

                    /**
                     * Objects in the bucket named by the environment variable (any bucket when it is not
                     * set, as in a local run) whose names start with the prefix and end with the suffix.
                     */
                    public Events storage(String type, String bucketVariable, String prefix, String suffix) {
                        filters.add(new Filter(type, bucketVariable, prefix, suffix));
                        return this;
                    }

                    public boolean accept(CloudEvent event) {
                        for (Filter filter : filters) {
                            if (!filter.type().equals(event.getType())) {
                                continue;
                            }
                            if (filter.bucketVariable() == null) {
                                return true;
                            }
                            String bucket = System.getenv(filter.bucketVariable());
                            String source = String.valueOf(event.getSource());
                            String subject = event.getSubject() == null ? "" : event.getSubject();
                            String object = subject.startsWith("objects/") ? subject.substring("objects/".length()) : subject;
                            if ((bucket == null || source.endsWith("/buckets/" + bucket))
                                    && object.startsWith(filter.prefix())
                                    && object.endsWith(filter.suffix())) {
                                return true;
                            }
                        }
                        return false;
                    }

                    /** The event as JSON: its attributes and its data (JSON as it is, other data as a string). */
                    public static String json(CloudEvent event) {
                        Map<String, String> json = new LinkedHashMap<>();
                        json.put("id", Json.string(event.getId()));
                        json.put("type", Json.string(event.getType()));
                        json.put("source", Json.string(String.valueOf(event.getSource())));
                        json.put("subject", Json.string(event.getSubject()));
                        json.put("time", Json.string(event.getTime() == null ? null : event.getTime().toString()));
                        CloudEventData data = event.getData();
                        String text = data == null ? null : new String(data.toBytes(), StandardCharsets.UTF_8);
                        String contentType = event.getDataContentType() == null ? "" : event.getDataContentType();
                        boolean isJson = text != null && !text.isBlank() && contentType.contains("json");
                        json.put("data", isJson ? text : Json.string(text));
                        return Json.object(json);
                    }
                }
                """;
    }
}
