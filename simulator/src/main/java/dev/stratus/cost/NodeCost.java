package dev.stratus.cost;

/**
 * One node's share of a month's bill: a function's requests, compute and provisioned concurrency; a
 * gateway's requests; a service's per-use charges. Where tiers or a free allowance are shared by
 * several nodes, each node's share is in proportion to what it would cost on its own.
 *
 * @param id the node's id
 * @param name its name
 * @param kind its kind ({@code function}, {@code api-gateway}, {@code database}, ...)
 * @param monthly USD for a 30-day month of the simulated traffic
 */
public record NodeCost(String id, String name, String kind, double monthly) {}
