package dev.stratus.export.azure;

import static dev.stratus.export.JavaText.comment;
import static dev.stratus.export.JavaText.literal;

import dev.stratus.export.ExportPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The Java sources of the exported function app: one annotated class per designed function. */
final class AzureSources {

    private AzureSources() {}

    static String packageName(AzureApp app) {
        return app.basePackage() + ".functions";
    }

    /** The class for one designed function, with one {@code @FunctionName} method per trigger. */
    static String functionClass(AzureApp app, AzureApp.FunctionClass type) {
        ExportPlan.Function function = type.function();
        TreeSet<String> imports = new TreeSet<>();
        imports.add("com.microsoft.azure.functions.ExecutionContext");
        imports.add("com.microsoft.azure.functions.annotation.FunctionName");
        StringBuilder methods = new StringBuilder();
        for (AzureApp.AzureFunction azure : type.functions()) {
            methods.append('\n').append(method(app, type, azure, imports));
        }
        if (!type.outputs().isEmpty()) {
            imports.add("com.microsoft.azure.functions.OutputBinding");
        }
        if (type.code() == null) {
            imports.add("java.util.LinkedHashMap");
            imports.add("java.util.Map");
        }
        StringBuilder out = new StringBuilder();
        out.append("package ").append(packageName(app)).append(";\n\n");
        for (String name : imports) {
            out.append("import ").append(name).append(";\n");
        }
        out.append("\n/**\n * ")
                .append(comment("The function '" + function.name() + "', exported from Stratus."))
                .append("\n *\n");
        for (AzureApp.AzureFunction azure : type.functions()) {
            out.append(" * <p>")
                    .append(comment(azure.name() + ": " + describe(azure.trigger())))
                    .append('\n');
        }
        out.append(" */\npublic class ").append(type.className()).append(" {\n");
        out.append(methods);
        out.append('\n').append(handle(type)).append("}\n");
        return out.toString();
    }

    /** What starts an Azure function, for comments and the README. */
    static String describe(AzureApp.Trigger trigger) {
        return switch (trigger.kind()) {
            case HTTP ->
                (trigger.methods().isEmpty() ? "any method" : String.join(", ", trigger.methods())) + " /"
                        + trigger.detail() + (trigger.functionKey() ? " (function key)" : "");
            case TIMER -> "timer, NCRONTAB " + trigger.detail() + " (UTC)";
            case STORAGE_QUEUE -> "Storage queue " + trigger.resource();
            case SERVICE_BUS_QUEUE -> "Service Bus queue " + trigger.resource() + " (sessions)";
            case SERVICE_BUS_TOPIC -> "Service Bus topic " + trigger.resource() + ", subscription " + trigger.detail();
            case BLOB -> "blob created at " + trigger.detail();
            case EVENT_GRID ->
                "Event Grid: blob deleted at "
                        + trigger.detail().replace("{{", "{").replace("}}", "}");
            case EVENT_HUB -> "event hub " + trigger.resource() + " (batches)";
        };
    }

    /** What an output binding writes to, for the README. */
    static String describe(AzureApp.Output output) {
        return switch (output.kind()) {
            case STORAGE_QUEUE -> "Storage queue " + output.resource();
            case SERVICE_BUS_QUEUE -> "Service Bus queue " + output.resource();
            case SERVICE_BUS_TOPIC -> "Service Bus topic " + output.resource();
            case TABLE -> "table " + output.resource();
        };
    }

    private static String method(
            AzureApp app, AzureApp.FunctionClass type, AzureApp.AzureFunction azure, TreeSet<String> imports) {
        AzureApp.Trigger trigger = azure.trigger();
        List<String> parameters = new ArrayList<>();
        String event;
        String returnType = "void";
        List<String> body = new ArrayList<>();
        String indent = "            ";
        switch (trigger.kind()) {
            case HTTP -> {
                imports.add("com.microsoft.azure.functions.HttpRequestMessage");
                imports.add("com.microsoft.azure.functions.HttpResponseMessage");
                imports.add("com.microsoft.azure.functions.HttpStatus");
                imports.add("com.microsoft.azure.functions.annotation.AuthorizationLevel");
                imports.add("com.microsoft.azure.functions.annotation.HttpTrigger");
                imports.add("java.util.Optional");
                StringBuilder annotation = new StringBuilder("@HttpTrigger(name = \"request\"");
                if (!trigger.methods().isEmpty()) {
                    imports.add("com.microsoft.azure.functions.HttpMethod");
                    annotation.append(", methods = {");
                    annotation.append(String.join(
                            ", ",
                            trigger.methods().stream()
                                    .map(m -> "HttpMethod." + m)
                                    .toList()));
                    annotation.append('}');
                }
                annotation.append(", route = ").append(literal(trigger.detail()));
                annotation
                        .append(", authLevel = AuthorizationLevel.")
                        .append(trigger.functionKey() ? "FUNCTION" : "ANONYMOUS")
                        .append(')');
                parameters.add(annotation + "\n" + indent + "        HttpRequestMessage<Optional<String>> request");
                StringBuilder pathParameters = new StringBuilder("Json.map(");
                List<String> pairs = new ArrayList<>();
                for (AzureApp.RouteParameter parameter : trigger.routeParameters()) {
                    imports.add("com.microsoft.azure.functions.annotation.BindingName");
                    parameters.add("@BindingName(" + literal(parameter.name()) + ") String " + parameter.javaName());
                    pairs.add(literal(parameter.name()) + ", " + parameter.javaName());
                }
                pathParameters.append(String.join(", ", pairs)).append(')');
                returnType = "HttpResponseMessage";
                event = "Json.object(\n"
                        + "                \"trigger\", \"http\",\n"
                        + "                \"method\", request.getHttpMethod().name(),\n"
                        + "                \"path\", request.getUri().getPath(),\n"
                        + "                \"pathParameters\", " + pathParameters + ",\n"
                        + "                \"query\", request.getQueryParameters(),\n"
                        + "                \"headers\", request.getHeaders(),\n"
                        + "                \"body\", request.getBody().orElse(null))";
                body.add("String answer = handle(event, context);");
                body.add("return request.createResponseBuilder(HttpStatus.OK)");
                body.add("        .header(\"Content-Type\", \"application/json\")");
                body.add("        .body(answer)");
                body.add("        .build();");
            }
            case TIMER -> {
                imports.add("com.microsoft.azure.functions.annotation.TimerTrigger");
                parameters.add("@TimerTrigger(name = \"timerInfo\", schedule = " + literal(trigger.detail())
                        + ") String timerInfo");
                event = "Json.object(\"trigger\", \"timer\", \"schedule\", " + literal(trigger.detail())
                        + ", \"timerInfo\", timerInfo)";
                body.add("context.getLogger().info(handle(event, context));");
            }
            case STORAGE_QUEUE -> {
                imports.add("com.microsoft.azure.functions.annotation.QueueTrigger");
                parameters.add("@QueueTrigger(name = \"message\", queueName = " + literal(trigger.resource())
                        + ", connection = " + literal(trigger.connection()) + ") String message");
                event = "Json.object(\"trigger\", \"queue\", \"queue\", " + literal(trigger.resource())
                        + ", \"messages\", List.of(message))";
                imports.add("java.util.List");
                body.add("context.getLogger().info(handle(event, context));");
            }
            case SERVICE_BUS_QUEUE -> {
                imports.add("com.microsoft.azure.functions.annotation.ServiceBusQueueTrigger");
                parameters.add("@ServiceBusQueueTrigger(\n" + indent + "                name = \"message\",\n"
                        + indent + "                queueName = " + literal(trigger.resource()) + ",\n"
                        + indent + "                connection = " + literal(trigger.connection()) + ",\n"
                        + indent + "                isSessionsEnabled = true)\n"
                        + indent + "        String message");
                event = "Json.object(\"trigger\", \"queue\", \"queue\", " + literal(trigger.resource())
                        + ", \"messages\", List.of(message))";
                imports.add("java.util.List");
                body.add("context.getLogger().info(handle(event, context));");
            }
            case SERVICE_BUS_TOPIC -> {
                imports.add("com.microsoft.azure.functions.annotation.ServiceBusTopicTrigger");
                parameters.add("@ServiceBusTopicTrigger(\n" + indent + "                name = \"message\",\n"
                        + indent + "                topicName = " + literal(trigger.resource()) + ",\n"
                        + indent + "                subscriptionName = " + literal(trigger.detail()) + ",\n"
                        + indent + "                connection = " + literal(trigger.connection()) + ")\n"
                        + indent + "        String message");
                event = "Json.object(\"trigger\", \"topic\", \"topic\", " + literal(trigger.resource())
                        + ", \"message\", message)";
                body.add("context.getLogger().info(handle(event, context));");
            }
            case BLOB -> {
                imports.add("com.microsoft.azure.functions.annotation.BindingName");
                imports.add("com.microsoft.azure.functions.annotation.BlobTrigger");
                String source = app.flex() ? ",\n" + indent + "                source = \"EventGrid\"" : "";
                parameters.add("@BlobTrigger(\n" + indent + "                name = \"content\",\n"
                        + indent + "                path = " + literal(trigger.detail()) + ",\n"
                        + indent + "                dataType = \"binary\",\n"
                        + indent + "                connection = " + literal(trigger.connection())
                        + source + ")\n"
                        + indent + "        byte[] content");
                parameters.add("@BindingName(\"name\") String name");
                event = "Json.object(\n"
                        + "                \"trigger\", \"storage\",\n"
                        + "                \"event\", \"created\",\n"
                        + "                \"container\", " + literal(trigger.resource()) + ",\n"
                        + "                \"name\", name,\n"
                        + "                \"size\", content.length)";
                body.add("context.getLogger().info(handle(event, context));");
            }
            case EVENT_GRID -> {
                imports.add("com.microsoft.azure.functions.annotation.EventGridTrigger");
                parameters.add("@EventGridTrigger(name = \"event\") String eventGridEvent");
                event = "Json.object(\"trigger\", \"storage\", \"event\", \"deleted\", \"container\", "
                        + literal(trigger.resource()) + ", \"eventGrid\", eventGridEvent)";
                body.add("context.getLogger().info(handle(event, context));");
            }
            case EVENT_HUB -> {
                imports.add("com.microsoft.azure.functions.annotation.Cardinality");
                imports.add("com.microsoft.azure.functions.annotation.EventHubTrigger");
                imports.add("java.util.List");
                parameters.add("@EventHubTrigger(\n" + indent + "                name = \"records\",\n"
                        + indent + "                eventHubName = " + literal(trigger.resource()) + ",\n"
                        + indent + "                connection = " + literal(trigger.connection()) + ",\n"
                        + indent + "                consumerGroup = \"$Default\",\n"
                        + indent + "                cardinality = Cardinality.MANY)\n"
                        + indent + "        List<String> records");
                event = "Json.object(\"trigger\", \"stream\", \"eventHub\", " + literal(trigger.resource())
                        + ", \"records\", records)";
                body.add("context.getLogger().info(handle(event, context));");
            }
            default -> throw new IllegalStateException(trigger.kind().name());
        }
        for (AzureApp.Output output : type.outputs()) {
            parameters.add(output(output, imports, indent));
        }
        parameters.add("final ExecutionContext context");
        StringBuilder out = new StringBuilder();
        out.append("    /** ").append(comment(describe(trigger))).append(". */\n");
        out.append("    @FunctionName(").append(literal(azure.name())).append(")\n");
        out.append("    public ")
                .append(returnType)
                .append(' ')
                .append(azure.methodName())
                .append("(\n");
        for (int i = 0; i < parameters.size(); i++) {
            out.append(indent).append(parameters.get(i)).append(i + 1 < parameters.size() ? ",\n" : ") {\n");
        }
        out.append("        String event = ").append(event).append(";\n");
        if (!type.outputs().isEmpty()) {
            out.append("        // Output bindings: ")
                    .append(comment(String.join(
                            ", ",
                            type.outputs().stream()
                                    .map(AzureApp.Output::javaName)
                                    .toList())))
                    .append(".setValue(json) sends a message")
                    .append(
                            type.outputs().stream().anyMatch(o -> o.kind() == AzureApp.OutputKind.TABLE)
                                    ? " (a table row: JSON with PartitionKey and RowKey)"
                                    : "")
                    .append(" when the function returns.\n");
        }
        for (String line : body) {
            out.append("        ").append(line).append('\n');
        }
        out.append("    }\n");
        return out.toString();
    }

    private static String output(AzureApp.Output output, TreeSet<String> imports, String indent) {
        String annotation;
        switch (output.kind()) {
            case STORAGE_QUEUE -> {
                imports.add("com.microsoft.azure.functions.annotation.QueueOutput");
                annotation = "@QueueOutput(name = " + literal(output.javaName()) + ", queueName = "
                        + literal(output.resource()) + ", connection = " + literal(output.connection()) + ")";
            }
            case SERVICE_BUS_QUEUE -> {
                imports.add("com.microsoft.azure.functions.annotation.ServiceBusQueueOutput");
                annotation = "@ServiceBusQueueOutput(name = " + literal(output.javaName()) + ", queueName = "
                        + literal(output.resource()) + ", connection = " + literal(output.connection()) + ")";
            }
            case SERVICE_BUS_TOPIC -> {
                imports.add("com.microsoft.azure.functions.annotation.ServiceBusTopicOutput");
                annotation = "@ServiceBusTopicOutput(name = " + literal(output.javaName()) + ", topicName = "
                        + literal(output.resource()) + ", subscriptionName = \"\", connection = "
                        + literal(output.connection()) + ")";
            }
            case TABLE -> {
                imports.add("com.microsoft.azure.functions.annotation.TableOutput");
                annotation = "@TableOutput(name = " + literal(output.javaName()) + ", tableName = "
                        + literal(output.resource()) + ", connection = " + literal(output.connection()) + ")";
            }
            default -> throw new IllegalStateException(output.kind().name());
        }
        return annotation + "\n" + indent + "        OutputBinding<String> " + output.javaName();
    }

    private static String handle(AzureApp.FunctionClass type) {
        ExportPlan.Function function = type.function();
        StringBuilder out = new StringBuilder();
        if (type.code() != null) {
            out.append("    /** Passes the event, as JSON, to the function's own code and returns its answer. */\n");
            out.append("    private static String handle(String event, ExecutionContext context) {\n");
            out.append("        context.getLogger().info(\"event: \" + event);\n");
            out.append("        return new ")
                    .append(type.code().qualifiedName())
                    .append("().handle(event);\n");
            out.append("    }\n");
            return out.toString();
        }
        out.append("    /**\n")
                .append(
                        "     * The function has no code in the design yet: it logs the event and answers with its name and\n")
                .append("     * the settings its connections give it. Replace the body with the real work.\n")
                .append("     */\n");
        out.append("    private static String handle(String event, ExecutionContext context) {\n");
        out.append("        context.getLogger().info(\"event: \" + event);\n");
        out.append("        Map<String, Object> settings = new LinkedHashMap<>();\n");
        for (ExportPlan.Variable variable : function.environment()) {
            out.append("        settings.put(")
                    .append(literal(variable.name()))
                    .append(", System.getenv(")
                    .append(literal(variable.name()))
                    .append("));\n");
        }
        out.append("        return Json.object(\"function\", ")
                .append(literal(function.name()))
                .append(", \"status\", \"ok\", \"settings\", settings);\n");
        out.append("    }\n");
        return out.toString();
    }

    /** A small JSON writer, so that the exported project needs no JSON library. */
    static String json(AzureApp app) {
        return "package " + packageName(app) + ";\n"
                + "\n"
                + "import java.util.Iterator;\n"
                + "import java.util.LinkedHashMap;\n"
                + "import java.util.List;\n"
                + "import java.util.Map;\n"
                + "\n"
                + "/** Writes events and answers as JSON: strings, numbers, booleans, null, lists and maps. */\n"
                + "final class Json {\n"
                + "\n"
                + "    private Json() {}\n"
                + "\n"
                + "    /** A map, kept in order, from alternating keys and values (a nested object in an event). */\n"
                + "    static Map<String, Object> map(Object... keysAndValues) {\n"
                + "        Map<String, Object> map = new LinkedHashMap<>();\n"
                + "        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {\n"
                + "            map.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);\n"
                + "        }\n"
                + "        return map;\n"
                + "    }\n"
                + "\n"
                + "    /** A JSON object from alternating keys and values. */\n"
                + "    static String object(Object... keysAndValues) {\n"
                + "        StringBuilder out = new StringBuilder(\"{\");\n"
                + "        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {\n"
                + "            if (i > 0) {\n"
                + "                out.append(',');\n"
                + "            }\n"
                + "            string(String.valueOf(keysAndValues[i]), out);\n"
                + "            out.append(':');\n"
                + "            value(keysAndValues[i + 1], out);\n"
                + "        }\n"
                + "        return out.append('}').toString();\n"
                + "    }\n"
                + "\n"
                + "    private static void value(Object value, StringBuilder out) {\n"
                + "        if (value == null) {\n"
                + "            out.append(\"null\");\n"
                + "        } else if (value instanceof Number || value instanceof Boolean) {\n"
                + "            out.append(value);\n"
                + "        } else if (value instanceof Map<?, ?> map) {\n"
                + "            out.append('{');\n"
                + "            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();\n"
                + "            while (entries.hasNext()) {\n"
                + "                Map.Entry<?, ?> entry = entries.next();\n"
                + "                string(String.valueOf(entry.getKey()), out);\n"
                + "                out.append(':');\n"
                + "                value(entry.getValue(), out);\n"
                + "                if (entries.hasNext()) {\n"
                + "                    out.append(',');\n"
                + "                }\n"
                + "            }\n"
                + "            out.append('}');\n"
                + "        } else if (value instanceof List<?> list) {\n"
                + "            out.append('[');\n"
                + "            for (int i = 0; i < list.size(); i++) {\n"
                + "                if (i > 0) {\n"
                + "                    out.append(',');\n"
                + "                }\n"
                + "                value(list.get(i), out);\n"
                + "            }\n"
                + "            out.append(']');\n"
                + "        } else {\n"
                + "            string(value.toString(), out);\n"
                + "        }\n"
                + "    }\n"
                + "\n"
                + "    private static void string(String text, StringBuilder out) {\n"
                + "        out.append('\"');\n"
                + "        for (int i = 0; i < text.length(); i++) {\n"
                + "            char c = text.charAt(i);\n"
                + "            switch (c) {\n"
                + "                case '\"' -> out.append(\"\\\\\\\"\");\n"
                + "                case '\\\\' -> out.append(\"\\\\\\\\\");\n"
                + "                case '\\n' -> out.append(\"\\\\n\");\n"
                + "                case '\\r' -> out.append(\"\\\\r\");\n"
                + "                case '\\t' -> out.append(\"\\\\t\");\n"
                + "                default -> {\n"
                + "                    if (c < 0x20) {\n"
                + "                        out.append(String.format(\"\\\\u%04x\", (int) c));\n"
                + "                    } else {\n"
                + "                        out.append(c);\n"
                + "                    }\n"
                + "                }\n"
                + "            }\n"
                + "        }\n"
                + "        out.append('\"');\n"
                + "    }\n"
                + "}\n";
    }
}
