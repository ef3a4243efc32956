package com.example.imagethumbnailer;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the actions share: reading their parameters, telling the event from the inputs, and
 * building web action responses. Only Gson API that the OpenWhisk Java runtime's own Gson has
 * is used, since the runtime puts its Gson before the action's jar.
 */
final class ActionSupport {

    private static final Gson GSON = new Gson();

    private ActionSupport() {}

    /** A string parameter, or the fallback when it is missing or not a plain value. */
    static String text(JsonObject args, String name, String fallback) {
        JsonElement value = args.get(name);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : fallback;
    }

    /** The named parameters with their values as strings (empty when missing). */
    static JsonObject strings(JsonObject args, String... names) {
        JsonObject values = new JsonObject();
        for (String name : names) {
            values.addProperty(name, text(args, name, ""));
        }
        return values;
    }

    /** The parameters without the action's inputs: what the trigger or caller sent. */
    static JsonObject event(JsonObject args, String... inputs) {
        Set<String> skip = new HashSet<String>(Arrays.asList(inputs));
        JsonObject event = new JsonObject();
        for (Map.Entry<String, JsonElement> entry : args.entrySet()) {
            if (!skip.contains(entry.getKey())) {
                event.add(entry.getKey(), entry.getValue());
            }
        }
        return event;
    }

    /** The messages of a Kafka (Event Streams) feed event, empty when there are none. */
    static JsonArray messages(JsonObject args) {
        JsonElement messages = args.get("messages");
        return messages != null && messages.isJsonArray() ? messages.getAsJsonArray() : new JsonArray();
    }

    /** Whether the action was called as a web action (an HTTP request). */
    static boolean isWebRequest(JsonObject args) {
        return args.has("__ow_method");
    }

    /**
     * A web action's answer: OpenWhisk turns statusCode, headers and body into the HTTP
     * response. A JSON body is sent as application/json, a string as plain text.
     */
    static JsonObject httpResponse(int statusCode, JsonElement body) {
        boolean text = body.isJsonPrimitive();
        JsonObject headers = new JsonObject();
        headers.addProperty("Content-Type", text ? "text/plain; charset=utf-8" : "application/json");
        JsonObject response = new JsonObject();
        response.addProperty("statusCode", statusCode);
        response.add("headers", headers);
        response.add("body", text ? new JsonPrimitive(body.getAsString()) : body);
        return response;
    }

    /** A function's answer as JSON: parsed when it is JSON, otherwise kept as a string. */
    static JsonElement answer(String text) {
        if (text == null) {
            return JsonNull.INSTANCE;
        }
        try {
            JsonElement parsed = GSON.fromJson(text, JsonElement.class);
            return parsed == null ? new JsonPrimitive(text) : parsed;
        } catch (JsonParseException notJson) {
            return new JsonPrimitive(text);
        }
    }

    /** An action's result must be a JSON object: anything else is wrapped as {"result": ...}. */
    static JsonObject result(JsonElement answer) {
        if (answer.isJsonObject()) {
            return answer.getAsJsonObject();
        }
        JsonObject result = new JsonObject();
        result.add("result", answer);
        return result;
    }
}
