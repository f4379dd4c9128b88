package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.palimpsest.indexer.index.VersionIndex;

/** A failure of the search engine is the archive's fault, told as a 502 problem, never a 400 about the input. */
@QuarkusTest
class SearchFailureTest {
    @Inject
    ElasticsearchClient elasticsearch;
    @Inject
    VersionIndex index;

    @Test
    void aSearchOnAClosedIndexIsA502ProblemSayingWhatStillWorks() throws Exception {
        List<String> backing = List.copyOf(elasticsearch.indices().getAlias(a -> a.name(index.alias())).result()
                .keySet());
        elasticsearch.indices().close(c -> c.index(backing));
        try {
            JsonPath problem = given().queryParam("q", "ceasefire").get("/api/search").then().statusCode(502)
                    .contentType("application/problem+json").extract().jsonPath();
            assertEquals("https://palimpsest.example/problems/upstream-failed", problem.getString("type"));
            assertEquals("Bad gateway", problem.getString("title"));
            assertEquals("the search engine failed this search (index_closed_exception: closed); the archive itself"
                    + " is not affected: retrieval, ingest and exports without q keep working. This is a fault of the"
                    + " archive's search index, not of the request: tell its operator", problem.getString("detail"));
        } finally {
            elasticsearch.indices().open(o -> o.index(backing));
            elasticsearch.cluster().health(h -> h.index(backing).waitForStatus(HealthStatus.Yellow)
                    .timeout(t -> t.time("30s")));
        }
        given().queryParam("q", "ceasefire").get("/api/search").then().statusCode(200);
    }
}
