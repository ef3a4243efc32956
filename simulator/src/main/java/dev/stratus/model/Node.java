package dev.stratus.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A node of a design: a trigger, the API gateway, a function or a service. Nodes are immutable;
 * {@link #id()} is stable for the life of the node and is what edges, workloads and the canvas layout
 * refer to, while {@link #name()} is what people and the exported clouds see.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = HttpTrigger.class, name = "http-trigger"),
    @JsonSubTypes.Type(value = ScheduleTrigger.class, name = "schedule-trigger"),
    @JsonSubTypes.Type(value = QueueTrigger.class, name = "queue-trigger"),
    @JsonSubTypes.Type(value = StorageTrigger.class, name = "storage-trigger"),
    @JsonSubTypes.Type(value = StreamTrigger.class, name = "stream-trigger"),
    @JsonSubTypes.Type(value = TopicTrigger.class, name = "topic-trigger"),
    @JsonSubTypes.Type(value = ApiGateway.class, name = "api-gateway"),
    @JsonSubTypes.Type(value = FunctionNode.class, name = "function"),
    @JsonSubTypes.Type(value = Database.class, name = "database"),
    @JsonSubTypes.Type(value = Bucket.class, name = "bucket"),
    @JsonSubTypes.Type(value = Queue.class, name = "queue"),
    @JsonSubTypes.Type(value = Topic.class, name = "topic"),
    @JsonSubTypes.Type(value = Email.class, name = "email"),
    @JsonSubTypes.Type(value = ExternalApi.class, name = "external-api")
})
public sealed interface Node permits Trigger, ApiGateway, FunctionNode, Service {

    String id();

    String name();

    @JsonIgnore
    NodeKind kind();

    /** The same node under another name. */
    Node withName(String name);
}
