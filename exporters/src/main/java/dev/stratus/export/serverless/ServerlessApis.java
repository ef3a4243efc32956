package dev.stratus.export.serverless;

import static dev.stratus.export.aws.AwsNotes.name;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stratus.export.Documents;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.aws.AwsNotes;
import dev.stratus.model.ApiGateway;
import java.util.List;

/**
 * The API settings of a Serverless service. The framework has one HTTP API and one REST API per
 * service; the design's gateways of each type become routes of that one API, with its auth. This
 * class works out that auth (API keys, JWT authorizers and their parameters), the throttling of the
 * HTTP API's stage, and the notes on what the framework cannot express.
 */
final class ServerlessApis {

    private final ServerlessService service;
    private final List<String> notes;
    private final ObjectNode extensions = Documents.object();
    private ObjectNode httpApiAuthorizers;
    private boolean restApiKeys;

    ServerlessApis(ServerlessService service) {
        this.service = service;
        this.notes = service.notes;
    }

    /** The CloudFormation extensions of resources the framework generates (the HTTP API's stage). */
    ObjectNode extensions() {
        return extensions;
    }

    /** The authorizers of the HTTP API, or null if it has none. */
    ObjectNode httpApiAuthorizers() {
        return httpApiAuthorizers;
    }

    /** Whether the REST API requires API keys. */
    boolean restApiKeys() {
        return restApiKeys;
    }

    /** Reads the plan's APIs; call once, before the provider section is written. */
    void check() {
        int http = 0;
        int rest = 0;
        for (ExportPlan.Api api : service.plan.apis()) {
            if (api.routes().isEmpty()) {
                notes.add(AwsNotes.apiWithoutRoutes(api.gateway()));
                continue;
            }
            ApiGateway gateway = api.gateway();
            boolean isRest = gateway.type() == ApiGateway.Type.REST;
            if (isRest) {
                rest++;
            } else {
                http++;
            }
            if (gateway.cache() != null) {
                notes.add("The API '" + name(gateway) + "' has a response cache; the Serverless Framework has no"
                        + " setting for it, so it is exported without one.");
            }
            if (isRest && gateway.auth() != ApiGateway.Auth.API_KEY) {
                notes.add("The REST API '" + name(gateway) + "' throttles at " + gateway.rateLimitPerSecond()
                        + " requests/s (burst " + gateway.burst() + "); the framework sets stage throttling only"
                        + " through usage plans, so set it on the stage after deploying.");
            }
            auth(gateway, isRest);
            if (!isRest && http == 1) {
                // The framework has no throttling setting for HTTP APIs; an extension of the stage
                // it generates sets it exactly.
                ObjectNode settings = extensions
                        .putObject("HttpApiStage")
                        .putObject("Properties")
                        .putObject("DefaultRouteSettings");
                settings.put("ThrottlingRateLimit", gateway.rateLimitPerSecond());
                settings.put("ThrottlingBurstLimit", gateway.burst());
            }
        }
        if (http > 1 || rest > 1) {
            notes.add("The design has " + (http > 1 ? http + " HTTP APIs" : rest + " REST APIs") + "; a Serverless"
                    + " service has one of each, so their routes share it (and the first one's auth).");
        }
    }

    private void auth(ApiGateway gateway, boolean isRest) {
        switch (gateway.auth()) {
            case NONE -> {
                // Open, as designed.
            }
            case API_KEY -> {
                if (isRest) {
                    restApiKeys = true;
                    notes.add("The REST API '" + name(gateway) + "' requires an API key: the framework creates"
                            + " one with a usage plan (throttled as designed); serverless info shows it.");
                } else {
                    notes.add(AwsNotes.httpApiWithoutKeys(gateway));
                }
            }
            case IAM -> notes.add(AwsNotes.iamAuthorisation(gateway));
            case JWT -> {
                if (isRest) {
                    service.params.put(
                            "userPoolArn", "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_EXAMPLE");
                    notes.add("The REST API '" + name(gateway) + "' checks JWTs of a Cognito user pool: set the"
                            + " parameter userPoolArn (now a placeholder).");
                } else if (httpApiAuthorizers == null) {
                    service.params.put("jwtIssuer", "https://issuer.example.com");
                    service.params.put("jwtAudience", "example-client-id");
                    httpApiAuthorizers = Documents.object();
                    ObjectNode jwt = httpApiAuthorizers.putObject("jwtAuthorizer");
                    jwt.put("type", "jwt");
                    jwt.put("identitySource", "$request.header.Authorization");
                    jwt.put("issuerUrl", "${param:jwtIssuer}");
                    jwt.putArray("audience").add("${param:jwtAudience}");
                    notes.add("The API '" + name(gateway) + "' checks JWTs: set the parameters jwtIssuer and"
                            + " jwtAudience (now placeholders) to your identity provider's.");
                }
            }
        }
    }

    /** The first REST API that requires API keys, whose throttling the usage plan takes; or null. */
    ApiGateway restGateway() {
        return service.plan.apis().stream()
                .map(ExportPlan.Api::gateway)
                .filter(g -> g.type() == ApiGateway.Type.REST && g.auth() == ApiGateway.Auth.API_KEY)
                .findFirst()
                .orElse(null);
    }
}
