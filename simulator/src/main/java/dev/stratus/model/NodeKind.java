package dev.stratus.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Every kind of node a design can hold, with the name it has in project files. */
public enum NodeKind {
    HTTP_TRIGGER("http-trigger", Category.TRIGGER, "HTTP trigger"),
    SCHEDULE_TRIGGER("schedule-trigger", Category.TRIGGER, "Schedule"),
    QUEUE_TRIGGER("queue-trigger", Category.TRIGGER, "Queue trigger"),
    STORAGE_TRIGGER("storage-trigger", Category.TRIGGER, "Storage event"),
    STREAM_TRIGGER("stream-trigger", Category.TRIGGER, "Stream"),
    TOPIC_TRIGGER("topic-trigger", Category.TRIGGER, "Topic trigger"),
    API_GATEWAY("api-gateway", Category.GATEWAY, "API gateway"),
    FUNCTION("function", Category.FUNCTION, "Function"),
    DATABASE("database", Category.SERVICE, "Database"),
    BUCKET("bucket", Category.SERVICE, "Bucket"),
    QUEUE("queue", Category.SERVICE, "Queue"),
    TOPIC("topic", Category.SERVICE, "Topic"),
    EMAIL("email", Category.SERVICE, "Email"),
    EXTERNAL_API("external-api", Category.SERVICE, "External API");

    /** The four roles a node can play in a design. */
    public enum Category {
        TRIGGER,
        GATEWAY,
        FUNCTION,
        SERVICE
    }

    private final String id;
    private final Category category;
    private final String displayName;

    NodeKind(String id, Category category, String displayName) {
        this.id = id;
        this.category = category;
        this.displayName = displayName;
    }

    /** The kind's name in project files, for example {@code "http-trigger"}. */
    @JsonValue
    public String id() {
        return id;
    }

    public Category category() {
        return category;
    }

    /** A short name for people, for example "HTTP trigger". */
    public String displayName() {
        return displayName;
    }

    /** The name inside a sentence: "HTTP trigger", "database", "API gateway". */
    public String lowerName() {
        String first = displayName.contains(" ") ? displayName.substring(0, displayName.indexOf(' ')) : displayName;
        return first.equals(first.toUpperCase(java.util.Locale.ROOT))
                ? displayName
                : Character.toLowerCase(displayName.charAt(0)) + displayName.substring(1);
    }

    /** The name with its article, as said aloud: "an HTTP trigger", "a database", "an email". */
    public String withArticle() {
        String name = lowerName();
        boolean vowelSound = "aeiouAEIO".indexOf(name.charAt(0)) >= 0 || name.startsWith("HTTP");
        return (vowelSound ? "an " : "a ") + name;
    }

    public boolean isTrigger() {
        return category == Category.TRIGGER;
    }

    public boolean isService() {
        return category == Category.SERVICE;
    }

    public static Optional<NodeKind> fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }
}
