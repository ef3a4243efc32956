package dev.stratus.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * An API gateway in front of functions. Its routes live on its edges ({@link Edge#route()}); the
 * gateway itself throttles with a token bucket, may answer from a response cache, checks auth and
 * adds its own latency.
 *
 * @param type HTTP API or REST API (they differ in price and features)
 * @param rateLimitPerSecond steady request rate the token bucket refills at, requests per second
 * @param burst the token bucket's size, requests
 * @param cache response cache, or {@code null} for none
 * @param auth how callers are authorised
 * @param latency the gateway's own added latency, milliseconds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiGateway(
        String id,
        String name,
        Type type,
        double rateLimitPerSecond,
        int burst,
        Cache cache,
        Auth auth,
        Distribution latency)
        implements Node {

    /** The two kinds of API a gateway can be. */
    public enum Type {
        HTTP("http"),
        REST("rest");

        private final String id;

        Type(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }
    }

    /** How the gateway authorises callers. */
    public enum Auth {
        NONE("none"),
        API_KEY("api-key"),
        JWT("jwt"),
        IAM("iam");

        private final String id;

        Auth(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }
    }

    /**
     * A response cache.
     *
     * @param ttlSeconds how long an answer stays cached, s
     * @param hitRatio the share of requests answered from the cache, 0 to 1
     */
    public record Cache(double ttlSeconds, double hitRatio) {
        public Cache {
            Checks.positive(ttlSeconds, "cache.ttlSeconds");
            if (!(hitRatio >= 0 && hitRatio <= 1)) {
                throw new IllegalArgumentException("cache.hitRatio must be between 0 and 1, not " + hitRatio);
            }
        }
    }

    /** AWS's default account throttle: 10,000 requests per second with a burst of 5,000. */
    public static final double DEFAULT_RATE_LIMIT = 10_000;

    public static final int DEFAULT_BURST = 5_000;

    public ApiGateway {
        Checks.text(id, "id");
        name = name == null ? "" : name;
        Objects.requireNonNull(type, "type is missing");
        Checks.positive(rateLimitPerSecond, "rateLimitPerSecond");
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, not " + burst);
        }
        auth = auth == null ? Auth.NONE : auth;
        Objects.requireNonNull(latency, "latency is missing");
    }

    @Override
    public NodeKind kind() {
        return NodeKind.API_GATEWAY;
    }

    @Override
    public ApiGateway withName(String name) {
        return new ApiGateway(id, name, type, rateLimitPerSecond, burst, cache, auth, latency);
    }
}
