package dev.stratus.export.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stratus.export.Documents;

/**
 * CloudFormation intrinsic functions in their long form ({@code {"Ref": x}}, {@code {"Fn::GetAtt": [x,
 * a]}}), which Jackson can write and every CloudFormation reader accepts, for SAM templates and the
 * resources of serverless.yml alike.
 */
public final class Intrinsics {

    private Intrinsics() {}

    public static ObjectNode ref(String id) {
        ObjectNode ref = Documents.object();
        ref.put("Ref", id);
        return ref;
    }

    public static ObjectNode getAtt(String id, String attribute) {
        ObjectNode getAtt = Documents.object();
        getAtt.putArray("Fn::GetAtt").add(id).add(attribute);
        return getAtt;
    }

    public static ObjectNode sub(String text) {
        ObjectNode sub = Documents.object();
        sub.put("Fn::Sub", text);
        return sub;
    }

    public static ObjectNode join(String separator, JsonNode... parts) {
        ObjectNode join = Documents.object();
        ArrayNode args = join.putArray("Fn::Join");
        args.add(separator);
        ArrayNode list = args.addArray();
        for (JsonNode part : parts) {
            list.add(part);
        }
        return join;
    }
}
