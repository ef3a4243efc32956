package dev.stratus.export;

import java.util.ArrayList;
import java.util.List;

/**
 * A small XML element tree for Maven POMs. Text and attribute values are escaped when written, so a
 * project name with {@code <}, {@code &} or quotes cannot break the file.
 */
public final class Xml {

    private final String name;
    private final List<String[]> attributes = new ArrayList<>();
    private final List<Xml> children = new ArrayList<>();
    private String text;

    private Xml(String name) {
        this.name = name;
    }

    public static Xml element(String name) {
        return new Xml(name);
    }

    public Xml attribute(String key, String value) {
        attributes.add(new String[] {key, value});
        return this;
    }

    /** Adds a child element and returns it. */
    public Xml child(String childName) {
        Xml child = new Xml(childName);
        children.add(child);
        return child;
    }

    /** Adds a child element holding text and returns this element. */
    public Xml leaf(String childName, String value) {
        child(childName).text = value;
        return this;
    }

    /** Replaces the text of the first child element named {@code childName}; adds it when there is none. */
    Xml set(String childName, String value) {
        for (Xml child : children) {
            if (child.name.equals(childName)) {
                child.text = value;
                return this;
            }
        }
        return leaf(childName, value);
    }

    /** Adds an element tree built elsewhere. */
    public Xml add(Xml child) {
        children.add(child);
        return this;
    }

    /** The document with an XML declaration, two-space indentation and a final line break. */
    public String document() {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        write(out, 0);
        return out.toString();
    }

    private void write(StringBuilder out, int depth) {
        out.append("  ".repeat(depth)).append('<').append(name);
        for (String[] attribute : attributes) {
            out.append(' ')
                    .append(attribute[0])
                    .append("=\"")
                    .append(escape(attribute[1], true))
                    .append('"');
        }
        if (text == null && children.isEmpty()) {
            out.append("/>\n");
        } else if (children.isEmpty()) {
            out.append('>')
                    .append(escape(text, false))
                    .append("</")
                    .append(name)
                    .append(">\n");
        } else {
            out.append(">\n");
            for (Xml child : children) {
                child.write(out, depth + 1);
            }
            out.append("  ".repeat(depth)).append("</").append(name).append(">\n");
        }
    }

    static String escape(String value, boolean attribute) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n', '\r', '\t' -> out.append(attribute ? "&#" + (int) c + ";" : String.valueOf(c));
                default -> {
                    // XML 1.0 cannot hold other control characters at all.
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
