package dev.stratus.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which idle instance of a function takes a request when several are free. */
public enum Routing {
    /** The most recently created idle instance, as SimFaaS does (the default). */
    NEWEST("newest"),
    /** The instance that became idle last (AWS Lambda's observed behaviour). */
    MRU("mru"),
    /** The instance that has been idle longest. */
    LRU("lru"),
    /** Any idle instance, uniformly at random. */
    RANDOM("random");

    private final String id;

    Routing(String id) {
        this.id = id;
    }

    /** The name used in project files and on the command line. */
    @JsonValue
    public String id() {
        return id;
    }

    /**
     * The policy named {@code id}.
     *
     * @throws IllegalArgumentException naming the four policies when {@code id} is none of them
     */
    @JsonCreator
    public static Routing fromId(String id) {
        for (Routing routing : values()) {
            if (routing.id.equals(id)) {
                return routing;
            }
        }
        throw new IllegalArgumentException("unknown routing '" + id + "'; use newest, mru, lru or random");
    }
}
