package com.example.restapi.support;

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

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");

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
            body.write("\n");
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
