package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.bytes;
import static org.palimpsest.api.TestArchive.samples;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.palimpsest.core.export.ExportSlots;

/** Parameters that overflow or name no instant are 400 problems saying what to ask instead, never 500s. */
@QuarkusTest
class BoundsTest {
    @Inject
    ExportSlots slots;

    @Test
    void aPagePastTheLastRowAnyListCanHaveIsRefused() {
        String detail = "page 5000000 of size 500 reaches past the last row any list can have: ask for an earlier page";
        for (String list : new String[] {"/api/articles", "/api/changes"}) {
            given().queryParam("page", 5_000_000).queryParam("size", 500).get(list).then().statusCode(400)
                    .contentType("application/problem+json").body("detail", equalTo(detail));
        }
    }

    @Test
    void aMementoTimestampThatIsNoDateIsRefused() {
        String url = "https://example.org/news/" + uniqueSource("bounds");
        given().header("Authorization", ARCHIVIST).contentType("text/plain").queryParam("source", uniqueSource("bounds"))
                .queryParam("url", url).queryParam("capturedAt", "2025-05-11T10:00:00Z").body(bytes(samples().get(0)))
                .post("/api/captures").then().statusCode(201);
        given().get("/memento/20259999999999/" + url).then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("timestamp '20259999999999' is not a date and time: use yyyyMMddHHmmss (UTC),"
                        + " such as 20250511093000"));
        given().get("/memento/20250511100000/" + url).then().statusCode(200);
    }

    @Test
    void aComparisonOfSidesPastTheConfiguredSizeIsRefusedWithWhatToDo() {
        String source = uniqueSource("bounds-diff");
        StringBuilder html = new StringBuilder("<html><body><h1>One long line</h1><p>");
        while (html.length() < 45_000) {
            html.append("word").append(html.length()).append(' ');
        }
        String minified = html.append("</p></body></html>").toString();
        String[] ids = new String[2];
        for (int i = 0; i < 2; i++) {
            ids[i] = given().header("Authorization", ARCHIVIST).contentType("text/html")
                    .queryParam("source", source).queryParam("capturedAt", "2025-05-1" + (1 + i) + "T10:00:00Z")
                    .body((minified + (i == 0 ? "" : " ")).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/captures").then().statusCode(201).extract().path("captureId");
        }
        given().queryParam("from", ids[0]).queryParam("to", ids[1]).queryParam("raw", true).get("/api/diff").then()
                .statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("from (capture " + ids[0] + ") has " + (minified.length())
                        + " characters, more than the 40000 a comparison takes (palimpsest.diff.max-characters):"
                        + " compare the normalised versions instead (leave out raw=true)"));
    }

    @Test
    void aComparisonThatRunsPastItsTimeBudgetIsRefusedWithACheaperOneToAskFor() {
        // Two versions under the size limit that share no word: single letters, a to m on one side and n to z on the
        // other. A word diff of them took 34 s on the machine this was written on (the test profile's budget is
        // 1 s); by paragraph it is immediate.
        String source = uniqueSource("bounds-budget");
        String[] ids = new String[2];
        for (int i = 0; i < 2; i++) {
            java.util.Random random = new java.util.Random(i);
            StringBuilder text = new StringBuilder("Long report " + i + "\n\n");
            while (text.length() < 37_000) {
                text.append((char) ((i == 0 ? 'a' : 'n') + random.nextInt(13))).append(' ');
            }
            ids[i] = given().header("Authorization", ARCHIVIST).contentType("text/plain")
                    .queryParam("source", source).queryParam("url", "https://example.org/long-" + i)
                    .queryParam("capturedAt", "2025-05-11T10:00:00Z")
                    .body(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/captures").then().statusCode(201).extract().path("versionId");
        }
        given().queryParam("from", ids[0]).queryParam("to", ids[1]).get("/api/diff").then()
                .statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("the comparison took longer than 1000 ms, the most a comparison may take"
                        + " (palimpsest.diff.time-budget): ask for granularity=sentence or paragraph, which align whole"
                        + " units and are far cheaper when much differs"));
        given().queryParam("from", ids[0]).queryParam("to", ids[1]).queryParam("granularity", "paragraph")
                .get("/api/diff").then().statusCode(200);
    }

    @Test
    void aNumberThatIsNoNumberIsRefusedNamingTheParameter() {
        given().queryParam("page", "abc").get("/api/articles").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("page 'abc' is not a whole number"));
        given().queryParam("size", "1e3").get("/api/changes").then().statusCode(400)
                .body("detail", equalTo("size '1e3' is not a whole number"));
    }

    @Test
    void aBatchLinePastTheLineLimitIsAnsweredWithItsOwn413AndTheLinesAfterItAreStored() {
        String source = uniqueSource("bounds-line");
        String huge = "{\"source\":\"" + source + "\",\"contentType\":\"text/plain\",\"content\":\""
                + "a".repeat(1_000_000) + "\"}\n";
        String fine = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("source", source)
                .put("contentType", "text/plain").put("capturedAt", "2025-05-11T11:00:00Z")
                .put("content", new String(bytes(samples().get(0)), java.nio.charset.StandardCharsets.UTF_8)).toString();
        java.util.List<String> answers = given().header("Authorization", ARCHIVIST).contentType("application/x-ndjson")
                .body((huge + fine + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/captures/batch").then().statusCode(200).extract().asString()
                .lines().toList();
        assertEquals(2, answers.size());
        io.restassured.path.json.JsonPath refused = io.restassured.path.json.JsonPath.from(answers.get(0));
        assertEquals(413, refused.getInt("status"));
        assertEquals(1, refused.getInt("line"));
        assertEquals("line 1: the line has " + (huge.length() - 1) + " bytes, more than a batch line may have (262144,"
                + " palimpsest.capture.max-batch-line): send a capture this large on its own to POST /api/captures,"
                + " or raise the limit", refused.getString("detail"));
        assertEquals(201, io.restassured.path.json.JsonPath.from(answers.get(1)).getInt("status"));
        assertEquals(1, given().queryParam("source", source).get("/api/articles").jsonPath().getInt("total"));
    }

    @Test
    void aBatchLineThatIsNotUtf8IsRefusedAloneNeverStoredWithReplacementCharacters() throws Exception {
        String source = uniqueSource("bounds-utf8");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("{\"source\":\"" + source + "\",\"contentType\":\"text/plain\",\"capturedAt\":"
                + "\"2025-05-11T10:00:00Z\",\"content\":\"Caf").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(0xE9); // Latin-1, not UTF-8
        body.write(" au lait\\n\\nA sentence of the body.\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("source", source)
                .put("contentType", "text/plain").put("capturedAt", "2025-05-11T11:00:00Z")
                .put("content", new String(bytes(samples().get(0)), java.nio.charset.StandardCharsets.UTF_8)).toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.util.List<String> answers = given().header("Authorization", ARCHIVIST).contentType("application/x-ndjson")
                .body(body.toByteArray()).post("/api/captures/batch").then().statusCode(200).extract().asString()
                .lines().toList();
        assertEquals(2, answers.size());
        io.restassured.path.json.JsonPath refused = io.restassured.path.json.JsonPath.from(answers.get(0));
        assertEquals(400, refused.getInt("status"));
        assertEquals("line 1: the line is not valid UTF-8: send a capture's text as UTF-8, or its exact bytes as"
                + " contentBase64", refused.getString("detail"));
        assertEquals(201, io.restassured.path.json.JsonPath.from(answers.get(1)).getInt("status"));
        assertEquals(1, given().queryParam("source", source).get("/api/articles").jsonPath().getInt("total"));
    }

    @Test
    void anExportPastTheConcurrentLimitIsRefusedWithRetryAfterAndEveryEndedExportFreesItsSlot() {
        String source = uniqueSource("bounds-export");
        given().header("Authorization", ARCHIVIST).contentType("text/plain").queryParam("source", source)
                .queryParam("capturedAt", "2025-05-11T10:00:00Z").body(bytes(samples().get(0))).post("/api/captures")
                .then().statusCode(201);
        for (int i = 0; i < 5; i++) { // more exports one after the other than there are slots: each frees its own
            given().queryParam("source", source).queryParam("format", "csv").get("/api/exports").then().statusCode(200);
        }
        try (ExportSlots.Slot first = slots.take(); ExportSlots.Slot second = slots.take()) {
            given().queryParam("source", source).get("/api/exports").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "10")
                    .body("detail", equalTo("2 exports are streaming, as many as this archive runs at once"
                            + " (palimpsest.export.max-concurrent): try again in 10 s"));
            given().queryParam("source", source).queryParam("format", "nonsense").get("/api/exports").then()
                    .statusCode(400);
        }
        given().queryParam("source", source).get("/api/exports").then().statusCode(200);
        for (int i = 0; i < 3; i++) { // a HEAD runs the export's method but sends no body: its slot is freed too
            given().queryParam("source", source).head("/api/exports").then().statusCode(200);
        }
        given().queryParam("source", source).get("/api/exports").then().statusCode(200);
    }
}
