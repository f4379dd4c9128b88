package org.palimpsest.bench.scale;

/** One measuring phase of the scale harness: it adds its rows to the run's report. */
interface Phase {
    /** What the phase measures, for the progress line printed when it starts. */
    String name();

    void run() throws Exception;
}
