package com.example.restapi;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON for the handlers: Lambda events (the Java beans of aws-lambda-java-events), maps, lists and
 * plain values, written without a JSON library. A bean becomes an object of its getters' values
 * (getEventSource() gives "eventSource"); null values are left out; binary data is Base64.
 */
public final class EventJson {

    private static final int MAX_DEPTH = 32;

    private EventJson() {}

    /** The value as JSON. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.toString();
    }

    /**
     * The answer of a function that has no code of its own yet: its name and the values of the
     * environment variables that name what it is connected to.
     */
    public static String answer(String function, String... variables) {
        Map<String, Object> connections = new LinkedHashMap<>();
        for (String variable : variables) {
            connections.put(variable, System.getenv(variable));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("function", function);
        answer.put("message", "Exported from Stratus; this function has no code of its own yet.");
        answer.put("connections", connections);
        return write(answer);
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            out.append("null");
        } else if (value instanceof CharSequence || value instanceof Character || value instanceof Enum) {
            string(value.toString(), out);
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Number) {
            double number = ((Number) value).doubleValue();
            out.append(Double.isNaN(number) || Double.isInfinite(number) ? "null" : value.toString());
        } else if (value instanceof ByteBuffer) {
            ByteBuffer buffer = ((ByteBuffer) value).duplicate();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            string(Base64.getEncoder().encodeToString(bytes), out);
        } else if (value instanceof byte[]) {
            string(Base64.getEncoder().encodeToString((byte[]) value), out);
        } else if (value instanceof Map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                first = separate(first, out);
                string(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out, depth + 1);
            }
            out.append('}');
        } else if (value instanceof Collection) {
            out.append('[');
            boolean first = true;
            for (Object item : (Collection<?>) value) {
                first = separate(first, out);
                write(item, out, depth + 1);
            }
            out.append(']');
        } else if (value.getClass().isArray()) {
            out.append('[');
            for (int i = 0; i < Array.getLength(value); i++) {
                separate(i == 0, out);
                write(Array.get(value, i), out, depth + 1);
            }
            out.append(']');
        } else if (value instanceof Date) {
            string(((Date) value).toInstant().toString(), out);
        } else if (!value.getClass().getName().startsWith("com.amazonaws.")) {
            // Times (java.time, Joda) and anything else that is not an event bean: its text.
            string(value.toString(), out);
        } else {
            bean(value, out, depth);
        }
    }

    private static void bean(Object value, StringBuilder out, int depth) {
        Map<String, Method> getters = new TreeMap<>();
        for (Method method : value.getClass().getMethods()) {
            if (method.getParameterCount() != 0
                    || Modifier.isStatic(method.getModifiers())
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = method.getName();
            String property = null;
            if (name.startsWith("get") && name.length() > 3) {
                property = name.substring(3);
            } else if (name.startsWith("is") && name.length() > 2
                    && (method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class)) {
                property = name.substring(2);
            }
            if (property != null) {
                getters.putIfAbsent(Character.toLowerCase(property.charAt(0)) + property.substring(1), method);
            }
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Method> getter : getters.entrySet()) {
            Object property;
            try {
                property = getter.getValue().invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (property == null) {
                continue;
            }
            first = separate(first, out);
            string(getter.getKey(), out);
            out.append(':');
            write(property, out, depth + 1);
        }
        out.append('}');
    }

    private static boolean separate(boolean first, StringBuilder out) {
        if (!first) {
            out.append(',');
        }
        return false;
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
