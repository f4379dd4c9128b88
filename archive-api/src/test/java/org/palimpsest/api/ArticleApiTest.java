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
import static org.palimpsest.api.ArchiveShapes.archiveShape;
import static org.palimpsest.api.ArchiveShapes.at;
import static org.palimpsest.api.ArchiveShapes.text;

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
}
