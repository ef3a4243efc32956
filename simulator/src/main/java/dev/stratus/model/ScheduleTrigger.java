package dev.stratus.model;

/**
 * A timer. {@code expression} is in the AWS form: {@code rate(5 minutes)} or a six-field {@code
 * cron(minutes hours day-of-month month day-of-week year)}; exporters translate it for other clouds
 * and {@link ScheduleExpression} checks it.
 */
public record ScheduleTrigger(String id, String name, String expression) implements Trigger {
    public ScheduleTrigger {
        Checks.text(id, "id");
        name = name == null ? "" : name;
        expression = expression == null ? "" : expression;
    }

    @Override
    public NodeKind kind() {
        return NodeKind.SCHEDULE_TRIGGER;
    }

    @Override
    public ScheduleTrigger withName(String name) {
        return new ScheduleTrigger(id, name, expression);
    }
}
