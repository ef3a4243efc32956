package dev.stratus.sim.pool;

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

    public String id() {
        return id;
    }

    public static Routing fromId(String id) {
        for (Routing routing : values()) {
            if (routing.id.equals(id)) {
                return routing;
            }
        }
        throw new IllegalArgumentException("unknown routing '" + id + "'; use newest, mru, lru or random");
    }
}
