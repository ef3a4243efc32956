package dev.stratus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratus.model.ScheduleExpression.InvalidScheduleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleExpressionTest {

    @ParameterizedTest
    @CsvSource({
        "rate(1 minute), 60",
        "rate(5 minutes), 300",
        "rate(1 hour), 3600",
        "rate(12 hours), 43200",
        "rate(1 day), 86400",
        "rate(7 days), 604800"
    })
    void aRateGivesItsPeriod(String expression, long seconds) throws InvalidScheduleException {
        assertThat(ScheduleExpression.parse(expression))
                .isInstanceOfSatisfying(
                        ScheduleExpression.Rate.class,
                        r -> assertThat(r.periodSeconds()).isEqualTo(seconds));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "cron(0 2 * * ? *)",
                "cron(0/15 * * * ? *)",
                "cron(0 18 ? * MON-FRI *)",
                "cron(0 8 1 * ? *)",
                "cron(15 10 ? * 6L 2026-2030)",
                "cron(0 9 ? * 2#1 *)",
                "cron(0 0 L * ? *)",
                "cron(0 0 15W * ? *)",
                "cron(0,30 9-17 ? JAN,JUL MON *)"
            })
    void awsCronExpressionsAreAccepted(String expression) throws InvalidScheduleException {
        assertThat(ScheduleExpression.parse(expression)).isInstanceOf(ScheduleExpression.Cron.class);
    }

    @Test
    void aRateOfOneTakesTheSingularUnit() {
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(1 minutes)"))
                .hasMessageContaining("for a value of 1 the unit is singular, rate(1 minute)");
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(5 minute)"))
                .hasMessageContaining("the unit is plural, rate(5 minutes)");
    }

    @Test
    void aRateNeedsAPositiveWholeNumberAndAKnownUnit() {
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(0 minutes)"))
                .hasMessageContaining("positive whole number");
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(1.5 hours)"))
                .hasMessageContaining("'1.5' is not a whole number");
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(5 weeks)"))
                .hasMessageContaining("'weeks' is not a unit");
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(5)")).hasMessageContaining("needs a number and a unit");
    }

    @Test
    void cronNeedsSixFields() {
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 2 * * *)"))
                .hasMessageContaining("has 5 fields; AWS cron takes six");
    }

    @Test
    void cronNeedsExactlyOneQuestionMarkDay() {
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 2 * * * *)"))
                .hasMessageContaining("exactly one of day-of-month and day-of-week must be '?'");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 2 ? * ? *)"))
                .hasMessageContaining("exactly one of day-of-month and day-of-week must be '?'");
    }

    @Test
    void cronValuesOutOfRangeAreNamed() {
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 25 * * ? *)"))
                .hasMessageContaining("the hours field: 25 is outside 0–23");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(61 2 * * ? *)"))
                .hasMessageContaining("the minutes field: 61 is outside 0–59");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 2 * FOO ? *)"))
                .hasMessageContaining("the month field: 'FOO' is not a name it accepts");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 2 ? * 2#6 *)"))
                .hasMessageContaining("week of the month from 1 to 5");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(? 2 * * ? *)"))
                .hasMessageContaining("the minutes field cannot be '?'");
    }

    @Test
    void anythingElseIsRefusedWithAnExample() {
        assertThatThrownBy(() -> ScheduleExpression.parse("every 5 minutes"))
                .hasMessageContaining("is neither rate(...) nor cron(...)");
        assertThatThrownBy(() -> ScheduleExpression.parse("  ")).hasMessageContaining("the schedule is empty");
    }
}
