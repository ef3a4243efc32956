package dev.stratus.model;

/**
 * A managed service that functions call: every call is synchronous and adds the service's latency to
 * the caller's duration. Over its capacity a service throttles.
 */
public sealed interface Service extends Node permits Database, Bucket, Queue, Topic, Email, ExternalApi {

    /** Latency of one request to the service, in milliseconds. */
    Distribution latency();

    /** Requests per second the service accepts before it throttles; {@code null} when unlimited. */
    Double capacityPerSecond();
}
