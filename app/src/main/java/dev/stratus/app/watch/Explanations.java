package dev.stratus.app.watch;

import dev.stratus.app.results.Figures;
import dev.stratus.learn.Words;
import dev.stratus.sim.trace.FunctionRate;
import java.util.Locale;

/**
 * What the playback says when the pointer rests on a container or a request: one or two plain
 * sentences with the numbers of that moment, in the provider's words ("execution environment" on
 * AWS, "instance" on Google, "container" on OpenWhisk).
 */
public final class Explanations {

    private Explanations() {}

    /** The simulated clock as the timeline shows it: {@code 0:14:32.105}, {@code 2 d 3:04:05.000}. */
    public static String clock(long micros) {
        long ms = Math.floorDiv(micros, 1000);
        long days = ms / 86_400_000L;
        long rest = ms % 86_400_000L;
        String time = String.format(
                Locale.ROOT, "%d:%02d:%02d.%03d", rest / 3_600_000L, rest / 60_000 % 60, rest / 1000 % 60, rest % 1000);
        return days > 0 ? days + " d " + time : time;
    }

    /** A short span of simulated time: {@code 250 ms}, {@code 4.2 s}, {@code 10 min}. */
    public static String span(long micros) {
        double seconds = micros / 1e6;
        if (seconds < 1) {
            return String.format(Locale.ROOT, "%,.0f ms", micros / 1e3);
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds).replace(".0 s", " s");
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%.1f min", seconds / 60).replace(".0 min", " min");
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600).replace(".0 h", " h");
    }

    /** The explanation of {@code container} at {@code clock}. */
    public static String container(
            Playback.Container container, long clock, Playback playback, Words words, String functionName) {
        String one = words.container();
        String title = Words.capitalized(one) + " " + (container.id() + 1) + " of " + functionName;
        FunctionRate rate = playback.rate(container.functionId());
        long cold = playback.meanColdStart(container.functionId());
        String coldCost = cold >= 0 ? "a cold start of about " + span(cold) : "a cold start";
        return switch (container.phase(clock)) {
            case STARTING ->
                title + ": cold start under way.\nThe provider is creating this " + one
                        + ", starting the runtime and loading the code ("
                        + span(container.readyAt() - container.createdAt())
                        + ", ready at " + clock(container.readyAt())
                        + "); the request that asked for it waits all that time.";
            case BUSY ->
                title + ": busy with " + container.running() + (container.running() == 1 ? " request" : " requests")
                        + ".\nIt has served " + Figures.count(container.served()) + " in this window. "
                        + (container.provisioned()
                                ? "It is provisioned: it stays warm whatever the traffic."
                                : afterwards(rate));
            case IDLE ->
                container.provisioned()
                        ? title
                                + ": provisioned and idle.\nIt is kept warm all the time, so a request here never waits for a"
                                + " cold start; you pay for the time it is kept warm, busy or not."
                        : idle(title, container, rate, coldCost);
            case EXPIRED ->
                title + ": expired at " + clock(container.expiredAt()) + ".\nIt was idle for its whole"
                        + " keep-alive, so the provider reclaimed it; the next request that finds no idle " + one
                        + " pays " + coldCost + ".";
        };
    }

    private static String idle(String title, Playback.Container container, FunctionRate rate, String coldCost) {
        double keepAlive = rate == null ? Double.POSITIVE_INFINITY : rate.keepAliveSeconds();
        if (Double.isInfinite(keepAlive)) {
            return title + ": idle since " + clock(container.idleSince()) + ".\nIt stays warm: a request now starts"
                    + " warm and skips " + coldCost + ".";
        }
        long expires = container.idleSince() + Math.round(keepAlive * 1e6);
        return title + ": idle, warm.\nIt stays warm for " + span(Math.round(keepAlive * 1e6))
                + " after its last request. A request now starts warm; after " + clock(expires)
                + " it expires and the next request pays " + coldCost + ".";
    }

    private static String afterwards(FunctionRate rate) {
        if (rate == null || Double.isInfinite(rate.keepAliveSeconds())) {
            return "When it is done it waits, warm, for the next request.";
        }
        if (rate.keepAliveSeconds() == 0) {
            return "When it is done it is reclaimed at once: keep-alive is 0.";
        }
        return "When it is done it waits, warm, for " + span(Math.round(rate.keepAliveSeconds() * 1e6))
                + " for the next request.";
    }

    /** The explanation of a request on its way along an edge from {@code from} to {@code to}. */
    public static String dot(Playback.Dot dot, String from, String to, boolean cold, Words words) {
        String what = dot.batch() > 1
                ? "A batch of " + Figures.count(dot.batch()) + " messages"
                : dot.request() >= 0 ? "Request " + Figures.count(dot.request() + 1) : "A message";
        String path = what + ", from " + from + " to " + to + ".";
        return path + "\n"
                + (cold
                        ? "It started cold: no idle " + words.container() + " was free, so one had to be created first."
                        : "So far it has found warm " + words.containers() + " only.");
    }

    /** Why a request stopped where it did. */
    public static String stop(Playback.Stop stop, Playback playback, Words words, String nodeName) {
        return switch (stop.why()) {
            case THROTTLED -> {
                FunctionRate rate = playback.rate(stop.nodeId());
                String limit = rate == null
                        ? "its limit"
                        : "its limit of " + Figures.count(rate.instanceLimit()) + " "
                                + (rate.instanceLimit() == 1 ? words.container() : words.containers());
                yield "Throttled at " + nodeName + ": every " + words.container() + " was busy and the function"
                        + " was at " + limit + " (or scaling out as fast as the provider allows), so the request was"
                        + " turned away.";
            }
            case GATEWAY_THROTTLED ->
                "Throttled by the API gateway " + nodeName + ": more requests per second than its rate limit allows.";
            default -> "Turned away by " + nodeName + ": more calls at once than the service takes.";
        };
    }
}
