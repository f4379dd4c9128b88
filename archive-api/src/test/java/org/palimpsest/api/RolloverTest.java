package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palimpsest.api.TestArchive.ADMIN;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.uniqueSource;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The search index rolled over behind its alias (Elasticsearch's {@code _rollover}, on the server bin/test starts): new
 * versions go to the new write index, a version already in the old one is updated there (never copied into the new
 * one), searches see both, and a reindex puts everything back behind one index.
 */
@QuarkusTest
@TestProfile(RolloverTest.OwnAlias.class)
class RolloverTest {
    static final String ALIAS = "rollover-test-" + UUID.randomUUID().toString().substring(0, 8);

    public static class OwnAlias implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("palimpsest.index.alias", ALIAS);
        }
    }

    @Inject
    ElasticsearchClient elasticsearch;

    @Test
    void afterARolloverNewVersionsGoToTheNewIndexAndOldOnesAreUpdatedWhereTheyAre() {
        String source = uniqueSource("rollover");
        String url = "https://rollover.example/harbour";
        JsonPath first = capture(source, url, "2026-03-01T10:00:00Z", "Harbour news",
                "The harbour reopened on Sunday after repairs.");
        String v1 = first.getString("versionId");
        String article = first.getString("articleId");
        awaitDocument(v1, d -> true);

        JsonPath rolled = given().header("Authorization", ADMIN).post("/api/admin/rollover").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(true, rolled.getBoolean("rolledOver"));
        assertEquals(ALIAS + "-v1", rolled.getString("oldIndex"));
        assertEquals(ALIAS + "-v2", rolled.getString("newIndex"));
        assertEquals(List.of(ALIAS + "-v1", ALIAS + "-v2"), rolled.getList("indices"));

        // A new version of the same article: the first version's document (no longer current) is updated in v1.
        JsonPath second = capture(source, url, "2026-03-02T10:00:00Z", "Harbour news",
                "The harbour reopened on Sunday after repairs. The ferry returns on Monday.");
        String v2 = second.getString("versionId");
        assertEquals(article, second.getString("articleId"));
        assertTrue(!v1.equals(v2), "a new version");
        String other = capture(source, "https://rollover.example/bridge", "2026-03-02T11:00:00Z", "Bridge news",
                "The old bridge closes for a year of repairs.").getString("versionId");

        List<Hit<Map>> firstHits = awaitDocument(v1, d -> Boolean.FALSE.equals(d.get("current")));
        assertEquals(1, firstHits.size(), "the first version is in one index only");
        assertEquals(ALIAS + "-v1", firstHits.get(0).index());
        assertEquals(ALIAS + "-v2", awaitDocument(v2, d -> true).get(0).index());
        assertEquals(ALIAS + "-v2", awaitDocument(other, d -> true).get(0).index());

        // Searches go to every index behind the alias: the current version (in v2), every version (one in each), and
        // the version the article had before the second capture (in v1).
        assertEquals(List.of(v2), search(source, Map.of()));
        List<String> all = search(source, Map.of("allVersions", "true"));
        assertEquals(2, all.size(), all.toString());
        assertEquals(Set.of(v1, v2), Set.copyOf(all));
        assertEquals(List.of(v1), search(source, Map.of("asOf", "2026-03-01T12:00:00Z")));

        // A reindex puts every version back behind one index, once.
        given().header("Authorization", ADMIN).post("/api/admin/reindex").then().statusCode(200);
        for (String version : List.of(v1, v2, other)) {
            List<Hit<Map>> hits = awaitDocument(version, d -> true);
            assertEquals(1, hits.size(), version);
            assertEquals(ALIAS + "-v3", hits.get(0).index());
        }
    }

    private static List<String> search(String source, Map<String, String> params) {
        return given().queryParam("q", "harbour").queryParam("source", source).queryParams(params).get("/api/search")
                .then().statusCode(200).extract().jsonPath().getList("hits.versionId");
    }

    private static JsonPath capture(String source, String url, String at, String headline, String text) {
        return given().header("Authorization", ARCHIVIST).contentType("text/plain")
                .body((headline + "\n\n" + text).getBytes(StandardCharsets.UTF_8)).queryParam("source", source)
                .queryParam("url", url).queryParam("capturedAt", at).post("/api/captures").then().statusCode(201)
                .extract().jsonPath();
    }

    /** Every document of the version behind the alias, once one of them satisfies {@code ready}. */
    @SuppressWarnings("rawtypes")
    private List<Hit<Map>> awaitDocument(String versionId, java.util.function.Predicate<Map> ready) {
        return Eventually.await(Duration.ofSeconds(30), () -> {
            try {
                elasticsearch.indices().refresh(r -> r.index(ALIAS));
                return elasticsearch.search(s -> s.index(ALIAS).query(q -> q.term(t -> t.field("versionId")
                        .value(versionId))), Map.class).hits().hits();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, hits -> !hits.isEmpty() && hits.stream().anyMatch(h -> ready.test(h.source())),
                "the document of version " + versionId);
    }
}
