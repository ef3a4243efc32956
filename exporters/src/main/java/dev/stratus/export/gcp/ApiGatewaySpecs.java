package dev.stratus.export.gcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stratus.export.Documents;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.Names;
import dev.stratus.export.gcp.GcpExporter.Deployment;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The API Gateway of each API with routes: its ids, its service account when callers must
 * authenticate, and its OpenAPI 2.0 spec ({@code openapi.yaml}, or {@code openapi-<api>.yaml} when
 * there are several), whose operations send each route to its function's URL with the path appended.
 */
final class ApiGatewaySpecs {

    /** An API Gateway: its ids, its spec file and, when callers must authenticate, its identity. */
    record GatewayOut(String apiId, String gatewayId, String specFile, String serviceAccount, ExportPlan.Api api) {}

    private final GcpBuild build;
    private final ExportPlan plan;
    private final Project project;
    private final List<String> notes;

    ApiGatewaySpecs(GcpBuild build) {
        this.build = build;
        this.plan = build.plan();
        this.project = build.project();
        this.notes = build.notes();
    }

    /** Adds a spec file per API with routes to the export; the gateways in the plan's order. */
    List<GatewayOut> write() {
        List<ExportPlan.Api> apis =
                plan.apis().stream().filter(a -> !a.routes().isEmpty()).toList();
        Names.Unique apiIds = new Names.Unique("-", 40);
        List<GatewayOut> out = new ArrayList<>();
        for (ExportPlan.Api api : apis) {
            String apiId = apiIds.next(Names.kebab(Deployments.gatewayName(api.gateway()), "api", 40));
            String spec = apis.size() == 1 ? "openapi.yaml" : "openapi-" + apiId + ".yaml";
            String account = null;
            if (api.gateway().auth() != ApiGateway.Auth.NONE) {
                account = Names.kebab(apiId, "api", 24) + "-gw";
                if (account.length() < 6) {
                    account = "api-" + account;
                }
            }
            GatewayOut gateway = new GatewayOut(apiId, apiId + "-gateway", spec, account, api);
            build.files().add(spec, GcpExporter.yaml(openApi(gateway)));
            out.add(gateway);
        }
        return out;
    }

    private ObjectNode openApi(GatewayOut gateway) {
        ApiGateway node = gateway.api().gateway();
        ObjectNode spec = Documents.object();
        spec.put("swagger", "2.0");
        ObjectNode info = spec.putObject("info");
        info.put("title", Deployments.gatewayName(node));
        info.put("description", "API Gateway for " + project.name() + ", exported from Stratus");
        info.put("version", "1.0.0");
        spec.putArray("schemes").add("https");
        spec.putArray("produces").add("application/json");
        switch (node.auth()) {
            case API_KEY -> {
                ObjectNode key = spec.putObject("securityDefinitions").putObject("api_key");
                key.put("type", "apiKey");
                key.put("name", "key");
                key.put("in", "query");
                spec.putArray("security").addObject().putArray("api_key");
                notes.add(
                        "The API '" + Deployments.gatewayName(node) + "' takes an API key in the query parameter 'key':"
                                + " create one with gcloud services api-keys create and restrict it to the API's"
                                + " managed service.");
            }
            case JWT, IAM -> {
                boolean google = node.auth() == ApiGateway.Auth.IAM;
                ObjectNode jwt = spec.putObject("securityDefinitions").putObject("jwt");
                jwt.put("authorizationUrl", "");
                jwt.put("flow", "implicit");
                jwt.put("type", "oauth2");
                jwt.put("x-google-issuer", google ? "https://accounts.google.com" : "https://issuer.example.com");
                jwt.put(
                        "x-google-jwks_uri",
                        google
                                ? "https://www.googleapis.com/oauth2/v3/certs"
                                : "https://issuer.example.com/.well-known/jwks.json");
                jwt.put("x-google-audiences", gateway.apiId());
                spec.putArray("security").addObject().putArray("jwt");
                notes.add(
                        google
                                ? "The API '" + Deployments.gatewayName(node)
                                        + "' takes Google identity tokens with the audience '" + gateway.apiId()
                                        + "' (IAM auth)."
                                : "The API '" + Deployments.gatewayName(node)
                                        + "' checks JWTs: replace the issuer and JWKS address"
                                        + " issuer.example.com in " + gateway.specFile()
                                        + " with your identity provider's.");
            }
            case NONE ->
                notes.add("The API '" + Deployments.gatewayName(node) + "' has no auth, so the functions behind"
                        + " it are public (--allow-unauthenticated): callers reach them through the gateway and at"
                        + " their own URLs.");
            default -> throw new IllegalStateException("unknown auth " + node.auth());
        }
        ObjectNode paths = spec.putObject("paths");
        Names.Unique operationIds = new Names.Unique("", 120);
        for (ExportPlan.Route route : gateway.api().routes()) {
            Deployment deployment = build.httpDeployment(route.function().id());
            ObjectNode path =
                    paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
            List<String> methods = route.method().equals("ANY")
                    ? List.of("get", "post", "put", "delete", "patch", "head", "options")
                    : List.of(route.method().toLowerCase(Locale.ROOT));
            for (String method : methods) {
                if (path.has(method)) {
                    notes.add("The API '" + Deployments.gatewayName(node) + "' has two routes for "
                            + method.toUpperCase(Locale.ROOT) + " " + route.path() + "; the spec keeps the first.");
                    continue;
                }
                ObjectNode operation = path.putObject(method);
                operation.put(
                        "operationId",
                        operationIds.next(Names.camel(route.function().name(), "call") + Names.pascal(method, "any")));
                operation.put("summary", route.function().name());
                ArrayNode parameters = null;
                for (String parameter : pathParameters(route.path())) {
                    if (parameters == null) {
                        parameters = operation.putArray("parameters");
                    }
                    ObjectNode p = parameters.addObject();
                    p.put("name", parameter);
                    p.put("in", "path");
                    p.put("required", true);
                    p.put("type", "string");
                }
                ObjectNode backend = operation.putObject("x-google-backend");
                backend.put("address", Environments.functionUrl(deployment));
                backend.put("path_translation", "APPEND_PATH_TO_ADDRESS");
                backend.put(
                        "deadline", (double) build.settings(deployment.name()).timeoutSeconds());
                operation.putObject("responses").putObject("200").put("description", "The function's answer");
            }
        }
        return spec;
    }

    private static List<String> pathParameters(String path) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = Pattern.compile("\\{([^}/]+)}").matcher(path);
        while (m.find()) {
            String name = m.group(1).endsWith("+")
                    ? m.group(1).substring(0, m.group(1).length() - 1)
                    : m.group(1);
            out.add(name);
        }
        return out;
    }
}
