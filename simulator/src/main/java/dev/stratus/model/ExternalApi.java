package dev.stratus.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * An HTTP API outside the cloud account (a payment provider, a weather service).
 *
 * @param url the API's base address, for the exported environment; may be empty
 * @param latency latency of one request, milliseconds
 * @param capacityPerSecond requests per second before it throttles (its rate limit), or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExternalApi(String id, String name, String url, Distribution latency, Double capacityPerSecond)
        implements Service {
    public ExternalApi {
        Checks.text(id, "id");
        name = name == null ? "" : name;
        url = url == null ? "" : url;
        Objects.requireNonNull(latency, "latency is missing");
        Checks.optionalPositive(capacityPerSecond, "capacityPerSecond");
    }

    @Override
    public NodeKind kind() {
        return NodeKind.EXTERNAL_API;
    }

    @Override
    public ExternalApi withName(String name) {
        return new ExternalApi(id, name, url, latency, capacityPerSecond);
    }
}
