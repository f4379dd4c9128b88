package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.uniqueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The same 5,000 synthetic captures of two sites, posted one by one and in NDJSON batches, give the same archive:
 * every article (identity, headline, counts), every version digest and number, and which article and version each
 * capture was placed in. The captures come in an order close to, not equal to, their capture times; some have no URL
 * (placed by similarity); pages are edited now and then; every page carries a ticker and a "Most Popular" list.
 */
@QuarkusTest
class BatchEquivalenceTest {
    static final int CAPTURES = 5_000;
    static final int ARTICLES = 200;
    static final int BATCH = 250;
    static final String[] WORDS = ("council harbour ferry budget school library bridge river market station hospital"
            + " museum festival union court police housing transport weather election").split(" ");

    @Inject
    AgroalDataSource db;

    /** A capture to post: which site (0 or 1), URL (or null), time, text. */
    record Capture(int site, String url, Instant capturedAt, String text) {
    }

    static List<Capture> captures() {
        Random random = new Random(2026);
        int[] edits = new int[ARTICLES];
        List<Capture> out = new ArrayList<>(CAPTURES);
        Instant start = Instant.parse("2025-03-01T00:00:00Z");
        for (int i = 0; i < CAPTURES; i++) {
            int article = random.nextInt(ARTICLES);
            if (random.nextInt(5) == 0) {
                edits[article]++; // the article is edited: this capture and later ones see the new text
            }
            // Near, not exactly, the order of posting; never two captures at the same second.
            Instant at = start.plusSeconds((i + random.nextInt(10)) * 60L + i % 60);
            String url = random.nextInt(10) == 0 ? null : "https://site" + article % 2 + ".example/news/" + article;
            out.add(new Capture(article % 2, url, at, page(article, edits[article], i)));
        }
        return out;
    }

    static String sentence(Random r, int words) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String word = WORDS[r.nextInt(WORDS.length)];
            s.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(' ');
        }
        return s.toString().strip() + ".";
    }

    /** An article's page at its {@code edit}-th text, with the site's chrome as of capture {@code at}. */
    static String page(int article, int edit, int at) {
        Random r = new Random(article);
        StringBuilder page = new StringBuilder("Markets: FTSE 100 up 0.4% | Weather: showers later\n\n");
        page.append("Story ").append(article).append(": ").append(sentence(r, 5).replace(".", "")).append("\n\n");
        for (int p = 0; p < 4; p++) {
            String text = sentence(r, 14) + " " + sentence(r, 10) + " Reported from desk " + article + ".";
            if (p == edit % 4 && edit > 0) {
                text = text.replace(" desk ", " desk " + edit + " of ");
            }
            page.append(text).append("\n\n");
        }
        page.append("Most Popular\n\n");
        for (int k = 0; k < 3; k++) {
            page.append("Story ").append((at / 50 + k) % ARTICLES).append(" is read most today\n");
        }
        return page.toString();
    }

    @Test
    void fiveThousandCapturesPostedInBatchesGiveWhatTheyGivePostedOneByOne() throws SQLException {
        List<Capture> captures = captures();
        String oneByOne = uniqueSource("one-by-one");
        String batched = uniqueSource("batched");
        // Each site's captures one by one in their order, the two sites side by side: a source sees exactly the
        // sequence it would see with the sites interleaved (placement is per source), in about half the time.
        ExecutorService posters = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Void>> sites = new ArrayList<>();
            for (int site = 0; site < 2; site++) {
                int s = site;
                List<Capture> ofSite = captures.stream().filter(c -> c.site() == s).toList();
                sites.add(CompletableFuture.runAsync(() -> ofSite.forEach(c -> postOne(oneByOne, c)), posters));
            }
            sites.forEach(CompletableFuture::join);
        } finally {
            posters.shutdownNow();
        }
        ObjectMapper json = new ObjectMapper();
        for (int from = 0; from < captures.size(); from += BATCH) {
            StringBuilder ndjson = new StringBuilder();
            for (Capture c : captures.subList(from, Math.min(captures.size(), from + BATCH))) {
                var line = json.createObjectNode().put("source", batched + "-" + c.site())
                        .put("capturedAt", c.capturedAt().toString()).put("contentType", "text/plain")
                        .put("content", c.text());
                if (c.url() != null) {
                    line.put("url", c.url());
                }
                ndjson.append(line).append('\n');
            }
            List<Integer> statuses = given().header("Authorization", ARCHIVIST).contentType("application/x-ndjson")
                    .body(ndjson.toString().getBytes(StandardCharsets.UTF_8)).post("/api/captures/batch").then()
                    .statusCode(200).extract().asString().lines()
                    .map(l -> io.restassured.path.json.JsonPath.from(l).getInt("status")).toList();
            assertTrue(statuses.stream().allMatch(s -> s == 201), "batch from " + from + ": " + statuses);
        }

        for (int site = 0; site < 2; site++) {
            TreeMap<String, String> expected = archive(oneByOne + "-" + site);
            TreeMap<String, String> actual = archive(batched + "-" + site);
            assertTrue(expected.size() > CAPTURES / 3, "captures of site " + site + ": " + expected.size());
            assertTrue(expected.values().stream().map(v -> v.split("\\|")[0]).distinct().count() > 50,
                    "articles of site " + site);
            assertTrue(expected.values().stream().anyMatch(v -> v.endsWith("|v3")), "edited articles of site " + site);
            assertEquals(expected, actual, "site " + site);
        }
    }

    static void postOne(String source, Capture c) {
        var request = given().header("Authorization", ARCHIVIST).contentType("text/plain; charset=utf-8")
                .queryParam("source", source + "-" + c.site()).queryParam("capturedAt", c.capturedAt().toString());
        if (c.url() != null) {
            request.queryParam("url", c.url());
        }
        request.body(c.text().getBytes(StandardCharsets.UTF_8)).post("/api/captures").then().statusCode(201);
    }

    /**
     * For each capture (by URL, time and bytes): its article's identity, headline and counts, and its version's
     * digest and number — the archive without the ids that differ between two ingests of the same captures.
     */
    TreeMap<String, String> archive(String source) throws SQLException {
        TreeMap<String, String> out = new TreeMap<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                select coalesce(c.url, '-') || ' ' || c.captured_at || ' ' || c.raw_sha256,
                    a.identity_key || ' ' || a.headline || ' ' || a.version_count || ' ' || a.capture_count
                        || ' ' || a.first_captured_at || ' ' || a.last_captured_at
                        || '|' || v.content_sha256 || '|v' || v.version_number
                from capture c join article a on a.id = c.article_id join version v on v.id = c.version_id
                where c.source = ? and a.superseded_by is null and v.superseded_by is null""")) {
            s.setString(1, source);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getString(2));
                }
            }
        }
        return out;
    }
}
