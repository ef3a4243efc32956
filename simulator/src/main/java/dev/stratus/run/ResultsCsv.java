package dev.stratus.run;

/** PLACEHOLDER until the sim-results branch merges. */
public final class ResultsCsv {
    private ResultsCsv() {}

    public static void write(RunReport report, Appendable out) throws java.io.IOException {
        out.append("section,id,name,figure,value,unit\n");
    }
}
