package dev.stratus.export.openwhisk;

import dev.stratus.export.ExportPlan;
import dev.stratus.export.JavaText;
import dev.stratus.export.UserCode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java sources of the exported actions. OpenWhisk's Java runtime calls {@code public static
 * JsonObject main(JsonObject args)} (Gson) with the action's parameters: its inputs, the trigger's
 * event or, for a web action, the request ({@code __ow_method}, {@code __ow_path}, {@code
 * __ow_headers}, {@code __ow_body}, query and JSON body fields). The runtime is Java 8, so the sources
 * use nothing newer.
 */
final class ActionSources {

    /** The helper class every action uses. */
    static final String SUPPORT_CLASS = "ActionSupport";

    private static final Pattern PARAMETER = Pattern.compile("\\{([^{}/]+)\\}");

    private ActionSources() {}

    /** What an action class needs to know about its function. */
    record Action(
            ExportPlan.Function function,
            String actionName,
            String className,
            UserCode userCode,
            List<String> inputs,
            List<String> startedBy) {}

    static String support(String javaPackage) {
        return String.join(
                "\n",
                "package " + javaPackage + ";",
                "",
                "import com.google.gson.Gson;",
                "import com.google.gson.JsonArray;",
                "import com.google.gson.JsonElement;",
                "import com.google.gson.JsonNull;",
                "import com.google.gson.JsonObject;",
                "import com.google.gson.JsonParseException;",
                "import com.google.gson.JsonPrimitive;",
                "import java.util.Arrays;",
                "import java.util.HashSet;",
                "import java.util.Map;",
                "import java.util.Set;",
                "",
                "/**",
                " * What the actions share: reading their parameters, telling the event from the inputs, and",
                " * building web action responses. Only Gson API that the OpenWhisk Java runtime's own Gson has",
                " * is used, since the runtime puts its Gson before the action's jar.",
                " */",
                "final class " + SUPPORT_CLASS + " {",
                "",
                "    private static final Gson GSON = new Gson();",
                "",
                "    private " + SUPPORT_CLASS + "() {}",
                "",
                "    /** A string parameter, or the fallback when it is missing or not a plain value. */",
                "    static String text(JsonObject args, String name, String fallback) {",
                "        JsonElement value = args.get(name);",
                "        return value != null && value.isJsonPrimitive() ? value.getAsString() : fallback;",
                "    }",
                "",
                "    /** The named parameters with their values as strings (empty when missing). */",
                "    static JsonObject strings(JsonObject args, String... names) {",
                "        JsonObject values = new JsonObject();",
                "        for (String name : names) {",
                "            values.addProperty(name, text(args, name, \"\"));",
                "        }",
                "        return values;",
                "    }",
                "",
                "    /** The parameters without the action's inputs: what the trigger or caller sent. */",
                "    static JsonObject event(JsonObject args, String... inputs) {",
                "        Set<String> skip = new HashSet<String>(Arrays.asList(inputs));",
                "        JsonObject event = new JsonObject();",
                "        for (Map.Entry<String, JsonElement> entry : args.entrySet()) {",
                "            if (!skip.contains(entry.getKey())) {",
                "                event.add(entry.getKey(), entry.getValue());",
                "            }",
                "        }",
                "        return event;",
                "    }",
                "",
                "    /** The messages of a Kafka (Event Streams) feed event, empty when there are none. */",
                "    static JsonArray messages(JsonObject args) {",
                "        JsonElement messages = args.get(\"messages\");",
                "        return messages != null && messages.isJsonArray() ? messages.getAsJsonArray() : new JsonArray();",
                "    }",
                "",
                "    /** Whether the action was called as a web action (an HTTP request). */",
                "    static boolean isWebRequest(JsonObject args) {",
                "        return args.has(\"__ow_method\");",
                "    }",
                "",
                "    /**",
                "     * A web action's answer: OpenWhisk turns statusCode, headers and body into the HTTP",
                "     * response. A JSON body is sent as application/json, a string as plain text.",
                "     */",
                "    static JsonObject httpResponse(int statusCode, JsonElement body) {",
                "        boolean text = body.isJsonPrimitive();",
                "        JsonObject headers = new JsonObject();",
                "        headers.addProperty(\"Content-Type\", text ? \"text/plain; charset=utf-8\" : \"application/json\");",
                "        JsonObject response = new JsonObject();",
                "        response.addProperty(\"statusCode\", statusCode);",
                "        response.add(\"headers\", headers);",
                "        response.add(\"body\", text ? new JsonPrimitive(body.getAsString()) : body);",
                "        return response;",
                "    }",
                "",
                "    /** A function's answer as JSON: parsed when it is JSON, otherwise kept as a string. */",
                "    static JsonElement answer(String text) {",
                "        if (text == null) {",
                "            return JsonNull.INSTANCE;",
                "        }",
                "        try {",
                "            JsonElement parsed = GSON.fromJson(text, JsonElement.class);",
                "            return parsed == null ? new JsonPrimitive(text) : parsed;",
                "        } catch (JsonParseException notJson) {",
                "            return new JsonPrimitive(text);",
                "        }",
                "    }",
                "",
                "    /** An action's result must be a JSON object: anything else is wrapped as {\"result\": ...}. */",
                "    static JsonObject result(JsonElement answer) {",
                "        if (answer.isJsonObject()) {",
                "            return answer.getAsJsonObject();",
                "        }",
                "        JsonObject result = new JsonObject();",
                "        result.add(\"result\", answer);",
                "        return result;",
                "    }",
                "}",
                "");
    }

    static String action(String javaPackage, Action action) {
        ExportPlan.Function function = action.function();
        boolean web = function.events().stream().anyMatch(e -> e instanceof ExportPlan.Http);
        List<String> otherKinds = new ArrayList<>();
        for (ExportPlan.Event event : function.events()) {
            String kind = kind(event);
            if (!kind.equals("http") && !otherKinds.contains(kind)) {
                otherKinds.add(kind);
            }
        }
        String name = JavaText.literal(function.name());
        List<String> lines = new ArrayList<>();
        lines.add("package " + javaPackage + ";");
        lines.add("");
        List<String> imports = new ArrayList<>();
        if (action.userCode() == null) {
            if (otherKinds.equals(List.of("messages"))) {
                imports.add("com.google.gson.JsonArray");
                imports.add("com.google.gson.JsonElement");
            }
            imports.add("com.google.gson.JsonObject");
            if (!otherKinds.isEmpty() || !web) {
                imports.add("java.time.Instant");
            }
            if (web) {
                imports.add("java.util.Locale");
            }
        } else {
            imports.add("com.google.gson.JsonObject");
            if (!action.userCode().packageName().equals(javaPackage)) {
                imports.add(action.userCode().qualifiedName());
            }
        }
        imports.stream().sorted().forEach(i -> lines.add("import " + i + ";"));
        lines.add("");
        lines.add("/**");
        lines.add(" * The OpenWhisk action " + action.actionName() + " of the function '" + javadoc(function.name())
                + "'.");
        lines.add(" *");
        lines.add(" * <p>Started by:");
        lines.add(" *");
        lines.add(" * <ul>");
        for (String start : action.startedBy()) {
            lines.add(" *   <li>" + javadoc(start));
        }
        lines.add(" * </ul>");
        lines.add(" */");
        lines.add("public final class " + action.className() + " {");
        lines.add("");
        lines.add("    /** The inputs manifest.yaml gives this action: its environment and what it connects to. */");
        lines.add("    private static final String[] INPUTS = {"
                + String.join(
                        ", ", action.inputs().stream().map(JavaText::literal).toList()) + "};");
        lines.add("");
        lines.add("    private " + action.className() + "() {}");
        lines.add("");
        if (action.userCode() != null) {
            userCodeMain(lines, action, web);
        } else {
            generatedMain(lines, action, web, otherKinds, name);
        }
        lines.add("}");
        lines.add("");
        return String.join("\n", lines);
    }

    private static void userCodeMain(List<String> lines, Action action, boolean web) {
        String userClass = action.userCode().className();
        lines.add("    /**");
        lines.add("     * Passes the parameters (the event or request, with the inputs) as JSON to the function's own");
        lines.add(
                "     * code and returns its answer" + (web ? " (as the HTTP response body for a web request)." : "."));
        lines.add("     */");
        lines.add("    public static JsonObject main(JsonObject args) throws Exception {");
        lines.add("        System.out.println(" + JavaText.literal(function(action) + ": started") + ");");
        lines.add("        String answer = new " + userClass + "().handle(args.toString());");
        if (web) {
            lines.add("        if (" + SUPPORT_CLASS + ".isWebRequest(args)) {");
            lines.add("            return " + SUPPORT_CLASS + ".httpResponse(200, " + SUPPORT_CLASS
                    + ".answer(answer));");
            lines.add("        }");
        }
        lines.add("        return " + SUPPORT_CLASS + ".result(" + SUPPORT_CLASS + ".answer(answer));");
        lines.add("    }");
    }

    private static void generatedMain(
            List<String> lines, Action action, boolean web, List<String> otherKinds, String name) {
        lines.add("    /**");
        lines.add("     * Logs what started the action and answers with a small JSON document naming the function");
        lines.add("     * and the resources it reaches. Replace the body with the function's work.");
        lines.add("     */");
        lines.add("    public static JsonObject main(JsonObject args) {");
        if (web) {
            boolean only = otherKinds.isEmpty();
            String indent = only ? "        " : "            ";
            if (!only) {
                lines.add("        if (" + SUPPORT_CLASS + ".isWebRequest(args)) {");
            }
            lines.add(indent + "String method = " + SUPPORT_CLASS
                    + ".text(args, \"__ow_method\", \"get\").toUpperCase(Locale.ROOT);");
            lines.add(indent + "String path = " + SUPPORT_CLASS + ".text(args, \"__ow_path\", \"\");");
            lines.add(indent + "System.out.println(" + log(action, ": ") + " + method + \" \" + path);");
            lines.add(indent + "JsonObject body = new JsonObject();");
            lines.add(indent + "body.addProperty(\"function\", " + name + ");");
            lines.add(indent + "body.addProperty(\"method\", method);");
            lines.add(indent + "body.addProperty(\"path\", path);");
            List<String> parameters = pathParameters(action.function());
            if (!parameters.isEmpty()) {
                // The API Gateway passes path parameters as action parameters of the same name.
                lines.add(indent + "body.add(\"pathParameters\", " + SUPPORT_CLASS + ".strings(args, "
                        + String.join(
                                ", ", parameters.stream().map(JavaText::literal).toList()) + "));");
            }
            lines.add(indent + "body.add(\"environment\", " + SUPPORT_CLASS + ".strings(args, INPUTS));");
            lines.add(indent + "return " + SUPPORT_CLASS + ".httpResponse(200, body);");
            if (only) {
                lines.add("    }");
                return;
            }
            lines.add("        }");
        }
        lines.add("        JsonObject event = " + SUPPORT_CLASS + ".event(args, INPUTS);");
        lines.add("        JsonObject result = new JsonObject();");
        lines.add("        result.addProperty(\"function\", " + name + ");");
        if (otherKinds.size() == 1 && otherKinds.get(0).equals("schedule")) {
            lines.add("        System.out.println(" + log(action, ": the alarm fired with ") + " + event);");
            lines.add("        result.addProperty(\"firedAt\", Instant.now().toString());");
        } else if (otherKinds.size() == 1 && otherKinds.get(0).equals("storage")) {
            lines.add("        String bucket = " + SUPPORT_CLASS + ".text(event, \"bucket\", \"\");");
            lines.add("        String key = " + SUPPORT_CLASS + ".text(event, \"key\", \"\");");
            lines.add("        System.out.println(" + log(action, ": object ")
                    + " + key + \" changed in bucket \" + bucket);");
            lines.add("        result.addProperty(\"bucket\", bucket);");
            lines.add("        result.addProperty(\"key\", key);");
            lines.add("        result.addProperty(\"at\", Instant.now().toString());");
        } else if (otherKinds.size() == 1 && otherKinds.get(0).equals("messages")) {
            lines.add("        JsonArray messages = " + SUPPORT_CLASS + ".messages(event);");
            lines.add("        for (JsonElement message : messages) {");
            lines.add("            JsonObject fields = message.getAsJsonObject();");
            lines.add("            System.out.println(" + log(action, ": message from ") + " + " + SUPPORT_CLASS
                    + ".text(fields, \"topic\", \"?\")");
            lines.add(
                    "                    + \" partition \" + " + SUPPORT_CLASS + ".text(fields, \"partition\", \"?\")");
            lines.add("                    + \" offset \" + " + SUPPORT_CLASS + ".text(fields, \"offset\", \"?\"));");
            lines.add("        }");
            lines.add("        result.addProperty(\"messages\", messages.size());");
            lines.add("        result.addProperty(\"at\", Instant.now().toString());");
        } else {
            lines.add("        System.out.println(" + log(action, ": invoked with ") + " + event);");
            lines.add("        result.add(\"event\", event);");
            lines.add("        result.addProperty(\"at\", Instant.now().toString());");
        }
        lines.add("        result.add(\"environment\", " + SUPPORT_CLASS + ".strings(args, INPUTS));");
        lines.add("        return result;");
        lines.add("    }");
    }

    /** Text from the design inside a Javadoc comment: no comment end, no HTML, no tags. */
    private static String javadoc(String text) {
        return JavaText.comment(text)
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("@", "&#64;");
    }

    /** The {parameters} in the paths of the function's API routes, in order of appearance. */
    static List<String> pathParameters(ExportPlan.Function function) {
        List<String> parameters = new ArrayList<>();
        for (ExportPlan.Event event : function.events()) {
            if (event instanceof ExportPlan.Http http && http.gateway() != null) {
                pathParameters(http.path()).stream()
                        .filter(p -> !parameters.contains(p))
                        .forEach(parameters::add);
            }
        }
        return parameters;
    }

    /** The {parameters} in a route's path. */
    static List<String> pathParameters(String path) {
        List<String> parameters = new ArrayList<>();
        Matcher m = PARAMETER.matcher(path);
        while (m.find()) {
            parameters.add(m.group(1));
        }
        return parameters;
    }

    private static String function(Action action) {
        return action.function().name();
    }

    /** A log message's start: the function's name and what follows it, as one Java string literal. */
    private static String log(Action action, String text) {
        return JavaText.literal(function(action) + text);
    }

    /** The family of an event, which decides how the generated action reads it. */
    static String kind(ExportPlan.Event event) {
        if (event instanceof ExportPlan.Http) {
            return "http";
        }
        if (event instanceof ExportPlan.Schedule) {
            return "schedule";
        }
        if (event instanceof ExportPlan.StorageEvent) {
            return "storage";
        }
        return "messages";
    }
}
