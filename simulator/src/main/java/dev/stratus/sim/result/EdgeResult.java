package dev.stratus.sim.result;

/**
 * The traffic along one edge of the design over the run.
 *
 * @param id the edge's id
 * @param count what crossed it: requests from a trigger or a gateway (the gateway's throttled and
 *     cached requests do not reach a function), calls from a function to a service or another
 *     function (retries included), messages a queue or stream handed to its function, and
 *     deliveries from a topic or bucket to a subscriber
 */
public record EdgeResult(String id, long count) {}
