package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.palimpsest.api.TestArchive.bytes;
import static org.palimpsest.api.TestArchive.samples;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reading a source back as served, to compare two archives (or one before and after a re-derivation) exactly. */
final class ArchiveShapes {
    private ArchiveShapes() {
    }

    static String text(int sample) {
        return new String(bytes(samples().get(sample)), StandardCharsets.UTF_8);
    }

    static String at(int minute) {
        return String.format("2025-05-11T10:%02d:00Z", minute);
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

    /**
     * Re-derives the source whole (as an admin) and finds its {@code captures} captures placed as before: the same
     * articles, digests and version numbers, with the same article and version ids.
     */
    static void assertAFullRederivationAgrees(String source, int captures) {
        Map<String, String> shape = archiveShape(source, captures);
        Map<String, String> ids = versionIds(source);
        given().header("Authorization", TestArchive.ADMIN).post("/api/admin/sources/" + source + "/rederive").then()
                .statusCode(204);
        assertEquals(shape, archiveShape(source, captures), "a full re-derivation places every capture the same");
        assertEquals(ids, versionIds(source), "with the same article and version ids");
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
}
