package org.palimpsest.bench.scale;

import java.util.Locale;
import org.palimpsest.bench.CpuMeter;

/**
 * Single captures from one client on an archive a previous run left ({@code --existing --singles=N}): the archive's
 * own next captures (the generator replayed past those it holds), a warm-up of {@link #WARM_UP} first, then
 * {@code count} measured one after another, each answered before the next is sent. The ingest phase measures singles
 * as a fresh API meets them, while it is still compiling the single path; this measures the path warm, with its
 * latency and its CPU a capture.
 */
final class SinglesPhase implements Phase {
    static final int WARM_UP = 500;
    private final ScaleRun run;
    private final SyntheticArchive archive;
    private final int count;

    /** {@code archive}: the generator, already past the captures the archive holds. */
    SinglesPhase(ScaleRun run, SyntheticArchive archive, int count) {
        this.run = run;
        this.archive = archive;
        this.count = count;
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "%,d single captures from one client after %,d to warm up", count, WARM_UP);
    }

    @Override
    public void run() throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            run.postSingle(archive.next());
        }
        Stats latency = new Stats();
        CpuMeter.Reading before = run.cpu.read();
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            SyntheticArchive.Capture c = archive.next();
            long s = System.nanoTime();
            run.postSingle(c);
            latency.add(System.nanoTime() - s);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        CpuMeter.Reading spent = run.cpu.read().minus(before);
        run.report.row("single ingest, one client, warm (captures/s)", count / seconds, Double.NaN, "≥ 300");
        run.report.row("single ingest, one client, warm, p50 (ms)", latency.pMillis(50), Double.NaN, "");
        run.report.row("single ingest, one client, warm, p99 (ms)", latency.pMillis(99), Double.NaN, "");
        run.report.note(String.format(Locale.ROOT, "single captures, warm: CPU a capture API %.2f ms, PostgreSQL %.2f ms",
                spent.api() * 1000 / count, spent.postgres() * 1000 / count));
    }
}
