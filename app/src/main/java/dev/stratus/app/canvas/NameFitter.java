package dev.stratus.app.canvas;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Fits a node's name into its box: on one line when it fits, else on two lines broken where the
 * name has a natural joint (after a hyphen, underscore, dot or space, or before a capital in
 * camelCase), the second line shortened with an ellipsis when it is still too long. Names are ids
 * of cloud resources ({@code notify-customer}, {@code processOrder}), so breaking inside a word
 * reads worse than breaking at a joint.
 */
final class NameFitter {

    private static final String ELLIPSIS = "\u2026";

    private NameFitter() {}

    /** {@code name} as one line, or as two lines joined by a newline, to fit {@code width}. */
    static String fit(String name, Font font, double width) {
        if (width <= 0 || measure(name, font) <= width) {
            return name;
        }
        String best = null;
        double bestWidest = Double.POSITIVE_INFINITY;
        for (int i = 1; i < name.length(); i++) {
            if (!isJoint(name, i)) {
                continue;
            }
            String first = name.substring(0, i).stripTrailing();
            String second = name.substring(i).stripLeading();
            double firstWidth = measure(first, font);
            if (first.isEmpty() || second.isEmpty() || firstWidth > width) {
                continue;
            }
            double widest = Math.max(firstWidth, measure(second, font));
            if (widest < bestWidest) {
                bestWidest = widest;
                best = first + "\n" + shorten(second, font, width);
            }
        }
        return best != null ? best : name;
    }

    /** Whether a line may break before index {@code i} of {@code name}. */
    static boolean isJoint(String name, int i) {
        char before = name.charAt(i - 1);
        char at = name.charAt(i);
        return before == '-'
                || before == '_'
                || before == '.'
                || before == ' '
                || before == '/'
                || (Character.isLowerCase(before) && Character.isUpperCase(at));
    }

    private static String shorten(String line, Font font, double width) {
        if (measure(line, font) <= width) {
            return line;
        }
        for (int end = line.length() - 1; end > 0; end--) {
            String candidate = line.substring(0, end) + ELLIPSIS;
            if (measure(candidate, font) <= width) {
                return candidate;
            }
        }
        return ELLIPSIS;
    }

    private static double measure(String text, Font font) {
        Text probe = new Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }
}
