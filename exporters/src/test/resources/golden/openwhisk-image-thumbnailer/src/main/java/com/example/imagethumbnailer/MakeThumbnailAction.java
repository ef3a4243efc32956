package com.example.imagethumbnailer;

import com.google.gson.JsonObject;
import java.time.Instant;

/**
 * The OpenWhisk action make-thumbnail of the function 'make-thumbnail'.
 *
 * <p>Started by:
 *
 * <ul>
 *   <li>trigger uploads: object written in bucket uploads (suffix .jpg)
 * </ul>
 */
public final class MakeThumbnailAction {

    /** The inputs manifest.yaml gives this action: its environment and what it connects to. */
    private static final String[] INPUTS = {"THUMBNAIL_BUCKET", "THUMBNAIL_WIDTH"};

    private MakeThumbnailAction() {}

    /**
     * Logs what started the action and answers with a small JSON document naming the function
     * and the resources it reaches. Replace the body with the function's work.
     */
    public static JsonObject main(JsonObject args) {
        JsonObject event = ActionSupport.event(args, INPUTS);
        JsonObject result = new JsonObject();
        result.addProperty("function", "make-thumbnail");
        String bucket = ActionSupport.text(event, "bucket", "");
        String key = ActionSupport.text(event, "key", "");
        System.out.println("make-thumbnail: object " + key + " changed in bucket " + bucket);
        result.addProperty("bucket", bucket);
        result.addProperty("key", key);
        result.addProperty("at", Instant.now().toString());
        result.add("environment", ActionSupport.strings(args, INPUTS));
        return result;
    }
}
