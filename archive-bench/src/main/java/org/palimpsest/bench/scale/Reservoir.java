package org.palimpsest.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The captures the harness keeps for look-ups (a uniform sample of all captures, by reservoir sampling) and the
 * articles with versions after the first, for diffs.
 */
final class Reservoir {
    static final int SIZE = 2_000;
    static final int REVISED = 200;

    /** A capture kept for later look-ups. */
    record Sample(String articleId, String url, Instant capturedAt) {
    }

    private final SplittableRandom random;
    private final List<Sample> samples = new ArrayList<>();
    private final List<String> revised = new ArrayList<>();
    private long seen;

    Reservoir(SplittableRandom random) {
        this.random = random;
    }

    /** A sample drawn at random. */
    Sample any() {
        return samples.get(random.nextInt(samples.size()));
    }

    /** Articles with more than one version. */
    List<String> revised() {
        return revised;
    }

    /** Offers a capture the API accepted (its JSON answer). */
    synchronized void keep(JsonNode capture) {
        seen++;
        Sample s = new Sample(capture.get("articleId").asText(), capture.get("url").asText(),
                Instant.parse(capture.get("capturedAt").asText()));
        if (samples.size() < SIZE) {
            samples.add(s);
        } else {
            long at = random.nextLong(seen);
            if (at < SIZE) {
                samples.set((int) at, s);
            }
        }
        if (capture.path("newVersion").asBoolean() && capture.path("versionNumber").asInt() >= 2) {
            if (revised.size() < REVISED) {
                revised.add(capture.get("articleId").asText());
            } else {
                revised.set(random.nextInt(REVISED), capture.get("articleId").asText());
            }
        }
    }

    /**
     * Fills the reservoir with a uniform sample of the captures the database holds (and the revised articles), as
     * ingest would have; answers the number of captures.
     */
    long sampleExisting(Connection db) throws SQLException {
        try (var st = db.createStatement()) {
            long captures;
            try (ResultSet rs = st.executeQuery("select count(*) from capture")) {
                rs.next();
                captures = rs.getLong(1);
            }
            double percent = Math.min(100, 100.0 * 2 * SIZE / Math.max(1, captures));
            try (ResultSet rs = st.executeQuery(String.format(Locale.ROOT, "select article_id, url, captured_at"
                    + " from capture tablesample bernoulli (%.6f) repeatable (7) where article_id is not null"
                    + " limit %d", percent, SIZE))) {
                while (rs.next()) {
                    samples.add(new Sample(rs.getString("article_id"), rs.getString("url"),
                            rs.getTimestamp("captured_at").toInstant()));
                }
            }
            try (ResultSet rs = st.executeQuery("select article_id from version where version_number >= 2"
                    + " and superseded_by is null order by md5(id::text) limit " + REVISED)) {
                while (rs.next()) {
                    revised.add(rs.getString("article_id"));
                }
            }
            return captures;
        }
    }
}
