package dev.stratus.export;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the names people give nodes ("Place order!", "items table", "ünïcode") into the forms that
 * providers and Java accept: logical ids, kebab-case resource names, environment variable names,
 * Java identifiers. Every result is plain ASCII letters and digits (plus {@code -} or {@code _} where
 * the form allows it) and is never empty: a name with nothing usable falls back to the caller's word.
 */
public final class Names {

    private Names() {}

    /** The name split into lower-case ASCII words at spaces, punctuation and camelCase humps. */
    public static List<String> words(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char previous = 0;
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!letterOrDigit) {
                flush(word, words);
            } else {
                // "listItems" splits at the hump; "IoT" and "API" do not (a capital that ends the
                // name or comes before another capital is part of an acronym).
                char next = i + 1 < ascii.length() ? ascii.charAt(i + 1) : 0;
                boolean hump =
                        Character.isUpperCase(c) && Character.isLowerCase(previous) && Character.isLowerCase(next);
                if (hump) {
                    flush(word, words);
                }
                word.append(Character.toLowerCase(c));
            }
            previous = letterOrDigit ? c : 0;
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    /** "list items" to "ListItems"; starts with a letter (the fallback's when the name has none). */
    public static String pascal(String name, String fallback) {
        StringBuilder out = new StringBuilder();
        for (String word : words(name)) {
            out.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        }
        if (out.length() == 0 || !Character.isLetter(out.charAt(0))) {
            out.insert(0, pascal(fallback));
        }
        return out.toString();
    }

    private static String pascal(String fallback) {
        return Character.toUpperCase(fallback.charAt(0)) + fallback.substring(1);
    }

    /** "List Items" to "listItems"; starts with a letter. */
    public static String camel(String name, String fallback) {
        String pascal = pascal(name, fallback);
        return Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    /**
     * "List Items!" to "list-items", at most {@code maxLength} characters, starting with a letter and
     * not ending with a hyphen.
     */
    public static String kebab(String name, String fallback, int maxLength) {
        String joined = String.join("-", words(name));
        if (joined.isEmpty() || !Character.isLetter(joined.charAt(0))) {
            joined = fallback + (joined.isEmpty() ? "" : "-" + joined);
        }
        return trimTo(joined, maxLength, '-');
    }

    /** "list items" to "LIST_ITEMS", for environment variables; starts with a letter. */
    public static String upperSnake(String name, String fallback) {
        String joined = String.join("_", words(name)).toUpperCase(Locale.ROOT);
        if (joined.isEmpty() || !Character.isLetter(joined.charAt(0))) {
            joined = fallback.toUpperCase(Locale.ROOT) + (joined.isEmpty() ? "" : "_" + joined);
        }
        return joined;
    }

    /** A Java package segment: lower-case letters and digits, starting with a letter, not a keyword. */
    public static String packageSegment(String name, String fallback) {
        String joined = String.join("", words(name));
        if (joined.isEmpty() || !Character.isLetter(joined.charAt(0))) {
            joined = fallback + joined;
        }
        return javax.lang.model.SourceVersion.isKeyword(joined) ? joined + "_" : joined;
    }

    static String trimTo(String text, int maxLength, char separator) {
        String trimmed = text.length() > maxLength ? text.substring(0, maxLength) : text;
        while (!trimmed.isEmpty() && trimmed.charAt(trimmed.length() - 1) == separator) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /**
     * Hands out names that are unique among those already given, ignoring case (two files that
     * differ only in case collide on some file systems). A taken name gets "2", "3", ... appended,
     * joined by the separator, and the result is kept within the maximum length.
     */
    public static final class Unique {
        private final Set<String> taken = new HashSet<>();
        private final String separator;
        private final int maxLength;

        public Unique(String separator, int maxLength) {
            this.separator = separator;
            this.maxLength = maxLength;
        }

        /** Marks a name as taken without handing it out (a reserved word of the target). */
        public Unique reserve(String name) {
            taken.add(name.toLowerCase(Locale.ROOT));
            return this;
        }

        public String next(String candidate) {
            String base = candidate.length() > maxLength ? candidate.substring(0, maxLength) : candidate;
            String name = base;
            for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                String suffix = separator + n;
                String stem = base.length() + suffix.length() > maxLength
                        ? base.substring(0, maxLength - suffix.length())
                        : base;
                name = stem + suffix;
            }
            return name;
        }
    }
}
