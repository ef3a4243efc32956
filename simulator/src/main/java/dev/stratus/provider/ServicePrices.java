package dev.stratus.provider;

import java.util.Objects;

/**
 * The price of something billed per use besides functions: an API gateway's requests, a database's
 * request units, a queue's requests, emails.
 *
 * @param name what is billed, for people ("Amazon SQS standard queue requests")
 * @param tariff the price schedule
 * @param free the allowance a month that is not billed when the free tier is on, in the tariff's
 *     noun (0 where there is none that lasts)
 */
public record ServicePrices(String name, Tariff tariff, Figure free) {

    public ServicePrices {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tariff, "tariff");
        Objects.requireNonNull(free, "free");
    }
}
