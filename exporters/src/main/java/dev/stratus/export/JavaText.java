package dev.stratus.export;

/** Text that goes into generated Java sources: string literals and comments that cannot break out. */
public final class JavaText {

    private JavaText() {}

    /** {@code value} as a Java string literal, quotes included. */
    public static String literal(String value) {
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
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * {@code value} made safe for a line or block comment: no line breaks, no comment end, no
     * unicode escapes (which javac reads before it reads comments).
     */
    public static String comment(String value) {
        return value.replaceAll("[\\r\\n\\u2028\\u2029]+", " ")
                .replace("*/", "* /")
                .replace("\\u", "\\ u");
    }
}
