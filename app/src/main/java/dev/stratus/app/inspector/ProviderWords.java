package dev.stratus.app.inspector;

import dev.stratus.model.NodeKind;
import dev.stratus.model.Provider;

/**
 * What each kind of node is called on each provider: "Lambda function" and "DynamoDB table" on AWS,
 * "Cosmos DB container" on Azure. For captions and the inspector; the model keeps neutral names.
 */
public final class ProviderWords {

    private ProviderWords() {}

    /** The name of {@code kind} in {@code provider}'s own words. */
    public static String of(Provider provider, NodeKind kind) {
        return switch (provider) {
            case AWS -> aws(kind);
            case GCP, GCP_GEN2 -> google(provider, kind);
            case AZURE, AZURE_FLEX -> azure(kind);
            case IBM -> ibm(kind);
        };
    }

    private static String aws(NodeKind kind) {
        return switch (kind) {
            case HTTP_TRIGGER -> "HTTP request";
            case SCHEDULE_TRIGGER -> "EventBridge schedule";
            case QUEUE_TRIGGER -> "SQS event source";
            case STORAGE_TRIGGER -> "S3 event";
            case STREAM_TRIGGER -> "Kinesis stream";
            case TOPIC_TRIGGER -> "SNS subscription";
            case API_GATEWAY -> "API Gateway";
            case FUNCTION -> "Lambda function";
            case DATABASE -> "DynamoDB table";
            case BUCKET -> "S3 bucket";
            case QUEUE -> "SQS queue";
            case TOPIC -> "SNS topic";
            case EMAIL -> "SES";
            case EXTERNAL_API -> "External API";
        };
    }

    private static String google(Provider provider, NodeKind kind) {
        return switch (kind) {
            case HTTP_TRIGGER -> "HTTP request";
            case SCHEDULE_TRIGGER -> "Cloud Scheduler job";
            case QUEUE_TRIGGER -> "Cloud Tasks queue";
            case STORAGE_TRIGGER -> "Cloud Storage event";
            case STREAM_TRIGGER -> "Pub/Sub Lite stream";
            case TOPIC_TRIGGER -> "Pub/Sub subscription";
            case API_GATEWAY -> "API Gateway";
            case FUNCTION -> provider == Provider.GCP ? "Cloud Function" : "Cloud Run function";
            case DATABASE -> "Firestore collection";
            case BUCKET -> "Cloud Storage bucket";
            case QUEUE -> "Cloud Tasks queue";
            case TOPIC -> "Pub/Sub topic";
            case EMAIL -> "SendGrid email";
            case EXTERNAL_API -> "External API";
        };
    }

    private static String azure(NodeKind kind) {
        return switch (kind) {
            case HTTP_TRIGGER -> "HTTP trigger";
            case SCHEDULE_TRIGGER -> "Timer trigger";
            case QUEUE_TRIGGER -> "Queue trigger";
            case STORAGE_TRIGGER -> "Blob trigger";
            case STREAM_TRIGGER -> "Event Hub";
            case TOPIC_TRIGGER -> "Event Grid subscription";
            case API_GATEWAY -> "API Management";
            case FUNCTION -> "Azure Function";
            case DATABASE -> "Cosmos DB container";
            case BUCKET -> "Blob container";
            case QUEUE -> "Storage queue";
            case TOPIC -> "Event Grid topic";
            case EMAIL -> "Communication Services email";
            case EXTERNAL_API -> "External API";
        };
    }

    private static String ibm(NodeKind kind) {
        return switch (kind) {
            case HTTP_TRIGGER -> "Web action request";
            case SCHEDULE_TRIGGER -> "Alarm trigger";
            case QUEUE_TRIGGER -> "Message Hub trigger";
            case STORAGE_TRIGGER -> "Object Storage trigger";
            case STREAM_TRIGGER -> "Event Streams topic";
            case TOPIC_TRIGGER -> "Event Streams trigger";
            case API_GATEWAY -> "API Gateway";
            case FUNCTION -> "Action";
            case DATABASE -> "Cloudant database";
            case BUCKET -> "Object Storage bucket";
            case QUEUE -> "Event Streams queue";
            case TOPIC -> "Event Streams topic";
            case EMAIL -> "SendGrid email";
            case EXTERNAL_API -> "External API";
        };
    }
}
