package dev.stratus.provider;

import java.util.Objects;

/**
 * One step of a tiered price: {@code price} applies to the month's usage from the previous tier's
 * bound up to {@code upTo}.
 *
 * @param upTo the usage at which the tier ends, counted from the start of the month (in the quantity
 *     the price is per: GB-s, requests); unbounded for the last tier
 * @param price the price within the tier
 */
public record Tier(Figure upTo, Figure price) {

    public Tier {
        Objects.requireNonNull(upTo, "upTo");
        Objects.requireNonNull(price, "price");
    }
}
