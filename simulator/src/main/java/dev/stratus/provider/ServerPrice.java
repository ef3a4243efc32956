package dev.stratus.provider;

import java.util.Objects;

/**
 * An always-on server to compare serverless against: the break-even point is where a month of
 * functions costs what this server costs.
 *
 * @param name the instance type and terms ("Amazon EC2 m7i.large, Linux, on demand, us-east-1")
 * @param hourly its price, USD per hour
 * @param vcpu its vCPUs
 * @param memoryGib its memory, GiB
 */
public record ServerPrice(String name, Figure hourly, Figure vcpu, Figure memoryGib) {

    public ServerPrice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hourly, "hourly");
        Objects.requireNonNull(vcpu, "vcpu");
        Objects.requireNonNull(memoryGib, "memoryGib");
    }

    /** The server's cost over {@code seconds}, USD. */
    public double cost(double seconds) {
        return hourly.value() * seconds / 3_600;
    }
}
