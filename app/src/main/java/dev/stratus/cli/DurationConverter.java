package dev.stratus.cli;

import dev.stratus.app.simulate.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration like {@code 90s}, {@code 15m}, {@code 1h}, {@code 1d}, {@code 1y} or plain
 * seconds, into seconds: the studio's {@link Durations}, so both read the same words.
 */
final class DurationConverter implements ITypeConverter<Double> {

    @Override
    public Double convert(String value) {
        return Durations.parse(value).orElseThrow(() -> new TypeConversionException(Durations.problem(value)));
    }

    /** As {@link DurationConverter}, and zero too (0, 0s, 0m): for a moment in a run rather than a length. */
    static final class OrZero implements ITypeConverter<Double> {

        @Override
        public Double convert(String value) {
            if (value.strip().matches("0+(\\.0+)?\\s*[a-zA-Z]*")) {
                return 0.0;
            }
            return new DurationConverter().convert(value);
        }
    }
}
