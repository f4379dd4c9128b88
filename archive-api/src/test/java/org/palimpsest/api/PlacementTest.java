package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.palimpsest.api.ArchiveShapes.archiveShape;
import static org.palimpsest.api.ArchiveShapes.assertAFullRederivationAgrees;
import static org.palimpsest.api.ArchiveShapes.assertTimelineFlagsAreTheProvenance;
import static org.palimpsest.api.ArchiveShapes.at;
import static org.palimpsest.api.ArchiveShapes.everything;
import static org.palimpsest.api.ArchiveShapes.text;
import static org.palimpsest.api.TestArchive.ADMIN;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.bytes;
import static org.palimpsest.api.TestArchive.post;
import static org.palimpsest.api.TestArchive.samples;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Placing captures one at a time — appended to an article, the article re-assembled, or the source re-derived when a
 * template change asks for it — writes what a full re-derivation of the source writes.
 */
@QuarkusTest
class PlacementTest {

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

        assertAFullRederivationAgrees(source, 7);
        given().post("/api/admin/sources/" + source + "/rederive").then().statusCode(401);
        given().header("Authorization", ADMIN).post("/api/admin/sources/no-such-source/rederive").then()
                .statusCode(404);
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
        given().header("Authorization", ADMIN).post("/api/admin/sources/" + batch + "/rederive").then()
                .statusCode(204);
        assertEquals(batchShape, archiveShape(batch, 9), "a full re-derivation agrees with the batch's placement");
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

        given().header("Authorization", ADMIN).post("/api/admin/sources/" + source + "/rederive").then()
                .statusCode(204);
        assertEquals(placed, everything(source), "placing each capture as it came wrote what a full re-derivation does");
        assertTimelineFlagsAreTheProvenance(source, 14);
    }
}
