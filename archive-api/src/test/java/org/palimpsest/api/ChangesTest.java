package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.palimpsest.api.ArchiveShapes.archiveShape;
import static org.palimpsest.api.TestArchive.ADMIN;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.bytes;
import static org.palimpsest.api.TestArchive.post;
import static org.palimpsest.api.TestArchive.samples;
import static org.palimpsest.api.TestArchive.uniqueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Corrections and stealth edits, end to end: five articles each edited (a figure, no notice) and then corrected (the
 * same notice on all five), in every order of ingestion; the changes API, its feeds, and re-derivation filling changes.
 */
@QuarkusTest
class ChangesTest {
    static final String NOTICE = "Correction: An earlier version of this story misstated a figure. The story has been"
            + " updated.";
    /** A figure in the body of each sample, and what the edit makes of it. */
    static final List<String[]> FIGURES = List.of(new String[] {"over 120,000 troops", "over 127,000 troops"},
            new String[] {"full 30-day unconditional ceasefire", "full 60-day unconditional ceasefire"},
            new String[] {"stands at 5,840 people", "stands at 5,870 people"},
            new String[] {"ceasefire beginning May 12", "ceasefire beginning May 13"},
            new String[] {"today on Sept. 28", "today on Sept. 29"});

    @Inject
    AgroalDataSource db;

    /** A capture to post: when, and what. */
    record Capture(String at, String text) {
    }

    static String at(int day, int minute) {
        return String.format("2025-05-%02dT10:%02d:00Z", 11 + day, minute);
    }

    /** Each sample; a day later with its figure edited; a day after that corrected, the notice before "Most Popular". */
    static List<Capture> scenario() {
        List<Capture> out = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String text = new String(bytes(samples().get(i)), StandardCharsets.UTF_8);
            String edited = text.replace(FIGURES.get(i)[0], FIGURES.get(i)[1]);
            assertEquals(false, edited.equals(text), "sample " + i + " holds " + FIGURES.get(i)[0]);
            out.add(new Capture(at(0, i), text));
            out.add(new Capture(at(1, i), edited));
            out.add(new Capture(at(2, i), withNotice(edited)));
        }
        return out;
    }

    static String withNotice(String text) {
        return withLine(text, NOTICE);
    }

    /** The text with a line put before its first section marker ("Most Popular", "Editors' Picks"), else at its end. */
    static String withLine(String text, String line) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("Most Popular") || lines.get(i).strip().equals("Editors' Picks")) {
                at = i;
                break;
            }
        }
        lines.add(at, line);
        return String.join("\n", lines);
    }

    static void ingest(String source, List<Capture> captures, boolean batch) {
        if (!batch) {
            captures.forEach(c -> post(source, c.text().getBytes(StandardCharsets.UTF_8), "text/plain", c.at())
                    .statusCode(201));
            return;
        }
        StringBuilder ndjson = new StringBuilder();
        ObjectMapper json = new ObjectMapper();
        captures.forEach(c -> ndjson.append(json.createObjectNode().put("source", source).put("capturedAt", c.at())
                .put("contentType", "text/plain").put("content", c.text())).append('\n'));
        given().header("Authorization", ARCHIVIST).contentType("application/x-ndjson")
                .body(ndjson.toString().getBytes(StandardCharsets.UTF_8)).post("/api/captures/batch").then()
                .statusCode(200);
    }

    /** Per version (by first capture time): its number, kinds, stealth and notices. */
    static Map<String, String> changes(String source) {
        Map<String, String> out = new TreeMap<>();
        for (String article : given().queryParam("source", source).get("/api/articles").<List<String>>path("items.articleId")) {
            for (Map<String, Object> v : given().get("/api/articles/" + article).jsonPath().<Map<String, Object>>getList("timeline")) {
                out.put((String) v.get("validFrom"), v.get("versionNumber") + " " + v.get("change"));
            }
        }
        return out;
    }

    @Test
    void correctionsAreNewVersionsWithTheirNoticeAndTheFixBeforeThemIsStealthInEveryOrder() {
        List<Capture> captures = scenario();
        List<Capture> reversed = new ArrayList<>(captures);
        Collections.reverse(reversed);
        List<Capture> shuffled = new ArrayList<>(captures);
        Collections.shuffle(shuffled, new Random(7));
        Map<String, String> shape = null;
        Map<String, String> changes = null;
        for (Object[] order : List.of(new Object[] {"chrono", captures, false}, new Object[] {"reverse", reversed, false},
                new Object[] {"shuffled", shuffled, false}, new Object[] {"batch", shuffled, true})) {
            String source = uniqueSource("notice-" + order[0]);
            @SuppressWarnings("unchecked")
            List<Capture> in = (List<Capture>) order[1];
            ingest(source, in, (Boolean) order[2]);
            Set<String> corrected = new TreeSet<>();
            for (String article : given().queryParam("source", source).get("/api/articles").<List<String>>path("items.articleId")) {
                JsonPath a = given().get("/api/articles/" + article).jsonPath();
                assertEquals(3, a.getInt("versionCount"), order[0] + ": " + a.getString("headline"));
                assertEquals(null, a.getString("timeline[0].change"));
                assertEquals(List.of("figures"), a.getList("timeline[1].change.kinds"), order[0] + " " + a.getString("headline"));
                assertEquals(true, a.getBoolean("timeline[1].change.stealth"));
                assertEquals(a.getString("timeline[0].versionId"), a.getString("timeline[1].change.previousVersionId"));
                assertEquals(List.of("notice"), a.getList("timeline[2].change.kinds"));
                assertEquals(false, a.getBoolean("timeline[2].change.stealth"));
                assertEquals("correction", a.getString("timeline[2].change.notices[0].kind"));
                assertEquals(NOTICE, a.getString("timeline[2].change.notices[0].text"));
                List<String> paragraphs = a.getList("timeline[2].paragraphs");
                assertEquals(NOTICE, paragraphs.get(paragraphs.size() - 1));
                corrected.add(a.getString("timeline[2].versionId"));
            }
            assertEquals(5, corrected.size());
            JsonPath notices = given().queryParam("source", source).queryParam("kind", "notice").get("/api/changes")
                    .then().statusCode(200).body("total", equalTo(5)).extract().jsonPath();
            assertEquals(corrected, new TreeSet<>(notices.getList("items.versionId")));
            assertEquals(List.of(false, false, false, false, false), notices.getList("items.stealth"));
            given().queryParam("source", source).queryParam("stealth", "true").get("/api/changes").then()
                    .statusCode(200).body("total", equalTo(5)).body("items.kinds.flatten().unique()", equalTo(List.of("figures")));
            given().queryParam("source", source).get("/api/sources/" + source + "/template").then().statusCode(200);
            assertEquals(false, given().get("/api/sources/" + source + "/template").asString().contains("misstated"),
                    "the notice is not in the template");
            if (shape == null) {
                shape = archiveShape(source, 15);
                changes = withoutIds(changes(source));
            } else {
                assertEquals(shape, archiveShape(source, 15), "same articles and digests, " + order[0]);
                assertEquals(changes, withoutIds(changes(source)), "same changes, " + order[0]);
            }
            feedHoldsTheCorrections(source, corrected);
        }
    }

    private static Map<String, String> withoutIds(Map<String, String> changes) {
        Map<String, String> out = new TreeMap<>();
        changes.forEach((k, v) -> out.put(k, v.replaceAll("previousVersionId=[0-9a-f-]+", "")));
        return out;
    }

    /** The feed of the source's corrections, read by Debian's python3-feedparser: no error, one entry a correction. */
    private static void feedHoldsTheCorrections(String source, Set<String> corrected) {
        String feed = given().queryParam("source", source).queryParam("kind", "notice").get("/feeds/changes.atom")
                .then().statusCode(200).contentType("application/atom+xml").extract().asString();
        Set<String> ids = new TreeSet<>();
        corrected.forEach(id -> ids.add("urn:uuid:" + id));
        assertEquals(ids, FeedReader.entryIds(feed));
    }

    @Test
    void anArticleGoingBackToAnEarlierVersionIsAChangeBackClassifiedAgainstTheVersionItLeftInEveryOrder() {
        String text = new String(bytes(samples().get(0)), StandardCharsets.UTF_8);
        String edited = text.replace(FIGURES.get(0)[0], FIGURES.get(0)[1]);
        List<Capture> captures = List.of(new Capture(at(0, 0), text), new Capture(at(1, 0), edited),
                new Capture(at(2, 0), text));
        List<Capture> reversed = new ArrayList<>(captures);
        Collections.reverse(reversed);
        for (Object[] order : List.of(new Object[] {"chrono", captures, false}, new Object[] {"reverse", reversed, false},
                new Object[] {"batch", reversed, true})) {
            String source = uniqueSource("revert-" + order[0]);
            @SuppressWarnings("unchecked")
            List<Capture> in = (List<Capture>) order[1];
            ingest(source, in, (Boolean) order[2]);
            String article = given().queryParam("source", source).get("/api/articles").path("items[0].articleId");
            JsonPath a = given().get("/api/articles/" + article).jsonPath();
            String first = a.getString("timeline[0].versionId");
            String edit = a.getString("timeline[1].versionId");
            assertEquals(2, a.getInt("versionCount"), (String) order[0]);
            assertEquals(List.of(), a.getList("timeline[1].reverts"));
            assertEquals(List.of(Map.of("at", "2025-05-13T10:00:00Z", "change", Map.of("kinds", List.of("figures"),
                    "stealth", true, "notices", List.of(), "inserted", 1, "deleted", 1, "previousVersionId", edit))),
                    a.getList("timeline[0].reverts"), (String) order[0]);
            JsonPath changes = given().queryParam("source", source).get("/api/changes").then().statusCode(200)
                    .body("total", equalTo(2)).extract().jsonPath();
            assertEquals(List.of(first, edit), changes.getList("items.versionId"));
            assertEquals(List.of(true, false), changes.getList("items.revert"));
            assertEquals(List.of(edit, first), changes.getList("items.previousVersionId"));
            assertEquals(List.of("2025-05-13T10:00:00Z", "2025-05-12T10:00:00Z"), changes.getList("items.firstSeen"));
            assertEquals(List.of("/api/diff?from=" + edit + "&to=" + first, "/api/diff?from=" + first + "&to=" + edit),
                    changes.getList("items.diff"));
            given().queryParam("source", source).queryParam("from", "2025-05-13T00:00:00Z").get("/api/changes").then()
                    .body("items.revert", equalTo(List.of(true)));
            given().queryParam("source", source).queryParam("kind", "figures").queryParam("stealth", "true")
                    .get("/api/changes").then().body("total", equalTo(2));
            String feed = given().get("/feeds/articles/" + article + ".atom").then().statusCode(200).extract().asString();
            Set<String> ids = FeedReader.entryIds(feed);
            assertEquals(2, ids.size(), "one entry for the edit and one for the change back");
            assertEquals(true, ids.contains("urn:uuid:" + edit));
        }
    }

    @Test
    void anArticleFeedHasAnEntryForEachVersionAfterTheFirst() {
        String source = uniqueSource("feed-article");
        ingest(source, scenario().subList(0, 3), false);
        String article = given().queryParam("source", source).get("/api/articles").path("items[0].articleId");
        JsonPath a = given().get("/api/articles/" + article).jsonPath();
        String feed = given().get("/feeds/articles/" + article + ".atom").then().statusCode(200).extract().asString();
        assertEquals(Set.of("urn:uuid:" + a.getString("timeline[1].versionId"), "urn:uuid:" + a.getString("timeline[2].versionId")),
                FeedReader.entryIds(feed));
        given().get("/feeds/articles/" + java.util.UUID.randomUUID() + ".atom").then().statusCode(404);
    }

    @Test
    void searchFiltersAndCountsVersionsByHowTheyChanged() {
        String source = uniqueSource("search-changes");
        ingest(source, scenario(), false);
        JsonPath all = Eventually.await(java.time.Duration.ofSeconds(30), () -> given().queryParam("source", source)
                .queryParam("allVersions", true).get("/api/search").then().statusCode(200).extract().jsonPath(),
                r -> r.getInt("total") == 15, "15 versions indexed");
        Map<String, Integer> facet = new TreeMap<>();
        for (Map<String, Object> b : all.<Map<String, Object>>getList("facets.changeKinds")) {
            facet.put((String) b.get("key"), ((Number) b.get("count")).intValue());
        }
        assertEquals(Map.of("figures", 5, "notice", 5), facet);
        JsonPath notices = given().queryParam("source", source).queryParam("allVersions", true)
                .queryParam("changeKind", "notice").get("/api/search").then().statusCode(200).extract().jsonPath();
        assertEquals(5, notices.getInt("total"));
        assertEquals(List.of(List.of("notice")), notices.getList("hits.change.kinds").stream().distinct().toList());
        JsonPath stealth = given().queryParam("source", source).queryParam("allVersions", true)
                .queryParam("stealth", "true").get("/api/search").then().statusCode(200).extract().jsonPath();
        assertEquals(5, stealth.getInt("total"));
        assertEquals(List.of(List.of("figures")), stealth.getList("hits.change.kinds").stream().distinct().toList());
        given().queryParam("changeKind", "typo").get("/api/search").then().statusCode(400)
                .body("detail", equalTo("changeKind 'typo' is not known: use one of headline, lede, figures, quotes,"
                        + " notice, added, removed, reworded, moved"));
    }

    @Test
    void unknownKindsAndStealthValuesAreRefusedWithWhatToUse() {
        given().queryParam("kind", "typo").get("/api/changes").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("kind 'typo' is not known: use one of headline, lede, figures, quotes, notice,"
                        + " added, removed, reworded, moved"));
        given().queryParam("stealth", "maybe").get("/api/changes").then().statusCode(400)
                .body("detail", equalTo("stealth 'maybe' is not true or false"));
        given().queryParam("stealth", "maybe").get("/feeds/changes.atom").then().statusCode(400);
    }

    @Test
    void reDerivationFillsTheChangesOfVersionsWrittenWithoutThem() throws Exception {
        String source = uniqueSource("refill");
        ingest(source, scenario().subList(0, 3), false);
        Map<String, String> before = changes(source);
        try (var c = db.getConnection(); var st = c.prepareStatement("update version set change = null where article_id"
                + " in (select id from article where source = ?)")) {
            st.setString(1, source);
            assertEquals(3, st.executeUpdate());
        }
        assertEquals(0, given().queryParam("source", source).get("/api/changes").jsonPath().getInt("total"));
        given().header("Authorization", ADMIN).post("/api/admin/sources/" + source + "/rederive").then()
                .statusCode(204);
        assertEquals(before, changes(source));
        assertEquals(2, given().queryParam("source", source).get("/api/changes").jsonPath().getInt("total"));
    }

    /** Debian's python3-feedparser, an independent Atom reader. */
    static final class FeedReader {
        static Set<String> entryIds(String feed) {
            Path python = Path.of("/usr/bin/python3");
            TestArchive.requireTool(Files.isExecutable(python), "no /usr/bin/python3");
            try {
                Path file = Files.createTempFile("palimpsest-feed", ".atom");
                Files.writeString(file, feed);
                Process p = new ProcessBuilder(python.toString(), "-c", """
                        import sys, feedparser
                        d = feedparser.parse(sys.argv[1])
                        if d.bozo:
                            print("ERROR", d.bozo_exception)
                            sys.exit(2)
                        print(d.version)
                        for e in d.entries:
                            print(e.id)
                        """, file.toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int status = p.waitFor();
                Files.delete(file);
                TestArchive.requireTool(!out.contains("No module named 'feedparser'"),
                        "python3-feedparser is not installed (bin/test installs it)");
                assertEquals(0, status, out);
                List<String> lines = out.lines().toList();
                assertEquals("atom10", lines.get(0), out);
                assertNotNull(lines);
                return new TreeSet<>(lines.subList(1, lines.size()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
