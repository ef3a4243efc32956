package dev.stratus.export.aws;

/** Text from a design (names, descriptions, notes) made safe for one line of a Markdown README. */
public final class Markdown {

    private Markdown() {}

    /** The text on one line, with Markdown's special characters escaped. */
    public static String text(String value) {
        String line = value.replaceAll("[\\r\\n\\u2028\\u2029\\t]+", " ").strip();
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ("\\`*_[]<>|#".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c < 0x20 ? ' ' : c);
        }
        return out.toString();
    }

    /** The text as inline code; backticks inside are replaced, as inline code cannot escape them. */
    public static String code(String value) {
        return "`" + value.replaceAll("[\\r\\n\\u2028\\u2029\\t]+", " ").replace('`', '\'') + "`";
    }

    /** A bullet list item for each note. */
    public static String bullets(Iterable<String> items) {
        StringBuilder out = new StringBuilder();
        for (String item : items) {
            out.append("- ").append(text(item)).append('\n');
        }
        return out.toString();
    }
}
