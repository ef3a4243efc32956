package dev.stratus.model;

/**
 * Requests from clients over HTTP. It feeds the API gateway or, as a function URL, a function
 * directly; callers wait for the answer, so everything it starts is synchronous.
 */
public record HttpTrigger(String id, String name) implements Trigger {
    public HttpTrigger {
        Checks.text(id, "id");
        name = name == null ? "" : name;
    }

    @Override
    public NodeKind kind() {
        return NodeKind.HTTP_TRIGGER;
    }

    @Override
    public HttpTrigger withName(String name) {
        return new HttpTrigger(id, name);
    }
}
