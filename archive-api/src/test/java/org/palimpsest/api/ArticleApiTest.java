package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.bytes;
import static org.palimpsest.api.TestArchive.post;
import static org.palimpsest.api.TestArchive.samples;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleApiTest {

    static String text(int sample) {
        return new String(bytes(samples().get(sample)), StandardCharsets.UTF_8);
    }

    static String at(int minute) {
        return String.format("2025-05-11T10:%02d:00Z", minute);
    }

    @Test
    void samplesBecomeFiveArticlesWithTimelinesAndTemplate() {
        String source = uniqueSource("articles");
        for (int i = 0; i < 5; i++) {
            post(source, bytes(samples().get(i)), "text/plain", at(i)).statusCode(201);
        }
        JsonPath list = given().queryParam("source", source).get("/api/articles").then().statusCode(200)
                .body("total", equalTo(5)).body("next", nullValue()).extract().jsonPath();
        assertEquals(5, list.getList("items").size());
        given().queryParam("source", source).queryParam("size", 2).get("/api/articles").then()
                .body("items", hasSize(2)).body("next", org.hamcrest.Matchers.containsString("page=1"));
        given().get("/api/sources/" + source + "/template").then().statusCode(200)
                .body("captureCount", equalTo(5)).body("articleCount", equalTo(5))
                .body("headLines.find { it.text == 'Zelensky called a ceasefire the essential first step toward ending the war.' }.articles",
                        equalTo(5));
    }

    @Test
    void anEditMakesVersionTwoAndAsOfAnswersForEveryInstant() {
        String source = uniqueSource("edit");
        String base = text(0);
        String captureA = post(source, bytes(samples().get(2)), "text/plain", at(0)).statusCode(201)
                .extract().path("captureId");
        JsonPath v1 = post(source, base.getBytes(StandardCharsets.UTF_8), "text/plain", at(10)).statusCode(201)
                .body("versionNumber", equalTo(1)).body("newVersion", equalTo(true)).extract().jsonPath();
        JsonPath v2 = post(source, base.replace("fourth overall", "fifth overall").getBytes(StandardCharsets.UTF_8),
                "text/plain", at(20)).statusCode(201)
                .body("versionNumber", equalTo(2)).body("newVersion", equalTo(true))
                .body("provenance.identity.decision", equalTo("similarity"))
                .body("provenance.version.decision", equalTo("new")).extract().jsonPath();
        JsonPath revisit = post(source, base.getBytes(StandardCharsets.UTF_8), "text/plain", at(30)).statusCode(201)
                .body("versionNumber", equalTo(1)).body("newVersion", equalTo(false))
                .body("provenance.version.decision", equalTo("revisit")).extract().jsonPath();
        String article = v1.getString("articleId");
        assertEquals(article, v2.getString("articleId"));
        assertEquals(v1.getString("versionId"), revisit.getString("versionId"));
        assertNotEquals(article, given().get("/api/captures/" + captureA).path("articleId"));

        given().get("/api/articles/" + article).then().statusCode(200)
                .body("headline", equalTo("Zelensky, Biden discuss security, diplomacy, aid to Ukraine"))
                .body("versionCount", equalTo(2)).body("captureCount", equalTo(3))
                .body("timeline.versionNumber", contains(1, 2))
                .body("timeline[0].intervals.from", contains(at(10), at(30)))
                .body("timeline[1].validFrom", equalTo(at(20))).body("timeline[1].validTo", equalTo(at(30)));
        given().get("/api/articles/" + article + "/versions/" + v2.getString("versionId")).then().statusCode(200)
                .body("contentSha256", equalTo(v2.getString("provenance.digests.contentSha256")))
                .body("paragraphs[0]", equalTo("President Volodymyr Zelensky held a phone conversation with U.S."
                        + " President Joe Biden late on Jan. 27, their second conversation in January and fifth overall."));

        Map<String, Integer> expected = new TreeMap<>(Map.of(at(10), 1, "2025-05-11T10:19:59Z", 1, at(20), 2,
                "2025-05-11T10:29:59Z", 2, at(30), 1, "2026-01-01T00:00:00Z", 1));
        expected.forEach((instant, number) -> given().get("/api/articles/" + article + "/as-of/" + instant).then()
                .statusCode(200).body("versionNumber", equalTo(number)));
        given().get("/api/articles/" + article + "/as-of/" + at(25)).then()
                .header("Memento-Datetime", "Sun, 11 May 2025 10:20:00 GMT")
                .body("captures.captureId", contains(v2.getString("captureId")))
                .body("captures.newVersion", contains(true));
        // A version's captures are its own, across both of its intervals: the one that made it and the revisit.
        given().get("/api/articles/" + article + "/as-of/" + at(35)).then()
                .body("captures.captureId", contains(v1.getString("captureId"), revisit.getString("captureId")))
                .body("captures.capturedAt", contains(at(10), at(30)))
                .body("captures.newVersion", contains(true, false));
        given().get("/api/articles/" + article + "/as-of/2025-05-11T10:09:59Z").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("the archive held no capture of article " + article
                        + " at or before 2025-05-11T10:09:59Z: ask for a later instant"));
        String unknown = "00000000-0000-0000-0000-00000000abcd";
        given().get("/api/articles/" + unknown + "/as-of/" + at(30)).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no article " + unknown + " in the archive"));
        given().get("/api/articles/" + article + "/as-of/last-tuesday").then().statusCode(400)
                .body("detail", equalTo("instant 'last-tuesday' is not an ISO-8601 instant: write it like 2025-05-11T09:30:00Z"));
    }

    @Inject
    AgroalDataSource db;

    @Test
    void anArticleIdThatReDerivationReplacedAnswersWithTheArticleThatReplacedIt() throws Exception {
        String source = uniqueSource("replaced");
        JsonPath capture = post(source, bytes(samples().get(0)), "text/plain", at(10)).statusCode(201)
                .extract().jsonPath();
        String live = capture.getString("articleId");
        UUID replaced = UUID.randomUUID();
        try (var connection = db.getConnection(); var insert = connection.prepareStatement("insert into article"
                + " (id, source, identity_key, headline, first_captured_at, last_captured_at, version_count,"
                + " capture_count, superseded_by) select ?, source, 'merged', headline, first_captured_at,"
                + " last_captured_at, 1, 1, id from article where id = ?")) {
            insert.setObject(1, replaced);
            insert.setObject(2, UUID.fromString(live));
            assertEquals(1, insert.executeUpdate());
        }
        given().get("/api/articles/" + replaced + "/as-of/" + at(15)).then().statusCode(200)
                .header("Content-Location", "/api/captures/" + capture.getString("captureId"))
                .body("articleId", equalTo(live)).body("versionId", equalTo(capture.getString("versionId")));
        given().get("/api/articles/" + replaced + "/as-of/" + at(5)).then().statusCode(404)
                .body("detail", equalTo("the archive held no capture of article " + replaced
                        + " at or before " + at(5) + ": ask for a later instant"));
        given().get("/api/articles/" + replaced).then().statusCode(200)
                .body("articleId", equalTo(live)).body("resolvedFrom", equalTo(replaced.toString()));
    }

    @Test
    void aTemplateChangeReDerivesEarlierCapturesAndKeepsOldVersionsResolvable() {
        String source = uniqueSource("rederive");
        String ticker = "Live: Markets tumble as talks stall\n";
        JsonPath first = post(source, (ticker + text(0)).getBytes(StandardCharsets.UTF_8), "text/plain", at(0))
                .statusCode(201).body("provenance.templateVersion", equalTo(1)).extract().jsonPath();
        String article = first.getString("articleId");
        String oldVersion = first.getString("versionId");
        given().get("/api/articles/" + article).then().body("headline", equalTo("Live: Markets tumble as talks stall"));

        post(source, (ticker + text(2)).getBytes(StandardCharsets.UTF_8), "text/plain", at(1)).statusCode(201);

        JsonPath after = given().get("/api/captures/" + first.getString("captureId")).then().statusCode(200)
                .body("articleId", equalTo(article))
                .body("provenance.rederivations", hasSize(1))
                .body("provenance.rederivations[0].oldContentSha256", equalTo(first.getString("provenance.digests.contentSha256")))
                .body("provenance.rederivations[0].oldVersionId", equalTo(oldVersion))
                .extract().jsonPath();
        String newVersion = after.getString("versionId");
        assertNotEquals(oldVersion, newVersion);
        assertEquals(after.getString("provenance.digests.contentSha256"),
                after.getString("provenance.rederivations[0].newContentSha256"));
        assertEquals(after.getInt("provenance.templateVersion"), after.getInt("provenance.rederivations[0].templateVersion"));
        given().get("/api/articles/" + article).then()
                .body("headline", equalTo("Zelensky, Biden discuss security, diplomacy, aid to Ukraine"))
                .body("versionCount", equalTo(1));
        given().get("/api/articles/" + article + "/versions/" + oldVersion).then().statusCode(200)
                .body("headline", equalTo("Live: Markets tumble as talks stall"))
                .body("supersededBy", equalTo(newVersion));
    }

    @Test
    void batchAndOneByOneInAnyOrderGiveTheSameArticlesAndDigests() {
        List<String[]> captures = new ArrayList<>();
        String base = text(0);
        captures.add(new String[] {at(0), base});
        captures.add(new String[] {at(5), base.replace("fourth overall", "fifth overall")});
        captures.add(new String[] {at(9), base});
        for (int i = 1; i < 5; i++) {
            captures.add(new String[] {at(i), text(i)});
        }
        String oneByOne = uniqueSource("order-a");
        for (String[] c : captures) {
            post(oneByOne, c[1].getBytes(StandardCharsets.UTF_8), "text/plain", c[0]).statusCode(201);
        }
        List<String[]> reversed = new ArrayList<>(captures);
        Collections.reverse(reversed);
        String batch = uniqueSource("order-b");
        StringBuilder ndjson = new StringBuilder();
        for (String[] c : reversed) {
            ndjson.append(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("source", batch)
                    .put("capturedAt", c[0]).put("contentType", "text/plain").put("content", c[1])).append('\n');
        }
        given().header("Authorization", ARCHIVIST).contentType("application/x-ndjson")
                .body(ndjson.toString().getBytes(StandardCharsets.UTF_8)).post("/api/captures/batch").then().statusCode(200);
        assertEquals(archiveShape(oneByOne, 7), archiveShape(batch, 7));
    }

    @Test
    void aBatchPlacedIncrementallyHoldsWhatTheSameCapturesPostedOneByOneHold() {
        String base = text(0);
        List<String[]> later = List.of(
                new String[] {at(20), base.replace("fourth overall", "fifth overall")},
                new String[] {at(30), base},
                new String[] {at(30), base}, // a repeat of the line before
                new String[] {at(25), base.replace("fourth overall", "sixth overall")}, // earlier than the line before
                new String[] {at(40), text(1)});
        String oneByOne = uniqueSource("placed-a");
        String batch = uniqueSource("placed-b");
        for (String source : List.of(oneByOne, batch)) {
            for (int i = 0; i < 5; i++) {
                post(source, bytes(samples().get(i)), "text/plain", at(i)).statusCode(201);
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (String[] c : later) {
            statuses.add(post(oneByOne, c[1].getBytes(StandardCharsets.UTF_8), "text/plain", c[0]).extract()
                    .statusCode());
        }
        StringBuilder ndjson = new StringBuilder();
        for (String[] c : later) {
            ndjson.append(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("source", batch)
                    .put("capturedAt", c[0]).put("contentType", "text/plain").put("content", c[1])).append('\n');
        }
        List<Integer> batchStatuses = given().header("Authorization", ARCHIVIST).contentType("application/x-ndjson")
                .body(ndjson.toString().getBytes(StandardCharsets.UTF_8)).post("/api/captures/batch").then()
                .statusCode(200).extract().asString().lines()
                .map(line -> io.restassured.path.json.JsonPath.from(line).getInt("status")).toList();
        assertEquals(List.of(201, 201, 200, 201, 201), statuses);
        assertEquals(statuses, batchStatuses);
        assertEquals(archiveShape(oneByOne, 9), archiveShape(batch, 9));
        Map<String, String> batchShape = archiveShape(batch, 9);
        given().header("Authorization", ARCHIVIST).post("/api/admin/sources/" + batch + "/rederive").then()
                .statusCode(204);
        assertEquals(batchShape, archiveShape(batch, 9), "a full re-derivation agrees with the batch's placement");
    }

    @Test
    void capturesThatTeachTheTemplateNothingArePlacedIncrementallyAndAgreeWithAFullRederivation() {
        String source = uniqueSource("incremental");
        String base = text(0);
        List<String> derived = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            derived.add(post(source, bytes(samples().get(i)), "text/plain", at(i)).statusCode(201)
                    .extract().header("Palimpsest-Derived"));
        }
        assertEquals("source", derived.get(0), "the first capture of a source derives it");
        derived.add(post(source, base.replace("fourth overall", "fifth overall").getBytes(StandardCharsets.UTF_8),
                "text/plain", at(20)).statusCode(201).extract().header("Palimpsest-Derived"));
        derived.add(post(source, base.getBytes(StandardCharsets.UTF_8), "text/plain", at(30)).statusCode(201)
                .extract().header("Palimpsest-Derived"));
        derived.add(post(source, base.getBytes(StandardCharsets.UTF_8), "text/plain", at(30)).statusCode(200)
                .extract().header("Palimpsest-Derived"));
        assertEquals(List.of("article", "article", "none"), derived.subList(5, 8),
                "an edit and a revisit teach the template nothing: only their article is re-assembled");

        Map<String, String> incremental = archiveShape(source, 7);
        Map<String, String> ids = versionIds(source);
        given().header("Authorization", ARCHIVIST).post("/api/admin/sources/" + source + "/rederive").then()
                .statusCode(204);
        assertEquals(incremental, archiveShape(source, 7));
        assertEquals(ids, versionIds(source), "a full re-derivation keeps every article and version id");
        given().post("/api/admin/sources/" + source + "/rederive").then().statusCode(401);
        given().header("Authorization", ARCHIVIST).post("/api/admin/sources/no-such-source/rederive").then()
                .statusCode(404);
    }

    @Test
    void capturesAppendedInTimeOrderHoldWhatAFullRederivationWrites() {
        String source = uniqueSource("append");
        for (int i = 0; i < 5; i++) {
            post(source, bytes(samples().get(i)), "text/plain", at(i)).statusCode(201);
        }
        String a = text(0);
        String edited = a.replace("fourth overall", "fifth overall");
        String b = text(3);
        String url = "https://news.example/2025/05/11/story-b";
        List<String[]> later = List.of(
                new String[] {at(10), a, null}, new String[] {at(12), edited, null}, new String[] {at(14), a, null},
                new String[] {at(16), edited, null}, new String[] {at(18), edited, null},
                new String[] {at(20), b, url}, new String[] {at(22), b, url + "?utm_source=feed"},
                new String[] {at(24), b.replace("rejected the idea of deploying", "dismissed the idea of deploying"), url}, new String[] {at(26), b, url});
        for (String[] c : later) {
            var request = given().header("Authorization", ARCHIVIST).contentType("text/plain")
                    .queryParam("source", source).queryParam("capturedAt", c[0]);
            if (c[2] != null) {
                request.queryParam("url", c[2]);
            }
            request.body(c[1].getBytes(StandardCharsets.UTF_8)).post("/api/captures").then().statusCode(201);
        }
        Map<String, String> placed = everything(source);
        assertEquals(14, placed.keySet().stream().filter(k -> k.startsWith("capture ")).count());

        given().header("Authorization", ARCHIVIST).post("/api/admin/sources/" + source + "/rederive").then()
                .statusCode(204);
        assertEquals(placed, everything(source), "placing each capture as it came wrote what a full re-derivation does");
        assertTimelineFlagsAreTheProvenance(source, 14);
    }

    /**
     * Every capture on every timeline and version says it made its version exactly when its provenance's version
     * decision is "new", and in each version that is the first capture listed and only it; {@code captures} counts
     * them over the source.
     */
    static void assertTimelineFlagsAreTheProvenance(String source, int captures) {
        int seen = 0;
        for (String article : given().queryParam("source", source).get("/api/articles").<List<String>>path("items.articleId")) {
            for (Map<String, Object> v : given().get("/api/articles/" + article).jsonPath().<Map<String, Object>>getList("timeline")) {
                List<Map<String, Object>> single = given().get("/api/articles/" + article + "/versions/" + v.get("versionId"))
                        .jsonPath().getList("captures");
                assertEquals(v.get("captures"), single, "a version alone lists what the timeline lists for it");
                List<Boolean> flags = new ArrayList<>();
                for (Map<String, Object> c : single) {
                    String decision = given().get("/api/captures/" + c.get("captureId")).path("provenance.version.decision");
                    assertEquals("new".equals(decision), c.get("newVersion"), c.get("captureId") + " is " + decision);
                    flags.add((Boolean) c.get("newVersion"));
                }
                assertEquals(0, flags.indexOf(true), "the first capture of version " + v.get("versionId") + " made it");
                assertEquals(0, flags.lastIndexOf(true), "only the first capture of version " + v.get("versionId") + " made it");
                seen += flags.size();
            }
        }
        assertEquals(captures, seen);
    }

    /** Every article of a source as served, and every capture's provenance, keyed by their ids. */
    static Map<String, String> everything(String source) {
        Map<String, String> all = new TreeMap<>();
        for (String article : given().queryParam("source", source).get("/api/articles").<List<String>>path("items.articleId")) {
            JsonPath a = given().get("/api/articles/" + article).jsonPath();
            all.put("article " + article, a.prettify());
            for (Map<String, Object> v : a.<Map<String, Object>>getList("timeline")) {
                String version = (String) v.get("versionId");
                all.put("version " + version, given().get("/api/articles/" + article + "/versions/" + version).asString());
                for (Map<String, Object> c : (List<Map<String, Object>>) v.get("captures")) {
                    String id = (String) c.get("captureId");
                    all.put("capture " + id, given().get("/api/captures/" + id).asString());
                }
            }
        }
        return all;
    }

    /** Each capture's article and version ids. */
    static Map<String, String> versionIds(String source) {
        Map<String, String> ids = new TreeMap<>();
        for (String article : given().queryParam("source", source).get("/api/articles").<List<String>>path("items.articleId")) {
            JsonPath a = given().get("/api/articles/" + article).jsonPath();
            for (Map<String, Object> v : a.<Map<String, Object>>getList("timeline")) {
                for (Map<String, Object> c : (List<Map<String, Object>>) v.get("captures")) {
                    ids.put((String) c.get("captureId"), article + "/" + v.get("versionId"));
                }
            }
        }
        return ids;
    }

    /** For each capture (by time): its article's headline, its content digest and its version number. */
    static Map<String, String> archiveShape(String source, int captures) {
        Map<String, String> shape = new TreeMap<>();
        List<String> articles = given().queryParam("source", source).get("/api/articles").path("items.articleId");
        for (String article : articles) {
            JsonPath a = given().get("/api/articles/" + article).jsonPath();
            for (Map<String, Object> v : a.<Map<String, Object>>getList("timeline")) {
                for (Map<String, Object> c : (List<Map<String, Object>>) v.get("captures")) {
                    shape.put((String) c.get("capturedAt"),
                            a.getString("headline") + "|" + v.get("contentSha256") + "|v" + v.get("versionNumber"));
                }
            }
        }
        assertEquals(captures, shape.size());
        return shape;
    }
}
