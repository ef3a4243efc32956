package dev.stratus.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void peopleWriteDurationsInManyUnits() {
        assertThat(Durations.parse("90")).contains(90.0);
        assertThat(Durations.parse("90s")).contains(90.0);
        assertThat(Durations.parse("15 min")).contains(900.0);
        assertThat(Durations.parse("15m")).contains(900.0);
        assertThat(Durations.parse("2 hours")).contains(7_200.0);
        assertThat(Durations.parse("30 days")).contains(30 * 86_400.0);
        assertThat(Durations.parse("1w")).contains(7 * 86_400.0);
        assertThat(Durations.parse("1 y")).contains(365 * 86_400.0);
        assertThat(Durations.parse("250ms")).contains(0.25);
        assertThat(Durations.parse(" 1.5H ")).contains(5_400.0);
    }

    @Test
    void nonsenseZeroAndInfinityAreNoDurations() {
        assertThat(Durations.parse("soon")).isEmpty();
        assertThat(Durations.parse("5 parsecs")).isEmpty();
        assertThat(Durations.parse("0s")).isEmpty();
        assertThat(Durations.parse("-5m")).isEmpty();
        assertThat(Durations.parse("1e999 d")).isEmpty();
        assertThat(Durations.problem(" soon "))
                .isEqualTo("'soon' is not a duration; write it like 90s, 15m, 1h, 1d or 1y");
    }

    @Test
    void aDurationIsWrittenInItsLargestWholeUnit() {
        assertThat(Durations.format(60)).isEqualTo("1 min");
        assertThat(Durations.format(3_600)).isEqualTo("1 h");
        assertThat(Durations.format(5_400)).isEqualTo("90 min");
        assertThat(Durations.format(30 * 86_400)).isEqualTo("30 d");
        assertThat(Durations.format(365 * 86_400)).isEqualTo("1 y");
        assertThat(Durations.format(90)).isEqualTo("90 s");
        assertThat(Durations.format(0.25)).isEqualTo("250 ms");
        assertThat(Durations.format(1.5)).isEqualTo("1.5 s");
        for (double preset : Durations.PRESETS) {
            assertThat(Durations.parse(Durations.format(preset))).contains(preset);
        }
    }

    @Test
    void aClockReadsToAboutThreeFigures() {
        assertThat(Durations.approximate(12.5)).isEqualTo("12.5 s");
        assertThat(Durations.approximate(192)).isEqualTo("3.2 min");
        assertThat(Durations.approximate(14 * 3_600)).isEqualTo("14 h");
        assertThat(Durations.approximate(2.1 * 86_400)).isEqualTo("2.1 d");
    }
}
