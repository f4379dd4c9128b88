package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palimpsest.api.TestArchive.bytes;
import static org.palimpsest.api.TestArchive.post;
import static org.palimpsest.api.TestArchive.samples;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DiffApiTest {

    @Test
    void versionsAndCapturesDiffInJsonUnifiedAndHtml() {
        String source = uniqueSource("diff");
        String base = new String(bytes(samples().get(0)), StandardCharsets.UTF_8);
        JsonPath v1 = post(source, base.getBytes(StandardCharsets.UTF_8), "text/plain", "2025-05-11T10:00:00Z")
                .statusCode(201).extract().jsonPath();
        JsonPath v2 = post(source, base.replace("fourth overall", "fifth overall").getBytes(StandardCharsets.UTF_8),
                "text/plain", "2025-05-12T10:00:00Z").statusCode(201).extract().jsonPath();

        JsonPath json = given().queryParam("from", v1.getString("versionId")).queryParam("to", v2.getString("versionId"))
                .get("/api/diff").then().statusCode(200).extract().jsonPath();
        List<Map<String, String>> changes = json.<Map<String, String>>getList("ops").stream()
                .filter(o -> !o.get("op").equals("equal")).toList();
        assertEquals(List.of(Map.of("op", "delete", "text", "fourth"), Map.of("op", "insert", "text", "fifth")), changes);
        assertEquals(1, json.getInt("stats.inserted"));
        assertEquals(1, json.getInt("stats.deleted"));
        assertEquals(false, json.getBoolean("headlineChanged"));
        assertEquals("version", json.getString("from.kind"));
        assertEquals(2, json.getInt("to.versionNumber"));

        given().queryParam("from", v1.getString("captureId")).queryParam("to", v2.getString("captureId"))
                .queryParam("granularity", "paragraph").get("/api/diff").then().statusCode(200)
                .body("from.kind", equalTo("capture")).body("ops.findAll { it.op == 'delete' }.size()", equalTo(1));

        String html = given().queryParam("from", v1.getString("versionId")).queryParam("to", v2.getString("versionId"))
                .queryParam("format", "html").get("/api/diff").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(html.contains("<del>fourth</del>"), html);
        assertTrue(html.contains("<ins>fifth</ins>"), html);
        assertTrue(!html.contains("<script"));

        String unified = given().queryParam("from", v1.getString("versionId")).queryParam("to", v2.getString("versionId"))
                .queryParam("format", "unified").get("/api/diff").then().statusCode(200).extract().asString();
        assertTrue(unified.contains("\n-President Volodymyr Zelensky held a phone conversation"), unified);
        assertTrue(unified.contains("fifth overall.\n"), unified);

        String rawDiff = given().queryParam("from", v1.getString("captureId")).queryParam("to", v2.getString("captureId"))
                .queryParam("raw", true).queryParam("granularity", "line").queryParam("format", "unified")
                .get("/api/diff").then().statusCode(200).extract().asString();
        assertTrue(rawDiff.contains("@@ -14,7 +14,7 @@"), rawDiff);

        given().get("/api/articles/" + v2.getString("articleId")).then()
                .body("timeline[1].changesSincePrevious", equalTo("/api/diff?from=" + v1.getString("versionId")
                        + "&to=" + v2.getString("versionId")))
                .body("timeline[0].changesSincePrevious", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void badDiffRequestsAreProblems() {
        given().get("/api/diff").then().statusCode(400).body("detail", equalTo("from is required: give a version id or a capture id"));
        given().queryParam("from", "x").queryParam("to", "y").get("/api/diff").then().statusCode(400)
                .body("detail", equalTo("from 'x' is not an id: give a version or capture id (a UUID)"));
        String none = "00000000-0000-0000-0000-000000000001";
        given().queryParam("from", none).queryParam("to", none).get("/api/diff").then().statusCode(404);
        given().queryParam("from", none).queryParam("to", none).queryParam("granularity", "letter").get("/api/diff")
                .then().statusCode(400).body("detail", equalTo("granularity 'letter' is not known: use word, sentence, paragraph or line"));
    }
}
