package dev.stratus.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * Events from an object bucket that people or other systems write to: an upload or a deletion,
 * optionally only under a key prefix and with a suffix. Storage events invoke asynchronously.
 */
public record StorageTrigger(String id, String name, Event event, String prefix, String suffix) implements Trigger {

    /** Which change to the bucket fires the trigger. */
    public enum Event {
        CREATED("created"),
        DELETED("deleted");

        private final String id;

        Event(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }
    }

    public StorageTrigger {
        Checks.text(id, "id");
        name = name == null ? "" : name;
        Objects.requireNonNull(event, "event is missing");
        prefix = prefix == null ? "" : prefix;
        suffix = suffix == null ? "" : suffix;
    }

    @Override
    public NodeKind kind() {
        return NodeKind.STORAGE_TRIGGER;
    }

    @Override
    public StorageTrigger withName(String name) {
        return new StorageTrigger(id, name, event, prefix, suffix);
    }
}
