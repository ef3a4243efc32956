package dev.stratus.export.sam;

import static dev.stratus.export.aws.AwsNotes.name;
import static dev.stratus.export.aws.Intrinsics.ref;
import static dev.stratus.export.aws.Intrinsics.sub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.aws.AwsNotes;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.HttpTrigger;
import java.util.List;

/**
 * The API Gateway APIs of a SAM template: an {@code AWS::Serverless::Api} (REST) or {@code
 * AWS::Serverless::HttpApi} per gateway with routes, with its stage, throttling, cache and
 * authorisation (and the template parameters that authorisation needs), and its URL as an output.
 */
final class SamApis {

    private final SamTemplate template;
    private final List<String> notes;

    SamApis(SamTemplate template) {
        this.template = template;
        this.notes = template.notes;
    }

    void api(ExportPlan.Api api) {
        ApiGateway gateway = api.gateway();
        String id = template.ids.of(gateway.id());
        if (api.routes().isEmpty()) {
            template.skippedApis.add(gateway.id());
            notes.add(AwsNotes.apiWithoutRoutes(gateway));
            return;
        }
        if (!api.exposed()) {
            notes.add("No HTTP trigger feeds the API '" + name(gateway) + "'; it is exported all the same,"
                    + " reachable on its public URL.");
        }
        boolean rest = gateway.type() == ApiGateway.Type.REST;
        ObjectNode resource =
                template.resource(id, rest ? "AWS::Serverless::Api" : "AWS::Serverless::HttpApi", gateway);
        template.triggerMetadata(resource, gateway.id(), HttpTrigger.class, "httpTriggers");
        ObjectNode properties = resource.putObject("Properties");
        properties.put("StageName", SamExporter.STAGE);
        if (rest) {
            ObjectNode settings = properties.putArray("MethodSettings").addObject();
            settings.put("ResourcePath", "/*");
            settings.put("HttpMethod", "*");
            settings.put("ThrottlingRateLimit", gateway.rateLimitPerSecond());
            settings.put("ThrottlingBurstLimit", gateway.burst());
            if (gateway.cache() != null) {
                properties.put("CacheClusterEnabled", true);
                properties.put("CacheClusterSize", "0.5");
                settings.put("CachingEnabled", true);
                settings.put("CacheTtlInSeconds", (int)
                        Math.min(3600, Math.ceil(gateway.cache().ttlSeconds())));
                notes.add("The API '" + name(gateway) + "' caches answers in a 0.5 GB API Gateway cache,"
                        + " which is billed by the hour.");
            }
        } else {
            ObjectNode settings = properties.putObject("DefaultRouteSettings");
            settings.put("ThrottlingRateLimit", gateway.rateLimitPerSecond());
            settings.put("ThrottlingBurstLimit", gateway.burst());
            if (gateway.cache() != null) {
                notes.add("The API '" + name(gateway) + "' has a response cache, which HTTP APIs do not"
                        + " offer; it is exported without one (a REST API or CloudFront can cache).");
            }
        }
        auth(api, id, properties, rest);
        template.output(
                id + "Url",
                "The URL of the API '" + name(gateway) + "'",
                sub("https://${" + id + "}.execute-api.${AWS::Region}.${AWS::URLSuffix}/" + SamExporter.STAGE));
    }

    private void auth(ExportPlan.Api api, String id, ObjectNode properties, boolean rest) {
        ApiGateway gateway = api.gateway();
        switch (gateway.auth()) {
            case NONE -> {
                // Open to anyone, as designed.
            }
            case API_KEY -> {
                if (rest) {
                    ObjectNode auth = properties.putObject("Auth");
                    auth.put("ApiKeyRequired", true);
                    auth.putObject("UsagePlan").put("CreateUsagePlan", "PER_API");
                    notes.add("The API '" + name(gateway) + "' requires an API key: SAM creates a usage plan"
                            + " and a key; read the key's value in the API Gateway console and send it in the"
                            + " x-api-key header.");
                } else {
                    notes.add(AwsNotes.httpApiWithoutKeys(gateway));
                }
            }
            case IAM -> {
                ObjectNode auth = properties.putObject("Auth");
                if (!rest) {
                    auth.put("EnableIamAuthorizer", true);
                }
                auth.put("DefaultAuthorizer", "AWS_IAM");
                notes.add(AwsNotes.iamAuthorisation(gateway));
            }
            case JWT -> {
                ObjectNode auth = properties.putObject("Auth");
                if (rest) {
                    cognitoAuthorizer(gateway, id, auth);
                } else {
                    jwtAuthorizer(gateway, id, auth);
                }
            }
        }
    }

    /** A REST API validates the tokens of a Cognito user pool, whose ARN is a template parameter. */
    private void cognitoAuthorizer(ApiGateway gateway, String id, ObjectNode auth) {
        String pool = template.ids.fresh(id, "api", "UserPoolArn");
        ObjectNode parameter = template.parameters.putObject(pool);
        parameter.put("Type", "String");
        parameter.put("Description", "The ARN of the Cognito user pool whose tokens the API accepts");
        ObjectNode authorizer = auth.putObject("Authorizers").putObject("CognitoAuthorizer");
        authorizer.set("UserPoolArn", ref(pool));
        auth.put("DefaultAuthorizer", "CognitoAuthorizer");
        notes.add("The API '" + name(gateway) + "' checks JWTs: a REST API validates tokens of a"
                + " Cognito user pool, whose ARN is the template parameter " + pool + ".");
    }

    /** An HTTP API checks JWTs of any issuer; issuer and audience are template parameters. */
    private void jwtAuthorizer(ApiGateway gateway, String id, ObjectNode auth) {
        String issuer = template.ids.fresh(id, "api", "JwtIssuer");
        String audience = template.ids.fresh(id, "api", "JwtAudience");
        template.parameters
                .putObject(issuer)
                .put("Type", "String")
                .put("Description", "The issuer URL of the JWTs the API accepts");
        template.parameters
                .putObject(audience)
                .put("Type", "String")
                .put("Description", "The audience (client id) of the JWTs the API accepts");
        ObjectNode authorizer = auth.putObject("Authorizers").putObject("JwtAuthorizer");
        authorizer.put("IdentitySource", "$request.header.Authorization");
        ObjectNode jwt = authorizer.putObject("JwtConfiguration");
        jwt.set("issuer", ref(issuer));
        jwt.putArray("audience").add(ref(audience));
        auth.put("DefaultAuthorizer", "JwtAuthorizer");
        notes.add("The API '" + name(gateway) + "' checks JWTs: give the issuer and audience of your"
                + " identity provider as the template parameters " + issuer + " and " + audience
                + ".");
    }
}
