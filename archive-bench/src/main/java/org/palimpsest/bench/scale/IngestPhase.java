package org.palimpsest.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.palimpsest.bench.CpuMeter;
import org.palimpsest.core.json.Json;

/**
 * Grows the archive by {@code count} captures through the API: a few hundred single captures one after another, up
 * to a thousand from {@link #CLIENTS} clients at once, then NDJSON batches ({@code inFlight} at a time), and last up to
 * {@link #IMPORTED} in WARC files ({@link WarcImports}); reports each rate beside a bare JDBC batch insert and a COPY
 * of the same payloads ({@link BaselineInserts}).
 */
final class IngestPhase implements Phase {
    static final int SINGLES = 300;
    /** Single captures sent by {@link #CLIENTS} clients at once, as several crawlers posting one page at a time do. */
    static final int CONCURRENT_SINGLES = 1_000;
    static final int CLIENTS = 16;
    /** Captures a step brings last as WARC files through the import API: a tenth of its batches, up to this many. */
    static final int IMPORTED = 5_000;
    /** How often (in captures) batch ingest reports its rate and the CPU it cost, on stderr. */
    static final int PROGRESS_EVERY = 5_000;
    static final int BASELINE_ROWS = 10_000;

    private final ScaleRun run;
    private final SyntheticArchive archive;
    private final long count;
    private final int batchSize;
    private final int inFlight;
    private final List<SyntheticArchive.Capture> kept = new ArrayList<>(); // the first ones, for the baselines
    private long bytes;
    /**
     * Batch lines the API refused because placing them needed a re-derivation of their source larger than its heap
     * allows (a 503 problem): counted and reported, not stored, and the run goes on (any other refusal ends it).
     */
    private final AtomicLong refusedRederivations = new AtomicLong();

    IngestPhase(ScaleRun run, SyntheticArchive archive, long count, int batchSize, int inFlight) {
        this.run = run;
        this.archive = archive;
        this.count = count;
        this.batchSize = batchSize;
        this.inFlight = inFlight;
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public void run() throws Exception {
        // Single captures first (a few hundred), then batches: both are part of the archive.
        int singles = (int) Math.min(SINGLES, count / 10);
        long t0 = System.nanoTime();
        for (SyntheticArchive.Capture c : draw(singles)) {
            run.reservoir.keep(run.postSingle(c));
        }
        double singleSecs = (System.nanoTime() - t0) / 1e9;
        // The same from several clients at once, as a fleet of crawlers posting page by page would.
        int concurrent = (int) Math.min(CONCURRENT_SINGLES, (count - singles) / 10);
        List<SyntheticArchive.Capture> shared = draw(concurrent);
        ExecutorService clients = ScaleRun.senders(CLIENTS, "single-sender");
        long tc = System.nanoTime();
        List<Future<JsonNode>> posted = new ArrayList<>();
        shared.forEach(c -> posted.add(clients.submit(() -> run.postSingle(c))));
        for (Future<JsonNode> f : posted) {
            run.reservoir.keep(f.get());
        }
        double concurrentSecs = (System.nanoTime() - tc) / 1e9;
        clients.shutdown();
        ExecutorService pool = ScaleRun.senders(inFlight, "batch-sender");
        List<Future<List<JsonNode>>> sent = new ArrayList<>();
        int imported = (int) Math.min(IMPORTED, (count - singles - concurrent) / 10);
        long remaining = count - singles - concurrent - imported;
        long batched = remaining;
        long t1 = System.nanoTime();
        Progress progress = new Progress(run.cpu);
        while (remaining > 0) {
            int n = (int) Math.min(batchSize, remaining);
            StringBuilder body = new StringBuilder(n * 7_000);
            for (SyntheticArchive.Capture c : draw(n)) {
                ObjectNode line = Json.MAPPER.createObjectNode().put("source", c.source()).put("url", c.url())
                        .put("capturedAt", c.capturedAt().toString()).put("contentType", "text/plain")
                        .put("content", c.text());
                body.append(Json.MAPPER.writeValueAsString(line)).append('\n');
            }
            remaining -= n;
            String payload = body.toString();
            sent.add(pool.submit(() -> postBatch(payload)));
            if (sent.size() >= inFlight) {
                sent.remove(0).get().forEach(run.reservoir::keep);
            }
            progress.sent(n, remaining);
        }
        for (Future<List<JsonNode>> f : sent) {
            f.get().forEach(run.reservoir::keep);
        }
        pool.shutdown();
        double batchSecs = (System.nanoTime() - t1) / 1e9;
        double batchRate = batched / batchSecs;
        List<SyntheticArchive.Capture> crawled = draw(imported);
        WarcImports.Timed imports = imported == 0 ? null : WarcImports.importAll(run, crawled);
        BaselineInserts.Rates baselines = BaselineInserts.measure(run.db, kept);
        run.report.row("batch ingest (captures/s)", batchRate, baselines.jdbc(), "≥ 1,500");
        run.report.row("batch ingest vs COPY (captures/s)", batchRate, baselines.copy(), "≥ 0.2× COPY");
        if (imports != null) {
            run.report.row("WARC import (captures/s)", imports.capturesPerSecond(), baselines.copy(),
                    "≥ 1,500 and ≥ 0.2× COPY");
            run.report.note(String.format(Locale.ROOT, "WARC import: %,d captures in %d files of %.1f MB, %.1f s from"
                    + " the first upload to the last job's end", imports.captures(), crawled.stream()
                    .map(SyntheticArchive.Capture::source).distinct().count(), imports.bytes() / 1e6,
                    imports.seconds()));
        }
        run.report.row("single ingest (captures/s)", singles / singleSecs, baselines.jdbc(), "≥ 300");
        if (concurrent > 0) {
            run.report.row("single ingest, " + CLIENTS + " clients at once (captures/s)", concurrent / concurrentSecs,
                    baselines.jdbc(), "≥ 300");
        }
        run.report.row("batch lines refused: a re-derivation larger than the API's heap (captures)",
                refusedRederivations.get(), Double.NaN, "");
        run.report.note(String.format(Locale.ROOT, "ingested %,d captures (%.1f MB of text) in %.1f s", count,
                bytes / 1e6, singleSecs + concurrentSecs + batchSecs + (imports == null ? 0 : imports.seconds())));
    }

    /** The archive's next {@code n} captures, counted, the first {@link #BASELINE_ROWS} kept for the baselines. */
    private List<SyntheticArchive.Capture> draw(int n) {
        List<SyntheticArchive.Capture> drawn = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SyntheticArchive.Capture c = archive.next();
            drawn.add(c);
            if (kept.size() < BASELINE_ROWS) {
                kept.add(c);
            }
            bytes += c.text().length();
        }
        return drawn;
    }

    /** Prints the batch rate and the CPU per capture of the API and PostgreSQL every {@link #PROGRESS_EVERY}. */
    private static final class Progress {
        private final CpuMeter cpu;
        private long windowStart = System.nanoTime();
        private long windowCaptures;
        private CpuMeter.Reading windowCpu;

        Progress(CpuMeter cpu) {
            this.cpu = cpu;
            this.windowCpu = cpu.read();
        }

        void sent(int n, long remaining) {
            windowCaptures += n;
            if (windowCaptures >= PROGRESS_EVERY || remaining == 0) {
                long now = System.nanoTime();
                CpuMeter.Reading used = cpu.read();
                CpuMeter.Reading spent = used.minus(windowCpu);
                System.err.printf("ingest: %,d to go; last %,d at %.0f captures/s, CPU per capture: API %.2f ms,"
                                + " PostgreSQL %.2f ms%n", remaining, windowCaptures,
                        windowCaptures / ((now - windowStart) / 1e9), spent.api() * 1000 / windowCaptures,
                        spent.postgres() * 1000 / windowCaptures);
                windowStart = now;
                windowCaptures = 0;
                windowCpu = used;
            }
        }
    }

    private List<JsonNode> postBatch(String payload) {
        try {
            HttpResponse<InputStream> r = run.http.send(HttpRequest.newBuilder(URI.create(run.api + "/api/captures/batch"))
                    .header("Authorization", "Bearer " + run.token).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofInputStream());
            List<JsonNode> out = new ArrayList<>();
            try (var lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    JsonNode node = Json.MAPPER.readTree(line);
                    if (node.has("type")) { // a problem: only accepted captures carry no type
                        if (node.path("type").asText().endsWith("/too-large-to-rederive")) {
                            refusedRederivations.incrementAndGet();
                            System.err.println("refused, and not stored: " + node.path("detail").asText());
                            continue;
                        }
                        throw new IllegalStateException("a batch line was refused: " + line);
                    }
                    out.add(node);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
