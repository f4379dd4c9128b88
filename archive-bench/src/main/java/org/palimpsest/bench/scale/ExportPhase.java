package org.palimpsest.bench.scale;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.postgresql.PGConnection;

/** A JSONL export of one source through the API, twice, beside a COPY of the same version rows cold and warm. */
final class ExportPhase implements Phase {
    private final ScaleRun run;
    private final String source;

    ExportPhase(ScaleRun run, String source) {
        this.run = run;
        this.source = source;
    }

    @Override
    public String name() {
        return "export";
    }

    /** Bytes and the seconds they took. */
    private record Timed(long bytes, double seconds) {
        double mbPerSecond() {
            return bytes / 1e6 / seconds;
        }
    }

    @Override
    public void run() throws Exception {
        // The first export of a server's life compiles the export path and reads from disk what the caches do not
        // hold: it is the figure a user meets, set beside a COPY of the same rows read from a dropped page cache too
        // (where the harness may drop it). The second export is what a running archive gives, beside the COPY warm.
        Timed coldCopy = null; // null: the page cache could not be dropped
        if (PageCache.drop()) {
            coldCopy = copy();
            PageCache.drop();
        }
        Timed first = exportOnce();
        Timed again = exportOnce();
        Timed warmCopy = copy();
        run.report.row("export JSONL of one source, first (MB/s)", first.mbPerSecond(),
                (coldCopy != null ? coldCopy : warmCopy).mbPerSecond(), "≥ 50 MB/s");
        run.report.row("export JSONL of one source, again (MB/s)", again.mbPerSecond(), warmCopy.mbPerSecond(), "");
        String firstBaseline = coldCopy != null ? String.format(Locale.ROOT, "%.1f MB/s with the page cache dropped"
                + " before it and again before the first export", coldCopy.mbPerSecond())
                : "the page cache could not be dropped (only root on Linux may): the first export's baseline is warm";
        run.report.note(String.format(Locale.ROOT, "export of %s: %.1f MB in %.2f s (first: %.2f s); COPY of its"
                + " version rows %.1f MB: %s; %.1f MB/s warm", source, again.bytes() / 1e6, again.seconds(),
                first.seconds(), warmCopy.bytes() / 1e6, firstBaseline, warmCopy.mbPerSecond()));
    }

    /** A COPY of the source's live version rows with their articles' addresses, counted and dropped. */
    private Timed copy() throws Exception {
        Counter counter = new Counter();
        long t0 = System.nanoTime();
        run.db.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (select v.*, a.url, a.canonical_url from version v"
                + " join article a on a.id = v.article_id where a.source = '" + source + "' and v.superseded_by is null"
                + " order by v.article_id, v.version_number) to stdout", counter);
        return new Timed(counter.n, (System.nanoTime() - t0) / 1e9);
    }

    private Timed exportOnce() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<InputStream> r = run.http.send(HttpRequest.newBuilder(URI.create(run.api
                + "/api/exports?format=jsonl&source=" + source)).build(), HttpResponse.BodyHandlers.ofInputStream());
        ScaleRun.check(r.statusCode(), 200, "export");
        long bytes = ScaleRun.drain(r.body());
        return new Timed(bytes, (System.nanoTime() - t0) / 1e9);
    }

    /** Counts what COPY writes, keeping none of it. */
    private static final class Counter extends OutputStream {
        long n;

        @Override
        public void write(int b) {
            n++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            n += len;
        }
    }
}
