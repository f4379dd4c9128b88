package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palimpsest.api.TestArchive.ADMIN;
import static org.palimpsest.api.TestArchive.bytes;
import static org.palimpsest.api.TestArchive.post;
import static org.palimpsest.api.TestArchive.samples;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reads from the PostgreSQL hot standby bin/test starts ({@code bin/postgres replica start 5433},
 * {@code PALIMPSEST_TEST_REPLICA_DB_URL}): the read endpoints answer from it while it keeps up, from the primary when it
 * falls further behind than the bound (its replay paused) or goes down, and from it again once it is back.
 */
@QuarkusTest
@TestProfile(ReplicaReadsTest.WithReplica.class)
class ReplicaReadsTest {
    static final String REPLICA = System.getenv().getOrDefault("PALIMPSEST_TEST_REPLICA_DB_URL",
            "jdbc:postgresql://127.0.0.1:5433/palimpsest_test");
    static final String REPLICA_PORT = System.getenv().getOrDefault("PALIMPSEST_TEST_REPLICA_PORT", "5433");
    static final Duration MAX_LAG = Duration.ofSeconds(3);

    public static class WithReplica implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("palimpsest.replica.enabled", "true", "quarkus.datasource.replica.jdbc.url", REPLICA,
                    "palimpsest.replica.max-lag", MAX_LAG.toSeconds() + "S", "palimpsest.replica.check-every", "100MS");
        }
    }

    @Test
    void readsComeFromTheReplicaWhileItKeepsUpAndFromThePrimaryWhenItIsBehindOrDown() throws Exception {
        awaitState("STREAMING");

        // Caught up: an article just written is read from the replica once it has replayed it.
        String sourceA = uniqueSource("replica-a");
        String a = post(sourceA, bytes(samples().get(0)), "text/plain", "2026-01-01T10:00:00Z").statusCode(201)
                .extract().path("articleId");
        long before = replicaReads();
        Eventually.await(Duration.ofSeconds(10), () -> given().get("/api/articles/" + a).statusCode(), s -> s == 200,
                "the replica to have the new article");
        assertTrue(replicaReads() > before, "the article was read from the replica");

        // Replay paused: the next article is on the primary only, and the replica, still within its bound, answers
        // for it: not there yet, in the article endpoint and in exports alike.
        replica("select pg_wal_replay_pause()");
        try {
            String sourceB = uniqueSource("replica-b");
            String b = post(sourceB, bytes(samples().get(1)), "text/plain", "2026-01-02T10:00:00Z").statusCode(201)
                    .extract().path("articleId");
            assertEquals(404, given().get("/api/articles/" + b).statusCode(),
                    "read from the replica, which has not replayed the article");
            assertEquals("", exported(sourceB), "exported from the replica, which has not replayed the article");

            // Past the bound: reads go to the primary, which has it; health says why, and stays up.
            JsonPath lagging = awaitState("LAGGING");
            assertTrue(lagging.getLong("lagMillis") > MAX_LAG.toMillis(), lagging.prettify());
            assertEquals(false, lagging.getBoolean("servesReads"));
            long primaryBefore = lagging.getLong("readsFromPrimary");
            given().get("/api/articles/" + b).then().statusCode(200).body("articleId", equalTo(b));
            assertTrue(exported(sourceB).contains(b), "the export read from the primary");
            assertTrue(admin().getLong("readsFromPrimary") >= primaryBefore + 2);
            JsonPath health = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
            assertEquals("LAGGING", health.getString(
                    "checks.find { it.name == 'PostgreSQL read replica' }.data.state"));
        } finally {
            replica("select pg_wal_replay_resume()");
        }

        // Caught up again: back to the replica.
        awaitState("STREAMING");
        long replicaBefore = replicaReads();
        given().get("/api/articles/" + a).then().statusCode(200);
        assertEquals(replicaBefore + 1, replicaReads());

        // Down: every read goes to the primary, writes go on.
        script("stop");
        try {
            awaitState("DOWN");
            String sourceC = uniqueSource("replica-c");
            String c = post(sourceC, bytes(samples().get(2)), "text/plain", "2026-01-03T10:00:00Z").statusCode(201)
                    .extract().path("articleId");
            given().get("/api/articles/" + c).then().statusCode(200);
            given().get("/api/articles/" + a).then().statusCode(200);
            assertEquals("DOWN", given().get("/q/health/ready").then().statusCode(200).extract().jsonPath()
                    .getString("checks.find { it.name == 'PostgreSQL read replica' }.data.state"));
        } finally {
            script("start");
        }
        awaitState("STREAMING");
    }

    private static JsonPath admin() {
        return given().header("Authorization", ADMIN).get("/api/admin/replica").then().statusCode(200).extract()
                .jsonPath();
    }

    private static long replicaReads() {
        return admin().getLong("readsFromReplica");
    }

    private static JsonPath awaitState(String state) {
        return Eventually.await(Duration.ofSeconds(30), ReplicaReadsTest::admin,
                s -> state.equals(s.getString("state")), "the replica to be " + state);
    }

    private static String exported(String source) {
        return given().queryParam("source", source).get("/api/exports").then().statusCode(200).extract().asString();
    }

    private static void replica(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(REPLICA.replaceAll("/[^/]*$", "/postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** bin/postgres replica start|stop on the test's port: the replica as a real server going away and coming back. */
    private static void script(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of("..", "bin", "postgres").toString(), "replica", command, REPLICA_PORT)
                .inheritIO().start();
        assertEquals(0, p.waitFor(), "bin/postgres replica " + command);
    }
}
