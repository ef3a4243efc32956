package dev.stratus.provider;

import dev.stratus.model.ApiGateway;
import java.util.Objects;

/**
 * A month of requests to an Amazon API Gateway API.
 *
 * @param type HTTP API or REST API
 * @param requests requests in the month
 */
public record GatewayUsage(ApiGateway.Type type, long requests) {

    public GatewayUsage {
        Objects.requireNonNull(type, "type");
        if (requests < 0) {
            throw new IllegalArgumentException("requests must be at least 0, not " + requests);
        }
    }
}
