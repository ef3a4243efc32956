package dev.stratus.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A publish/subscribe topic (SNS, Pub/Sub, Event Grid); it can fan out to subscriber functions.
 *
 * @param latency latency of one request, milliseconds
 * @param capacityPerSecond requests per second before it throttles, or {@code null} for unlimited
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Topic(String id, String name, Distribution latency, Double capacityPerSecond) implements Service {
    public Topic {
        Checks.text(id, "id");
        name = name == null ? "" : name;
        Objects.requireNonNull(latency, "latency is missing");
        Checks.optionalPositive(capacityPerSecond, "capacityPerSecond");
    }

    @Override
    public NodeKind kind() {
        return NodeKind.TOPIC;
    }

    @Override
    public Topic withName(String name) {
        return new Topic(id, name, latency, capacityPerSecond);
    }
}
