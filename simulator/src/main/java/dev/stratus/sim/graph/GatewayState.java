package dev.stratus.sim.graph;

import dev.stratus.model.ApiGateway;
import dev.stratus.sim.random.DurationSampler;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The API gateway during a run: a token-bucket throttle, a response cache and its own latency. A
 * request goes to one of the routes, each equally likely. The cache answers a request with
 * probability {@code hitRatio} when its route has had an answer cached within the TTL.
 */
final class GatewayState {

    final ApiGateway node;
    /** Its index in the project's node list. */
    int nodeIndex;

    final TokenBucket throttle;
    final DurationSampler latency;
    final UniformRandomProvider random;
    int[] routes = new int[0];
    /** The edge of each route, by index in the project's edges. */
    int[] routeEdges = new int[0];

    long[] cachedAt = new long[0];

    GatewayState(ApiGateway node, DurationSampler latency, UniformRandomProvider random) {
        this.node = node;
        this.throttle = new TokenBucket(node.rateLimitPerSecond(), node.burst());
        this.latency = latency;
        this.random = random;
    }

    void addRoute(int function, int edge) {
        routes = java.util.Arrays.copyOf(routes, routes.length + 1);
        routes[routes.length - 1] = function;
        routeEdges = java.util.Arrays.copyOf(routeEdges, routes.length);
        routeEdges[routes.length - 1] = edge;
        cachedAt = java.util.Arrays.copyOf(cachedAt, routes.length);
        cachedAt[routes.length - 1] = Long.MIN_VALUE;
    }

    int pickRoute() {
        return routes.length == 1 ? 0 : random.nextInt(routes.length);
    }

    /** Whether the cache answers a request on {@code route} at {@code now}; a miss refreshes it. */
    boolean cacheHit(int route, long now) {
        ApiGateway.Cache cache = node.cache();
        if (cache == null) {
            return false;
        }
        long ttl = Math.round(cache.ttlSeconds() * 1e6);
        if (now - cachedAt[route] < ttl && random.nextDouble() < cache.hitRatio()) {
            return true;
        }
        cachedAt[route] = now;
        return false;
    }
}
