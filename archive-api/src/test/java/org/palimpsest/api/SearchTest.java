package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palimpsest.api.TestArchive.ADMIN;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.bytes;
import static org.palimpsest.api.TestArchive.post;
import static org.palimpsest.api.TestArchive.samples;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SearchTest {
    static final Duration INDEXED = Duration.ofSeconds(30);

    static JsonPath search(Map<String, ?> params) {
        return given().queryParams(params).get("/api/search").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitTotal(Map<String, ?> params, int total) {
        return Eventually.await(INDEXED, () -> search(params), r -> r.getInt("total") == total,
                "search " + params + " to find " + total);
    }

    static String base() {
        return new String(bytes(samples().get(0)), StandardCharsets.UTF_8);
    }

    @Test
    void anEditedWordIsFoundInTheNewVersionAndNotAsOfBeforeTheEdit() {
        String source = uniqueSource("search-edit");
        String v1 = post(source, base().getBytes(StandardCharsets.UTF_8), "text/plain", "2025-05-11T10:00:00Z")
                .statusCode(201).extract().path("versionId");
        String v2 = post(source, base().replace("fourth overall", "fourth overall, aboard Zanzibar")
                .getBytes(StandardCharsets.UTF_8), "text/plain", "2025-05-12T10:00:00Z")
                .statusCode(201).extract().path("versionId");
        JsonPath found = awaitTotal(Map.of("q", "zanzibar", "source", source), 1);
        assertEquals(v2, found.getString("hits[0].versionId"));
        assertEquals(2, found.getInt("hits[0].versionNumber"));
        assertTrue(found.getString("hits[0].highlights[0]").contains("<mark>Zanzibar</mark>"));
        assertEquals("2025-05-12T10:00:00Z", found.getString("hits[0].validFrom"));

        assertEquals(0, search(Map.of("q", "zanzibar", "source", source, "asOf", "2025-05-11T23:59:59Z")).getInt("total"));
        assertEquals(1, search(Map.of("q", "zanzibar", "source", source, "asOf", "2025-05-12T10:00:00Z")).getInt("total"));
        JsonPath before = search(Map.of("q", "Biden", "source", source, "asOf", "2025-05-11T12:00:00Z"));
        assertEquals(List.of(v1), before.getList("hits.versionId"));
        JsonPath all = awaitTotal(Map.of("q", "Biden", "source", source, "allVersions", "true", "sort", "newest"), 2);
        assertEquals(List.of(v2, v1), all.getList("hits.versionId"));
        assertEquals(List.of(v2), search(Map.of("q", "Biden", "source", source)).getList("hits.versionId"));
    }

    @Test
    void facetsCountBySourceAndMonthAndBooleanWordsWork() {
        String source = uniqueSource("search-facets");
        for (int i = 0; i < 5; i++) {
            post(source, bytes(samples().get(i)), "text/plain", "2025-0" + (i < 3 ? 4 : 5) + "-1" + i + "T10:00:00Z")
                    .statusCode(201);
        }
        JsonPath all = awaitTotal(Map.of("source", source), 5);
        assertEquals(List.of(Map.of("key", source, "count", 5)), all.getList("facets.sources"));
        assertEquals(List.of(Map.of("key", "2025-04", "count", 3), Map.of("key", "2025-05", "count", 2)),
                all.getList("facets.months"));
        assertEquals(1, search(Map.of("source", source, "q", "Stoltenberg AND Lecornu")).getInt("total"));
        assertEquals(0, search(Map.of("source", source, "q", "Stoltenberg AND NOT Lecornu")).getInt("total"));
        assertEquals(2, search(Map.of("source", source, "q", "Stoltenberg OR Aleysk")).getInt("total"));
        assertEquals(1, search(Map.of("source", source, "q", "\"Normandy Format\"")).getInt("total"));
        assertEquals(3, search(Map.of("source", source, "to", "2025-04-30T00:00:00Z")).getInt("total"));
    }

    @Test
    void malformedQueriesAreProblemsNeverServerErrors() {
        given().queryParam("q", "\"unclosed AND (( OR -").get("/api/search").then().statusCode(200);
        given().queryParam("asOf", "yesterday").get("/api/search").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("asOf 'yesterday' is not an ISO-8601 instant: write it like 2025-05-11T09:30:00Z"));
        given().queryParam("sort", "random").get("/api/search").then().statusCode(400)
                .body("detail", equalTo("sort 'random' is not known: use relevance or newest"));
        given().queryParam("asOf", "2025-05-11T00:00:00Z").queryParam("allVersions", true).get("/api/search")
                .then().statusCode(400);
        given().queryParam("size", 1000).get("/api/search").then().statusCode(400)
                .body("detail", equalTo("size 1000 is out of range: use 1 to 100"));
    }

    @Test
    void aReindexLeavesResultsIdenticalAndNoSearchFailsMeanwhile() throws Exception {
        String source = uniqueSource("search-reindex");
        for (int i = 0; i < 5; i++) {
            post(source, bytes(samples().get(i)), "text/plain", "2025-05-11T10:0" + i + ":00Z").statusCode(201);
        }
        Map<String, String> query = Map.of("source", source, "q", "Ukraine", "sort", "newest");
        JsonPath before = awaitTotal(query, 5);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Integer> searches = pool.submit(() -> {
            int n = 0;
            while (running.get()) {
                assertEquals(5, search(query).getInt("total"), "a search during the reindex");
                n++;
            }
            return n;
        });
        given().header("Authorization", ADMIN).post("/api/admin/reindex").then().statusCode(200);
        running.set(false);
        assertTrue(searches.get() > 0);
        pool.shutdown();
        JsonPath after = search(query);
        assertEquals(before.getList("hits.versionId"), after.getList("hits.versionId"));
        assertEquals(before.getList("hits.highlights"), after.getList("hits.highlights"));
        given().post("/api/admin/reindex").then().statusCode(401);
    }

    @Test
    void indexingStatusShowsTheBacklog() {
        given().header("Authorization", ADMIN).get("/api/admin/indexing").then().statusCode(200)
                .body("backlog", org.hamcrest.Matchers.greaterThanOrEqualTo(0))
                .body("failing", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
    }
}
