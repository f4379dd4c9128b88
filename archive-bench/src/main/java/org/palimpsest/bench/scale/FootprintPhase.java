package org.palimpsest.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.palimpsest.core.json.Json;

/**
 * What the archive occupies, per capture: PostgreSQL's tables with their indexes and TOAST (the largest named), the
 * search index's primary store per version, and the blob store's files. Sizes as the servers report them after the
 * ingest, before any VACUUM FULL: what a running archive holds.
 */
final class FootprintPhase implements Phase {
    private final ScaleRun run;

    FootprintPhase(ScaleRun run) {
        this.run = run;
    }

    @Override
    public String name() {
        return "footprint";
    }

    @Override
    public void run() throws Exception {
        long captures;
        long versions;
        long total = 0;
        try (Statement s = run.db.createStatement()) {
            try (ResultSet r = s.executeQuery("select (select count(*) from capture),"
                    + " (select count(*) from version where superseded_by is null)")) {
                r.next();
                captures = r.getLong(1);
                versions = r.getLong(2);
            }
            try (ResultSet r = s.executeQuery("select c.relname, pg_total_relation_size(c.oid) from pg_class c"
                    + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'"
                    + " order by 2 desc")) {
                int named = 0;
                while (r.next()) {
                    total += r.getLong(2);
                    if (named++ < 5) {
                        run.report.row("PostgreSQL bytes per capture: table " + r.getString(1) + " with its indexes",
                                (double) r.getLong(2) / captures, Double.NaN, "");
                    }
                }
            }
        }
        run.report.row("PostgreSQL bytes per capture, all tables and indexes", (double) total / captures, Double.NaN,
                "");
        JsonNode stats = Json.MAPPER.readTree(ScaleRun.send(run.es + "/palimpsest-versions/_stats/store,docs"));
        JsonNode primaries = stats.path("_all").path("primaries");
        run.report.row("Elasticsearch bytes per live version (primary store, " + versions + " versions)",
                primaries.path("store").path("size_in_bytes").asDouble() / Math.max(1, versions), Double.NaN, "");
        run.report.row("Elasticsearch bytes per capture", primaries.path("store").path("size_in_bytes").asDouble()
                / captures, Double.NaN, "");
        Probe.Answer blobs = Probe.get(run.api + "/api/admin/blobs", Map.of("Authorization", "Bearer " + run.token));
        ScaleRun.check(blobs.status(), 200, "blob store status");
        String store = Json.MAPPER.readTree(blobs.body()).path("store").asText();
        if (store.startsWith("filesystem ")) {
            long[] files = sizeOf(Path.of(store.substring("filesystem ".length())));
            run.report.row("blob store bytes per capture (" + files[0] + " gzip files for " + captures + " captures)",
                    (double) files[1] / captures, Double.NaN, "");
        }
    }

    /** Files under the directory and their bytes. */
    private static long[] sizeOf(Path root) {
        long[] sum = new long[2];
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(Files::isRegularFile).forEach(p -> {
                sum[0]++;
                try {
                    sum[1] += Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sum;
    }
}
