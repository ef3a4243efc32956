package dev.stratus.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * An email sending service (SES, SendGrid).
 *
 * @param latency latency of one request, milliseconds
 * @param capacityPerSecond requests per second before it throttles, or {@code null} for unlimited
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Email(String id, String name, Distribution latency, Double capacityPerSecond) implements Service {
    public Email {
        Checks.text(id, "id");
        name = name == null ? "" : name;
        Objects.requireNonNull(latency, "latency is missing");
        Checks.optionalPositive(capacityPerSecond, "capacityPerSecond");
    }

    @Override
    public NodeKind kind() {
        return NodeKind.EMAIL;
    }

    @Override
    public Email withName(String name) {
        return new Email(id, name, latency, capacityPerSecond);
    }
}
