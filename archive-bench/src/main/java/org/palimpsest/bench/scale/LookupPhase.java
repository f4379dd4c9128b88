package org.palimpsest.bench.scale;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.palimpsest.core.identity.CanonicalUrl;

/**
 * As-of and TimeGate look-ups of sampled captures at an instant after each, and the CDX lines of their URL, each
 * beside the same look-up in SQL (for as-of: the version with its text and its captures, what the API answers with);
 * the first {@link #WARMUP} are not measured.
 */
final class LookupPhase implements Phase {
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    static final int LOOKUPS = 2_000;
    static final int WARMUP = 5_000;

    private final ScaleRun run;

    LookupPhase(ScaleRun run) {
        this.run = run;
    }

    @Override
    public String name() {
        return "look-ups";
    }

    @Override
    public void run() throws Exception {
        Stats asOf = new Stats();
        Stats timegate = new Stats();
        Stats sqlAsOf = new Stats();
        Stats sqlTimegate = new Stats();
        Stats cdx = new Stats();
        Stats sqlCdx = new Stats();
        // The as-of baseline reads what the API answers with: the version (text and change included) of the latest
        // capture at or before the instant, then that version's captures.
        try (PreparedStatement byArticle = run.db.prepareStatement("select v.id, v.version_number, v.content_sha256,"
                + " v.headline, v.paragraphs::text, v.valid_from, v.valid_to, v.change::text from capture c"
                + " join version v on v.id = c.version_id where c.article_id = ? and c.captured_at <= ?"
                + " order by c.captured_at desc, c.raw_sha256 desc limit 1");
                PreparedStatement versionCaptures = run.db.prepareStatement("select id, captured_at, url, raw_sha256"
                        + " from capture where version_id = ? order by captured_at, id");
                PreparedStatement byUrl = run.db.prepareStatement("select id, captured_at from capture"
                        + " where url_key = ? and captured_at <= ? order by captured_at desc limit 1");
                // what the CDX server runs for an exact URL (every field, every capture of the URL)
                PreparedStatement cdxLines = run.db.prepareStatement("select to_char(c.captured_at at time zone"
                        + " 'UTC', 'YYYYMMDDHH24MISS'), c.url_key, c.url, c.content_type, c.origin -> 'warc' ->> 'status',"
                        + " c.payload_sha1, c.raw_size, c.source, c.id, c.version_id from capture c where c.url_key = ?"
                        + " order by c.url_key, c.captured_at, c.id limit 10000")) {
            for (int i = 0; i < WARMUP + LOOKUPS; i++) {
                Reservoir.Sample s = run.reservoir.any();
                Instant at = s.capturedAt().plusSeconds(run.random.nextInt(7200));
                // The first ones compile the look-up paths of the API and of this client, and warm the caches: a
                // server answering look-ups has answered many before.
                boolean measured = i >= WARMUP;
                String surt = CanonicalUrl.of(s.url()).surtKey();
                long a0 = System.nanoTime();
                Probe.Answer r = Probe.get(run.api + "/api/articles/" + s.articleId() + "/as-of/" + at, Map.of());
                long a1 = System.nanoTime();
                ScaleRun.check(r.status(), 200, "as-of");
                // The TimeGate of the article's address; tracking parameters would canonicalise to the same one.
                Probe.Answer g = Probe.get(run.api + "/memento/timegate/" + s.url().replaceFirst("\\?.*", ""),
                        Map.of("Accept-Datetime", HTTP_DATE.format(at)));
                long a2 = System.nanoTime();
                ScaleRun.check(g.status(), 302, "timegate");
                Probe.Answer c = Probe.get(run.api + "/cdx?output=json&url="
                        + ScaleRun.enc(s.url().replaceFirst("\\?.*", "")), Map.of());
                long a3 = System.nanoTime();
                ScaleRun.check(c.status(), 200, "cdx");
                if (c.body().isBlank()) {
                    throw new IllegalStateException("the CDX server has no line for " + s.url());
                }
                byArticle.setObject(1, UUID.fromString(s.articleId()));
                byArticle.setTimestamp(2, Timestamp.from(at));
                long b0 = System.nanoTime();
                try (ResultSet rs = byArticle.executeQuery()) {
                    rs.next();
                    for (int col = 2; col <= 8; col++) {
                        rs.getString(col);
                    }
                    versionCaptures.setObject(1, rs.getObject(1));
                }
                try (ResultSet rs = versionCaptures.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                        rs.getString(3);
                    }
                }
                long b1 = System.nanoTime();
                byUrl.setString(1, surt);
                byUrl.setTimestamp(2, Timestamp.from(at));
                try (ResultSet rs = byUrl.executeQuery()) {
                    rs.next();
                }
                long b2 = System.nanoTime();
                cdxLines.setString(1, surt);
                try (ResultSet rs = cdxLines.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
                long b3 = System.nanoTime();
                if (measured) {
                    cdx.add(a3 - a2);
                    sqlCdx.add(b3 - b2);
                    asOf.add(a1 - a0);
                    timegate.add(a2 - a1);
                    sqlAsOf.add(b1 - b0);
                    sqlTimegate.add(b2 - b1);
                }
            }
        }
        run.report.latency("as-of", asOf, sqlAsOf, "p99 ≤ 5 ms at 1M");
        run.report.latency("TimeGate", timegate, sqlTimegate, "p99 ≤ 5 ms at 1M");
        run.report.latency("CDX exact URL", cdx, sqlCdx, "p99 ≤ 10 ms at 1M");
    }
}
