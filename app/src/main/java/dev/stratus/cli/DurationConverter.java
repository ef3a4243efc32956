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
}
