package org.palimpsest.bench.scale;

import java.util.Locale;

/** The results as Markdown tables: each figure beside its baseline, their ratio and the target. */
final class Report {
    private final StringBuilder all = new StringBuilder();
    private StringBuilder current = new StringBuilder();
    private final StringBuilder notes = new StringBuilder();

    void startSize(long size) {
        current = new StringBuilder();
        notes.setLength(0);
    }

    void row(String what, double ours, double baseline, String target) {
        current.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", what, fmt(ours), fmt(baseline),
                Double.isNaN(baseline) ? "" : fmt(ours / baseline) + "×", target));
    }

    void latency(String what, Stats ours, Stats baseline, String target) {
        row(what + " p50 (ms)", ours.pMillis(50), baseline.pMillis(50), "");
        row(what + " p99 (ms)", ours.pMillis(99), baseline.pMillis(99), target);
    }

    void note(String text) {
        notes.append("- ").append(text).append('\n');
    }

    String table(long size) {
        String t = String.format(Locale.ROOT, "%n### %,d captures%n%n| figure | Palimpsest | baseline | ratio | target |%n"
                + "|---|---|---|---|---|%n", size) + current + "\n" + notes;
        all.append(t);
        return t;
    }

    String all() {
        return all.toString();
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
