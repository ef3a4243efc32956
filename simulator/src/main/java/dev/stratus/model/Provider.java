package dev.stratus.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The function platforms a design can target, with the names used in files and on the command line. */
public enum Provider {
    AWS("aws", "AWS Lambda", "Lambda"),
    GCP("gcp", "Google Cloud Functions (1st gen)", "Cloud Function"),
    GCP_GEN2("gcp-gen2", "Cloud Run functions (2nd gen)", "Cloud Run function"),
    AZURE("azure", "Azure Functions (Consumption)", "Azure Function"),
    AZURE_FLEX("azure-flex", "Azure Functions (Flex Consumption)", "Azure Function"),
    IBM("ibm", "IBM Cloud Functions / Apache OpenWhisk", "Action");

    private final String id;
    private final String displayName;
    private final String functionWord;

    Provider(String id, String displayName, String functionWord) {
        this.id = id;
        this.displayName = displayName;
        this.functionWord = functionWord;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** What the provider calls a function: Lambda, Cloud Function, Azure Function, Action. */
    public String functionWord() {
        return functionWord;
    }

    public static Optional<Provider> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}
