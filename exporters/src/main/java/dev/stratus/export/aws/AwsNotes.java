package dev.stratus.export.aws;

import dev.stratus.export.ExportPlan;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.ExternalApi;
import dev.stratus.model.Node;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The notes that the SAM and the Serverless Framework exports both give, word for word, when AWS
 * cannot take a part of the design as it is; and the name a note calls a node by.
 */
public final class AwsNotes {

    private AwsNotes() {}

    /** The node's name, or its id when it has none. */
    public static String name(Node node) {
        return node.name().isBlank() ? node.id() : node.name();
    }

    /** Drops repeated notes, keeping the first of each: the plan reads a route for the API and the function. */
    public static void dropRepeats(List<String> notes) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(notes));
        notes.clear();
        notes.addAll(distinct);
    }

    public static String apiWithoutRoutes(ApiGateway gateway) {
        return "The API '" + name(gateway) + "' has no routes to functions, so it is not exported.";
    }

    public static String httpApiWithoutKeys(ApiGateway gateway) {
        return "The API '" + name(gateway) + "' asks for API keys, which HTTP APIs do not have;"
                + " it is exported WITHOUT authorisation. Add a Lambda authorizer, or make it a REST"
                + " API in the design.";
    }

    public static String iamAuthorisation(ApiGateway gateway) {
        return "The API '" + name(gateway) + "' uses IAM authorisation: callers sign requests"
                + " with SigV4 and need execute-api:Invoke permission.";
    }

    /** Notes an external API without a URL, whose variable stays empty. */
    public static void externalApi(ExportPlan.Resource resource, List<String> notes) {
        if (resource.node() instanceof ExternalApi api && api.url().isBlank()) {
            notes.add("The external API '" + resource.name() + "' has no URL; its variable is empty"
                    + " until you set it.");
        }
    }

    /** Notes the route of an HTTP trigger that a function URL, which takes every route, does not check. */
    public static void urlRoute(ExportPlan.Function function, ExportPlan.Http http, List<String> notes) {
        if (!AwsRules.urlMatchesRoute(function, http)) {
            notes.add("The function '" + function.name() + "' is reached through its function URL,"
                    + " which answers every method and path; the route " + http.method() + " "
                    + http.path() + " is left for the code to check.");
        }
    }
}
