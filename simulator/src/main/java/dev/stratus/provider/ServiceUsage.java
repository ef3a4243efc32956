package dev.stratus.provider;

import java.util.Objects;

/**
 * A month of one service's billed uses.
 *
 * @param service the service's id in the price book ({@code dynamodb-write}, {@code sqs}, ...; see
 *     {@link PriceBook#services()})
 * @param quantity uses in the month, in the service's own noun (requests, request units, emails)
 */
public record ServiceUsage(String service, double quantity) {

    public ServiceUsage {
        Objects.requireNonNull(service, "service");
        if (!(quantity >= 0) || Double.isInfinite(quantity)) {
            throw new IllegalArgumentException("quantity must be a number at least 0, not " + quantity);
        }
    }
}
