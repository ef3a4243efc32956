package dev.stratus.app.inspector;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * Reads and copies the model's records by component name, so that each inspector field is one
 * component: {@code with(function, "memoryMb", 2048)} is the function with 2,048 MB. The record's
 * own constructor checks the new value; its refusal comes back as the IllegalArgumentException it threw.
 */
final class Records {

    private Records() {}

    static Object get(Record record, String component) {
        try {
            return find(record, component).getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component + " of " + record.getClass(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static <R extends Record> R with(R record, String component, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        boolean found = false;
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(component)) {
                values[i] = value;
                found = true;
            } else {
                values[i] = get(record, components[i].getName());
            }
        }
        if (!found) {
            throw new IllegalStateException(record.getClass().getSimpleName() + " has no component " + component);
        }
        Class<?>[] types =
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> constructor = record.getClass().getDeclaredConstructor(types);
            return (R) constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException refusal) {
                throw refusal;
            }
            if (e.getCause() instanceof NullPointerException missing) {
                throw new IllegalArgumentException(missing.getMessage(), missing);
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass(), e);
        }
    }

    private static RecordComponent find(Record record, String component) {
        return Arrays.stream(record.getClass().getRecordComponents())
                .filter(c -> c.getName().equals(component))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        record.getClass().getSimpleName() + " has no component " + component));
    }
}
