package dev.stratus.export;

import java.util.Arrays;
import java.util.Optional;

/** The deployable project formats Stratus exports to, with their command-line names. */
public enum ExportTarget {
    SAM("sam", "AWS SAM"),
    SERVERLESS("serverless", "Serverless Framework"),
    AZURE("azure", "Azure Functions"),
    GCP("gcp", "Google Cloud Functions"),
    OPENWHISK("openwhisk", "Apache OpenWhisk / IBM Cloud Functions");

    private final String id;
    private final String displayName;

    ExportTarget(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<ExportTarget> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
