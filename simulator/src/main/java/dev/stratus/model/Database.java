package dev.stratus.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A key-value or document database (DynamoDB, Firestore, Cosmos DB).
 *
 * @param latency latency of one request, milliseconds
 * @param capacityPerSecond requests per second before it throttles, or {@code null} for unlimited
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Database(String id, String name, Distribution latency, Double capacityPerSecond) implements Service {
    public Database {
        Checks.text(id, "id");
        name = name == null ? "" : name;
        Objects.requireNonNull(latency, "latency is missing");
        Checks.optionalPositive(capacityPerSecond, "capacityPerSecond");
    }

    @Override
    public NodeKind kind() {
        return NodeKind.DATABASE;
    }

    @Override
    public Database withName(String name) {
        return new Database(id, name, latency, capacityPerSecond);
    }
}
