package org.palimpsest.api.imports;

import static io.restassured.RestAssured.given;
import static org.palimpsest.api.TestArchive.ARCHIVIST;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.palimpsest.api.Eventually;

/** Imports through the API, and what they made of the archive. */
public final class Imports {
    private Imports() {
    }

    /** Uploads a file for import into {@code source} and waits for its job to end. */
    public static JsonPath importFile(String source, String name, byte[] file) {
        String location = given().header("Authorization", ARCHIVIST).contentType("application/warc").body(file)
                .queryParam("source", source).queryParam("name", name).post("/api/imports")
                .then().statusCode(202).extract().header("Location");
        return Eventually.await(Duration.ofSeconds(60), () -> given().get(location).then().statusCode(200).extract()
                .jsonPath(), j -> !j.getString("status").equals("running"), "the import to end");
    }

    /** Every capture of the source as {@code GET /api/captures/{id}} shows it, oldest first. */
    public static List<JsonPath> captures(String source) {
        List<JsonPath> captures = new ArrayList<>();
        for (String article : given().queryParam("source", source).queryParam("size", 500).get("/api/articles")
                .jsonPath().<String>getList("items.articleId")) {
            JsonPath a = given().get("/api/articles/" + article).jsonPath();
            for (Map<String, Object> v : a.<Map<String, Object>>getList("timeline")) {
                for (Object c : (List<?>) v.get("captures")) {
                    String id = (String) ((Map<?, ?>) c).get("captureId");
                    captures.add(given().get("/api/captures/" + id).then().statusCode(200).extract().jsonPath());
                }
            }
        }
        captures.sort(Comparator.comparing((JsonPath c) -> c.getString("capturedAt"))
                .thenComparing(c -> c.getString("url")));
        return captures;
    }

    /** Each capture as "capturedAt url rawSha256". */
    public static List<String> summary(List<JsonPath> captures) {
        return captures.stream().map(c -> c.getString("capturedAt") + " " + c.getString("url") + " "
                + c.getString("rawSha256")).toList();
    }
}
