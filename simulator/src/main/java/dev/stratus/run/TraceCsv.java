package dev.stratus.run;

import dev.stratus.sim.trace.Trace;
import dev.stratus.sim.trace.TraceKind;
import java.io.IOException;

/**
 * A trace as one CSV table, an event a row, in the trace's order: {@code
 * time_s,kind,node_id,edge,container,request,invocation,flags,value,value2}. Times are exact
 * seconds with six decimals; the node is its id; flags are names joined by {@code |} ({@code
 * COLD|FAILED}); a column that does not apply to the event is empty; values are as {@link TraceKind}
 * describes them (microseconds, depths, counts). Ids are quoted as in {@link ResultsCsv}.
 */
public final class TraceCsv {

    /** The header row. */
    public static final String HEADER = "time_s,kind,node_id,edge,container,request,invocation,flags,value,value2";

    private TraceCsv() {}

    /** Writes the header and every event of {@code trace} to {@code out}, a line each. */
    public static void write(Trace trace, Appendable out) throws IOException {
        out.append(HEADER).append('\n');
        StringBuilder row = new StringBuilder(96);
        for (int i = 0; i < trace.size(); i++) {
            row.setLength(0);
            long time = trace.time(i);
            row.append(time / 1_000_000).append('.');
            String micros = Long.toString(time % 1_000_000);
            row.append("000000", 0, 6 - micros.length()).append(micros).append(',');
            row.append(trace.kind(i)).append(',');
            int node = trace.node(i);
            if (node >= 0) {
                row.append(ResultsCsv.quoted(trace.nodeIds().get(node)));
            }
            row.append(',');
            optional(row, trace.edge(i)).append(',');
            optional(row, trace.container(i)).append(',');
            optional(row, trace.request(i)).append(',');
            optional(row, trace.invocation(i)).append(',');
            row.append(Trace.flagNames(trace.flags(i))).append(',');
            row.append(trace.value(i)).append(',').append(trace.value2(i)).append('\n');
            out.append(row);
        }
    }

    private static StringBuilder optional(StringBuilder row, long value) {
        return value < 0 ? row : row.append(value);
    }
}
