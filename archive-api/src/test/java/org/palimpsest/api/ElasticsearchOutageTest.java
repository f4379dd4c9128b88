package org.palimpsest.api;

import static org.palimpsest.api.TestArchive.ADMIN;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.palimpsest.api.TestArchive.bytes;
import static org.palimpsest.api.TestArchive.post;
import static org.palimpsest.api.TestArchive.samples;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real outage: the test stops the Elasticsearch process that bin/test started, ingests, starts it again, and
 * finds every version, with no manual step.
 */
@QuarkusTest
class ElasticsearchOutageTest {
    static final Path ROOT = Path.of(System.getProperty("palimpsest.root", ".."));
    static final String PORT = "9201";

    @Test
    void ingestKeepsWorkingWhileElasticsearchIsDownAndEverythingIsSearchableAfter() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse("testcontainers".equals(System.getProperty(ArchiveServers.SERVERS)),
                "Elasticsearch is a container here: this test stops the server bin/elasticsearch started");
        TestArchive.requireTool(Files.exists(ROOT.resolve(".palimpsest/elasticsearch-" + PORT + "/pid")),
                "Elasticsearch was not started by bin/elasticsearch here, so this test cannot stop it");
        String source = uniqueSource("outage");
        try {
            script("stop");
            post(source, bytes(samples().get(0)), "text/plain", "2025-05-11T10:00:00Z").statusCode(201);
            post(source, bytes(samples().get(4)), "text/plain", "2025-05-11T10:01:00Z").statusCode(201);
            JsonPath status = Eventually.await(Duration.ofSeconds(30),
                    () -> given().header("Authorization", ADMIN).get("/api/admin/indexing").then().statusCode(200).extract().jsonPath(),
                    s -> s.getLong("backlog") >= 2 && s.getString("lastError") != null,
                    "the outbox to hold the versions and report the failure");
            assertEquals(true, status.getLong("failing") >= 1);
            given().get("/q/health").then().statusCode(503);
            given().queryParam("q", "ceasefire").get("/api/search").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "30")
                    .body("detail", org.hamcrest.Matchers.allOf(
                            org.hamcrest.Matchers.startsWith("search is unavailable right now, so this search cannot"
                                    + " run ("),
                            org.hamcrest.Matchers.endsWith("the archive itself is not affected: retrieval, ingest and"
                                    + " exports without q keep working. Try again in a minute")));
        } finally {
            script("start");
        }
        JsonPath found = Eventually.await(Duration.ofSeconds(60),
                () -> given().queryParams(Map.of("source", source)).get("/api/search").then().extract().jsonPath(),
                r -> r.getInt("total") == 2, "both versions to become searchable after the restart");
        assertEquals(2, found.getList("hits").size());
        given().get("/q/health").then().statusCode(200);
    }

    private static void script(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ROOT.resolve("bin/elasticsearch").toString(), command, PORT)
                .directory(ROOT.toFile()).inheritIO().start();
        assertEquals(0, p.waitFor(), "bin/elasticsearch " + command + " " + PORT);
    }
}
