package com.example.restapi.support;

import java.util.Map;

/** Just enough JSON for the handlers: strings and objects, written, never parsed. */
public final class Json {

    private Json() {}

    /** {@code value} as a JSON string, or {@code null} when there is none. */
    public static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** An object of the members, in their order; each value is JSON already. */
    public static String object(Map<String, String> members) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, String> member : members.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(string(member.getKey())).append(':').append(member.getValue());
        }
        return out.append('}').toString();
    }
}
