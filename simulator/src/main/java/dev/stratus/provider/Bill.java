package dev.stratus.provider;

import java.util.List;

/**
 * A month's bill: its line items and their sums by kind, USD, unrounded (round for display only).
 *
 * @param lineItems every line, in the order requests, compute, provisioned concurrency, gateway,
 *     services
 * @param requests the invocation charges
 * @param compute the duration charges on demand (GB-s, GHz-s, vCPU-s, and ephemeral storage)
 * @param provisioned provisioned concurrency: enabled, and duration on the provisioned instances
 * @param gateway the API gateway's request charges
 * @param services the per-use charges of other services
 * @param total the sum of all lines
 */
public record Bill(
        List<LineItem> lineItems,
        double requests,
        double compute,
        double provisioned,
        double gateway,
        double services,
        double total) {

    public Bill {
        lineItems = List.copyOf(lineItems);
    }
}
