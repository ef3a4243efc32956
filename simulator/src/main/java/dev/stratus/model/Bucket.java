package dev.stratus.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * An object storage bucket (S3, Cloud Storage, Blob Storage).
 *
 * @param latency latency of one request, milliseconds
 * @param capacityPerSecond requests per second before it throttles, or {@code null} for unlimited
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Bucket(String id, String name, Distribution latency, Double capacityPerSecond) implements Service {
    public Bucket {
        Checks.text(id, "id");
        name = name == null ? "" : name;
        Objects.requireNonNull(latency, "latency is missing");
        Checks.optionalPositive(capacityPerSecond, "capacityPerSecond");
    }

    @Override
    public NodeKind kind() {
        return NodeKind.BUCKET;
    }

    @Override
    public Bucket withName(String name) {
        return new Bucket(id, name, latency, capacityPerSecond);
    }
}
