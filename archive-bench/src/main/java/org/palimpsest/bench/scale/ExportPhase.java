package org.palimpsest.bench.scale;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.postgresql.PGConnection;

/** A JSONL export of one source through the API, twice, beside a COPY of the same version rows. */
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
        // Twice: the first export of a server's life also compiles the export path and reads from disk what the
        // caches do not hold; the second is what a running archive gives.
        Timed first = exportOnce();
        Timed again = exportOnce();
        Counter counter = new Counter();
        long t1 = System.nanoTime();
        run.db.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (select v.*, a.url, a.canonical_url from version v"
                + " join article a on a.id = v.article_id where a.source = '" + source + "' and v.superseded_by is null"
                + " order by v.article_id, v.version_number) to stdout", counter);
        Timed copy = new Timed(counter.n, (System.nanoTime() - t1) / 1e9);
        run.report.row("export JSONL of one source, first (MB/s)", first.mbPerSecond(), copy.mbPerSecond(), "");
        run.report.row("export JSONL of one source, again (MB/s)", again.mbPerSecond(), copy.mbPerSecond(),
                "≥ 50 MB/s");
        run.report.note(String.format(Locale.ROOT, "export of %s: %.1f MB in %.2f s (first: %.2f s); COPY of its"
                + " version rows %.1f MB", source, again.bytes() / 1e6, again.seconds(), first.seconds(), copy.bytes() / 1e6));
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
