package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.uniqueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A batch's captures of one source are placed with what is read for the whole group, not each with statements of its
 * own. A capture that re-assembles its article (it falls between two stored captures of it) changes only that
 * article's answers, which are brought up to date; one that grows the template changes every answer, and the group's
 * reads are read again for the captures after it. Either way the source re-derived whole agrees.
 */
@QuarkusTest
class ReadAheadTest {

    @Test
    void capturesAfterAReassemblyInTheirBatchArePlacedWithTheGroupsReads() {
        String source = uniqueSource("read-ahead");
        for (int story = 0; story < 5; story++) {
            post(source, List.of(capture(story, "2025-05-11T10:0" + story + ":00Z")));
        }
        post(source, List.of(capture(0, "2025-05-11T10:10:00Z")));
        long assembled = TemplateGrowthTest.placements("assemble");
        long appended = TemplateGrowthTest.placements("append");
        long ahead = reads("ahead");
        long own = reads("own");

        List<Integer> statuses = post(source, List.of(
                capture(0, "2025-05-11T10:05:00Z"), // between story 0's two captures: its article is re-assembled
                capture(1, "2025-05-11T10:11:00Z"), capture(2, "2025-05-11T10:12:00Z"),
                capture(3, "2025-05-11T10:13:00Z"), capture(4, "2025-05-11T10:14:00Z"),
                capture(1, "2025-05-11T10:15:00Z"), capture(2, "2025-05-11T10:16:00Z"),
                capture(0, "2025-05-11T10:17:00Z"))); // appended to the re-assembled article

        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201), statuses);
        assertEquals(1, TemplateGrowthTest.placements("assemble") - assembled);
        assertEquals(7, TemplateGrowthTest.placements("append") - appended);
        assertEquals(8, reads("ahead") - ahead, "every capture of the batch is placed with its group's reads");
        assertEquals(0, reads("own") - own, "none reads for itself after the re-assembly");
        assertEquals(4, given().queryParam("source", source).get("/api/articles").jsonPath()
                .getInt("items.find { it.url == 'https://harbour.example/news/story-0' }.captureCount"));
        ArchiveShapes.assertAFullRederivationAgrees(source, 14);
    }

    @Test
    void capturesAfterATemplateGrowthInTheirBatchArePlacedWithTheGroupsReadsReadAgain() {
        String source = uniqueSource("read-again");
        post(source, List.of(capture(0, false, "2025-05-11T10:00:00Z")));
        post(source, List.of(capture(1, true, "2025-05-11T10:01:00Z")));
        post(source, List.of(capture(2, true, "2025-05-11T10:02:00Z")));
        post(source, List.of(capture(3, false, "2025-05-11T10:03:00Z")));
        long grown = TemplateGrowthTest.placements("growth");
        long appended = TemplateGrowthTest.placements("append");
        long ahead = reads("ahead");
        long own = reads("own");

        List<Integer> statuses = post(source, List.of(
                capture(4, true, "2025-05-11T10:04:00Z"), // the third article born with the promotion: template
                capture(0, false, "2025-05-11T10:05:00Z"), capture(1, true, "2025-05-11T10:06:00Z"),
                capture(2, true, "2025-05-11T10:07:00Z"), capture(3, false, "2025-05-11T10:08:00Z")));

        assertEquals(List.of(201, 201, 201, 201, 201), statuses);
        assertEquals(1, TemplateGrowthTest.placements("growth") - grown);
        assertEquals(4, TemplateGrowthTest.placements("append") - appended);
        assertEquals(5, reads("ahead") - ahead, "every capture of the batch is placed with its group's reads");
        assertEquals(0, reads("own") - own, "none reads for itself after the template grew");
        ArchiveShapes.assertAFullRederivationAgrees(source, 9);
    }

    private static long reads(String where) {
        return TestArchive.counter("palimpsest_placement_reads_total", "read=\"" + where + "\"");
    }

    private static String capture(int story, String capturedAt) {
        return capture(story, false, capturedAt);
    }

    /** A capture of story {@code n} (with the promotion line in its body when {@code promo}), as an NDJSON line. */
    private static String capture(int story, boolean promo, String capturedAt) {
        return new ObjectMapper().createObjectNode().put("source", "SOURCE")
                .put("url", "https://harbour.example/news/story-" + story).put("capturedAt", capturedAt)
                .put("contentType", "text/plain").put("content", TemplateGrowthTest.page(story, promo)).toString();
    }

    /** Posts the captures as one NDJSON batch; answers each line's status. */
    private static List<Integer> post(String source, List<String> captures) {
        String ndjson = String.join("\n", captures).replace("\"SOURCE\"", "\"" + source + "\"") + "\n";
        return given().header("Authorization", ARCHIVIST).contentType("application/x-ndjson")
                .body(ndjson.getBytes(StandardCharsets.UTF_8)).post("/api/captures/batch").then().statusCode(200)
                .extract().asString().lines().map(line -> JsonPath.from(line).getInt("status")).toList();
    }
}
