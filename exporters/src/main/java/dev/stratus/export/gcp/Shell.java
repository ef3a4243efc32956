package dev.stratus.export.gcp;

import java.util.regex.Pattern;

/** Words for a bash script, quoted so that no value can end the word or start a command. */
public final class Shell {

    /** Characters that mean nothing to bash inside a word (no quotes, {@code $}, globs, spaces, ~). */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private Shell() {}

    /**
     * {@code value} as one bash word with exactly that value: left as it is when it holds only plain
     * characters, otherwise in single quotes, where bash expands nothing; a single quote inside
     * becomes {@code '\''} (close, escaped quote, reopen). Line breaks stay inside the quotes.
     */
    public static String quote(String value) {
        if (!value.isEmpty() && PLAIN.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
