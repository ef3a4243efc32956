package dev.stratus.provider;

import java.util.Objects;

/**
 * One line of a bill: {@code amount = quantity × unitPrice}, so a person can check it.
 *
 * @param description what is billed, with the tier where there are tiers ("AWS Lambda compute,
 *     x86_64, first 6,000,000,000 GB-s"); a free-tier line ends with "(free tier)" and costs 0
 * @param quantity how much, in {@code unit}
 * @param unit what is counted: "GB-s", "million requests", "thousand emails"
 * @param unitPrice USD per one {@code unit}, as the provider publishes it
 * @param amount USD
 */
public record LineItem(String description, double quantity, String unit, double unitPrice, double amount) {

    public LineItem {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(unit, "unit");
    }
}
