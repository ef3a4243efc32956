package dev.stratus.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A message queue (SQS, Cloud Tasks, Storage Queues) that functions send to; a function connected
 * from it polls it in batches.
 *
 * @param type standard (at-least-once, unordered) or FIFO
 * @param latency latency of one send, milliseconds
 * @param capacityPerSecond sends per second before it throttles, or {@code null} for unlimited
 * @param visibilityTimeoutSeconds how long a received message stays hidden before it is retried, s
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Queue(
        String id,
        String name,
        Type type,
        Distribution latency,
        Double capacityPerSecond,
        double visibilityTimeoutSeconds)
        implements Service {

    /** Standard or first-in-first-out. */
    public enum Type {
        STANDARD("standard"),
        FIFO("fifo");

        private final String id;

        Type(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }
    }

    public Queue {
        Checks.text(id, "id");
        name = name == null ? "" : name;
        type = type == null ? Type.STANDARD : type;
        Objects.requireNonNull(latency, "latency is missing");
        Checks.optionalPositive(capacityPerSecond, "capacityPerSecond");
        Checks.positive(visibilityTimeoutSeconds, "visibilityTimeoutSeconds");
    }

    @Override
    public NodeKind kind() {
        return NodeKind.QUEUE;
    }

    @Override
    public Queue withName(String name) {
        return new Queue(id, name, type, latency, capacityPerSecond, visibilityTimeoutSeconds);
    }
}
