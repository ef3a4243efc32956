package dev.stratus.provider;

import java.util.Locale;

/**
 * What a price is per, read from its unit as the providers publish it: {@code "USD per million
 * requests"} is per 1,000,000 requests, {@code "USD per 1,000 requests"} per 1,000, {@code "USD per
 * GB-s"} per one GB-second. The price book keeps prices as published so each can be checked against
 * its page; the cost model divides by {@link #per()}.
 *
 * @param per how many of the quantity the price is for: 1, 1,000 or 1,000,000
 * @param noun what is counted, for example {@code "requests"} or {@code "GB-s"}
 */
public record PriceUnit(double per, String noun) {

    private static final String PREFIX = "USD per ";

    /**
     * Reads a price's unit.
     *
     * @throws IllegalArgumentException if the unit is not {@code "USD per [million|1,000] NOUN"}
     */
    public static PriceUnit parse(String unit) {
        if (!unit.startsWith(PREFIX) || unit.length() == PREFIX.length()) {
            throw new IllegalArgumentException(
                    "a price's unit must read \"USD per NOUN\", \"USD per 1,000 NOUN\" or \"USD per million NOUN\", not \""
                            + unit + "\"");
        }
        String rest = unit.substring(PREFIX.length());
        if (rest.startsWith("million ")) {
            return new PriceUnit(1_000_000, rest.substring("million ".length()));
        }
        if (rest.startsWith("1,000 ")) {
            return new PriceUnit(1_000, rest.substring("1,000 ".length()));
        }
        return new PriceUnit(1, rest);
    }

    /** The unit a line item counts in: {@code "million requests"}, {@code "thousand emails"}, {@code "GB-s"}. */
    public String label() {
        if (per == 1_000_000) {
            return "million " + noun;
        }
        return per == 1_000 ? "thousand " + noun : noun;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "USD per %s", label());
    }
}
