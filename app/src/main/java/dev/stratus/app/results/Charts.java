package dev.stratus.app.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/** JavaFX charts set up the way the results draw them: no animation, no symbols on long lines. */
final class Charts {

    private Charts() {}

    /** The unit a time axis counts in, chosen so its numbers stay readable. */
    record TimeUnit(String name, double seconds) {

        static TimeUnit forDuration(double seconds) {
            if (seconds <= 180) {
                return new TimeUnit("s", 1);
            }
            if (seconds <= 3 * 3_600) {
                return new TimeUnit("min", 60);
            }
            if (seconds <= 3 * 86_400) {
                return new TimeUnit("h", 3_600);
            }
            return new TimeUnit("days", 86_400);
        }

        String axisLabel() {
            return "Simulated time (" + name + ")";
        }
    }

    /** Fixes a time axis to {@code 0 .. seconds} in {@code unit}, with about eight round ticks. */
    static void timeRange(javafx.scene.chart.Axis<Number> axis, double seconds, TimeUnit unit) {
        NumberAxis x = (NumberAxis) axis;
        double end = seconds / unit.seconds();
        x.setAutoRanging(false);
        x.setLowerBound(0);
        x.setUpperBound(end);
        x.setTickUnit(niceStep(end / 8));
        x.setMinorTickCount(0);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    static double niceStep(double rough) {
        if (!(rough > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= rough) {
                return m * power;
            }
        }
        return 10 * power;
    }

    static LineChart<Number, Number> lines(String xLabel, String yLabel) {
        LineChart<Number, Number> chart = new LineChart<>(axis(xLabel), axis(yLabel));
        setUp(chart);
        chart.setCreateSymbols(false);
        return chart;
    }

    static AreaChart<Number, Number> areas(String xLabel, String yLabel) {
        AreaChart<Number, Number> chart = new AreaChart<>(axis(xLabel), axis(yLabel));
        setUp(chart);
        chart.setCreateSymbols(false);
        return chart;
    }

    static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis();
        axis.setLabel(label);
        axis.setAnimated(false);
        axis.setForceZeroInRange(true);
        return axis;
    }

    static void setUp(XYChart<?, ?> chart) {
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setMinSize(0, 0);
        chart.getStyleClass().add("results-chart");
    }

    /**
     * Shows {@code next} in {@code chart}. When the chart already has series of the same names, in
     * the same order, their points are replaced and the series, their lines and the legend are kept:
     * a live edit redraws lines rather than rebuilding the chart.
     */
    static <X, Y> void update(XYChart<X, Y> chart, List<XYChart.Series<X, Y>> next) {
        var current = chart.getData();
        boolean same = current.size() == next.size();
        for (int i = 0; same && i < next.size(); i++) {
            same = java.util.Objects.equals(
                    current.get(i).getName(), next.get(i).getName());
        }
        if (!same) {
            current.setAll(next);
            return;
        }
        for (int i = 0; i < next.size(); i++) {
            List<XYChart.Data<X, Y>> points = new ArrayList<>(next.get(i).getData());
            next.get(i).getData().clear();
            current.get(i).getData().setAll(points);
        }
    }

    /** A series from the points {@code (x[i], y[i])}, added in one change. */
    static XYChart.Series<Number, Number> series(String name, double[] x, double[] y) {
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            points.add(new XYChart.Data<>(x[i], y[i]));
        }
        return new XYChart.Series<>(name, FXCollections.observableArrayList(points));
    }

    /** The middle of each of {@code count} windows of {@code step} seconds, in {@code unit}. */
    static double[] windowMiddles(int count, double step, TimeUnit unit) {
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = (i + 0.5) * step / unit.seconds();
        }
        return x;
    }

    /** Each value divided by {@code by}. */
    static double[] divided(long[] values, double by) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] / by;
        }
        return out;
    }

    static double[] doubles(long[] values) {
        return divided(values, 1);
    }

    /** An axis of decades: the value {@code x} is drawn as 10^x ms. */
    static StringConverter<Number> decadesOfMs() {
        return new StringConverter<>() {
            @Override
            public String toString(Number exponent) {
                double ms = Math.pow(10, exponent.doubleValue());
                if (ms >= 1000) {
                    return format(ms / 1000) + " s";
                }
                return format(ms) + " ms";
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("the axis is not edited");
            }
        };
    }

    private static String format(double value) {
        if (value >= 1 && Math.abs(value - Math.rint(value)) < 1e-9) {
            return String.format(Locale.ROOT, "%,d", Math.round(value));
        }
        return String.format(Locale.ROOT, "%.3g", value).replaceAll("\\.?0+$", "");
    }
}
