package dev.stratus.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a duration like {@code 90s}, {@code 15m}, {@code 1h}, {@code 1d} or plain seconds, into seconds. */
final class DurationConverter implements ITypeConverter<Double> {

    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?(?:[eE][0-9]+)?)\\s*(ms|s|m|h|d)?");

    @Override
    public Double convert(String value) {
        Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException(
                    "'" + value + "' is not a duration; write it like 90s, 15m, 1h or 1d (or seconds)");
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double seconds = number
                * switch (unit) {
                    case "ms" -> 0.001;
                    case "m" -> 60;
                    case "h" -> 3_600;
                    case "d" -> 86_400;
                    default -> 1;
                };
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new TypeConversionException("'" + value + "' must be a positive duration");
        }
        return seconds;
    }
}
