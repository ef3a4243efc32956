package dev.stratus.provider;

import java.util.Objects;

/**
 * A yes-or-no fact about a provider's billing, with its source, like a {@link Figure}: whether the
 * cold start's init is billed, whether the free tier applies with provisioned concurrency.
 *
 * @param value the fact
 * @param source where it comes from; starts with {@code "estimate"} when not read from a source
 * @param asOf the date it was checked, {@code YYYY-MM-DD}
 */
public record Flag(boolean value, String source, String asOf) {

    public Flag {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asOf, "asOf");
    }
}
