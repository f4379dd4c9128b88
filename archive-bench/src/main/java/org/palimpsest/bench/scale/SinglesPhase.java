package org.palimpsest.bench.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.palimpsest.bench.CpuMeter;

/**
 * Single captures on an archive a previous run left ({@code --existing --singles=N}, {@code --clients=C}): the
 * archive's own next captures (the generator replayed past those it holds), a warm-up first ({@code --warm-up},
 * 5,000 by default: at a hundred captures a second the JIT compiler was still busy with the single path two minutes
 * in), then {@code count} measured, each client sending its next capture when the last is answered. The ingest phase
 * measures singles as a fresh API meets them, while it is still compiling the single path; this measures the path as
 * warm as the warm-up makes it, with its latency and its CPU a capture. With {@code --async} each is sent with
 * {@code Prefer: respond-async} (answered once it is in the inbox, placed after by the inbox's drain): the rate they are
 * accepted at, and the rate they are placed at, from the first sent to the inbox empty.
 */
final class SinglesPhase implements Phase {
    private final ScaleRun run;
    private final SyntheticArchive archive;
    private final int warmUp;
    private final int count;
    private final int clients;
    private final boolean async;

    /** {@code archive}: the generator, already past the captures the archive holds. */
    SinglesPhase(ScaleRun run, SyntheticArchive archive, int warmUp, int count, int clients, boolean async) {
        this.run = run;
        this.archive = archive;
        this.warmUp = warmUp;
        this.count = count;
        this.clients = clients;
        this.async = async;
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "%,d single captures from %s after %,d to warm up", count, who(), warmUp);
    }

    @Override
    public void run() throws Exception {
        ExecutorService senders = ScaleRun.senders(clients, "single-sender");
        try {
            send(senders, warmUp, new Stats());
            awaitPlaced();
            Stats latency = new Stats();
            CpuMeter.Reading before = run.cpu.read();
            long t0 = System.nanoTime();
            send(senders, count, latency);
            double seconds = (System.nanoTime() - t0) / 1e9;
            awaitPlaced();
            double placedSeconds = (System.nanoTime() - t0) / 1e9;
            CpuMeter.Reading spent = run.cpu.read().minus(before);
            String what = "single ingest, " + who() + ", warm";
            if (async) {
                run.report.row(what + ", accepted (captures/s)", count / seconds, Double.NaN, "");
                run.report.row(what + ", placed: the first sent to the inbox empty (captures/s)",
                        count / placedSeconds, Double.NaN, "≥ 300");
            } else {
                run.report.row(what + " (captures/s)", count / seconds, Double.NaN, "≥ 300");
            }
            run.report.row(what + ", p50 (ms)", latency.pMillis(50), Double.NaN, "");
            run.report.row(what + ", p99 (ms)", latency.pMillis(99), Double.NaN, "");
            run.report.note(String.format(Locale.ROOT, "single captures from %s, warm: CPU a capture API %.2f ms,"
                    + " PostgreSQL %.2f ms", who(), spent.api() * 1000 / count, spent.postgres() * 1000 / count));
        } finally {
            senders.shutdownNow();
        }
    }

    /** With {@code async}, waits until the inbox holds no capture waiting to be placed. */
    private void awaitPlaced() throws Exception {
        while (async) {
            try (var st = run.db.createStatement();
                    var rs = st.executeQuery("select count(*) from capture_inbox where problem_kind is null")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
    }

    private String who() {
        return (clients == 1 ? "one client" : clients + " clients at once") + (async ? " (respond-async)" : "");
    }

    /** Sends the archive's next {@code n} captures, {@link #clients} at a time, each one's latency kept. */
    private void send(ExecutorService senders, int n, Stats latency) throws Exception {
        List<SyntheticArchive.Capture> captures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            captures.add(archive.next());
        }
        List<Future<long[]>> sent = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int first = c;
            sent.add(senders.submit(() -> {
                long[] nanos = new long[(n - first + clients - 1) / clients];
                for (int i = first, k = 0; i < n; i += clients, k++) {
                    long s = System.nanoTime();
                    run.post(captures.get(i), async);
                    nanos[k] = System.nanoTime() - s;
                }
                return nanos;
            }));
        }
        for (Future<long[]> f : sent) {
            for (long nanos : f.get()) {
                latency.add(nanos);
            }
        }
    }
}
