package dev.stratus.provider;

import java.util.List;

/**
 * A price schedule: one price, or tiers whose prices apply to successive slices of a month's usage
 * (AWS Lambda's GB-s beyond 6 billion, API Gateway's requests beyond 300 million). Tiers are in order,
 * their bounds rise, the last is unbounded, and every price has the same unit.
 *
 * @param tiers at least one
 */
public record Tariff(List<Tier> tiers) {

    public Tariff {
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("a tariff needs at least one price");
        }
        double previous = 0;
        String unit = tiers.get(0).price().unit();
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            double bound = tier.upTo().value();
            boolean last = i == tiers.size() - 1;
            if (last != tier.upTo().isUnbounded()) {
                throw new IllegalArgumentException(
                        last ? "the last tier must have no upper bound" : "only the last tier may be unbounded");
            }
            if (!(bound > previous)) {
                throw new IllegalArgumentException("tier bounds must rise: " + bound + " after " + previous);
            }
            if (!(tier.price().value() >= 0) || tier.price().isUnbounded()) {
                throw new IllegalArgumentException("a price must be a number at least 0, not "
                        + tier.price().value());
            }
            if (!tier.price().unit().equals(unit)) {
                throw new IllegalArgumentException("every tier's price must have the same unit: " + unit + " and "
                        + tier.price().unit());
            }
            previous = bound;
        }
        PriceUnit.parse(unit);
    }

    /** A single price for all usage. */
    public static Tariff flat(Figure price) {
        return new Tariff(List.of(new Tier(unbounded(price), price)));
    }

    /** The "no upper bound" of a last tier, from the same source as its price. */
    static Figure unbounded(Figure price) {
        return new Figure(Double.POSITIVE_INFINITY, "no upper bound", price.source(), price.asOf());
    }

    /** What the prices are per. */
    public PriceUnit unit() {
        return PriceUnit.parse(tiers.get(0).price().unit());
    }

    /** The first tier's price, the one a small user pays. */
    public Figure firstPrice() {
        return tiers.get(0).price();
    }
}
