package dev.stratus.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratus.model.Distribution;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * AWS Lambda init durations of hello-world functions per runtime and architecture, from the public
 * lambda-perf project's data of 2026-08-22 (maxday/lambda-perf; REFERENCE.md), summarised as a
 * lognormal distribution with the measurements' mean and coefficient of variation over all memory
 * sizes (memory hardly matters for hello-world init).
 */
final class LambdaPerf {

    private static final String RESOURCE = "lambda-perf-2026-08-22.json";
    /** For a runtime lambda-perf does not measure: its java21 figure, the default runtime's. */
    private static final String FALLBACK = "java21";

    private static final Map<String, Distribution> INIT = load();

    private LambdaPerf() {}

    static Distribution initTime(String runtime, String architecture) {
        Distribution d = INIT.get(key(runtime, architecture));
        if (d == null) {
            d = INIT.get(key(runtime, "x86_64"));
        }
        return d != null ? d : INIT.get(key(FALLBACK, architecture));
    }

    private static String key(String runtime, String architecture) {
        return runtime.toLowerCase(Locale.ROOT) + "/" + architecture;
    }

    private static Map<String, Distribution> load() {
        try (InputStream in = LambdaPerf.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            JsonNode rows = new ObjectMapper().readTree(in).get("runtimeData");
            Map<String, double[]> sums = new HashMap<>();
            for (JsonNode row : rows) {
                // "d" is the runtime as AWS names it ("java21", "python3.13", "nodejs22.x").
                String runtime = row.get("d").asText().replace(".x", "");
                double[] s = sums.computeIfAbsent(key(runtime, row.get("a").asText()), k -> new double[3]);
                for (JsonNode init : row.get("i")) {
                    double ms = init.asDouble();
                    s[0]++;
                    s[1] += ms;
                    s[2] += ms * ms;
                }
            }
            Map<String, Distribution> init = new HashMap<>();
            sums.forEach((key, s) -> {
                double mean = s[1] / s[0];
                double variance = Math.max(0, s[2] / s[0] - mean * mean);
                init.put(key, Distribution.lognormal(mean, Math.max(0.05, Math.sqrt(variance) / mean)));
            });
            return Map.copyOf(init);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
