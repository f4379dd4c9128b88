package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palimpsest.api.TestArchive.ADMIN;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.bytes;
import static org.palimpsest.api.TestArchive.post;
import static org.palimpsest.api.TestArchive.samples;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One event Elasticsearch refuses for good neither blocks the others nor is retried for ever. */
@QuarkusTest
class IndexingPoisonTest {
    static final Duration INDEXED = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource db;

    static int found(String source) {
        return given().queryParam("source", source).queryParam("allVersions", true).get("/api/search").then()
                .statusCode(200).extract().jsonPath().getInt("total");
    }

    @Test
    void aRefusedEventWithManyFailedAttemptsBecomesADeadLetterWhileLaterEventsAreIndexed() throws Exception {
        String poisonSource = uniqueSource("poison");
        String version = post(poisonSource, bytes(samples().get(0)), "text/plain", "2025-05-11T10:00:00Z")
                .statusCode(201).extract().path("versionId");
        Eventually.await(INDEXED, () -> found(poisonSource), n -> n == 1, "the version indexed");
        String intervals;
        long event;
        try (var c = db.getConnection()) {
            try (var st = c.prepareStatement("select cast(intervals as text) from version where id = ?")) {
                st.setObject(1, UUID.fromString(version));
                ResultSet rs = st.executeQuery();
                rs.next();
                intervals = rs.getString(1);
            }
            // A validity interval that ends before it begins: Elasticsearch refuses the document on every attempt.
            try (var st = c.prepareStatement("update version set intervals = cast(? as jsonb) where id = ?")) {
                st.setString(1, "[{\"from\":\"2025-05-12T00:00:00Z\",\"to\":\"2025-05-11T00:00:00Z\"}]");
                st.setObject(2, UUID.fromString(version));
                assertEquals(1, st.executeUpdate());
            }
            // An event that has failed 50 times already: recording the 51st once overflowed PostgreSQL's interval.
            try (var st = c.prepareStatement("insert into outbox (aggregate_id, event, attempts) values (?,"
                    + " 'version-changed', 50) returning id")) {
                st.setObject(1, UUID.fromString(version));
                ResultSet rs = st.executeQuery();
                rs.next();
                event = rs.getLong(1);
            }
        }
        String goodSource = uniqueSource("after-poison");
        post(goodSource, bytes(samples().get(1)), "text/plain", "2025-05-11T11:00:00Z").statusCode(201);
        Eventually.await(INDEXED, () -> found(goodSource), n -> n == 1, "a later version indexed past the poison");

        JsonPath status = Eventually.await(INDEXED, () -> given().header("Authorization", ADMIN).get("/api/admin/indexing").then().statusCode(200)
                .extract().jsonPath(), s -> s.getInt("deadLetters") >= 1, "the refused event set aside");
        assertTrue(status.getString("lastDeadLetter").startsWith("Elasticsearch refused version " + version + ": "),
                status.getString("lastDeadLetter"));
        try (var c = db.getConnection(); var st = c.prepareStatement("select attempts, dead_at from outbox where id = ?")) {
            st.setLong(1, event);
            ResultSet rs = st.executeQuery();
            rs.next();
            assertEquals(51, rs.getInt(1));
            assertNotNull(rs.getTimestamp(2));
        }

        try (var c = db.getConnection(); var st = c.prepareStatement("update version set intervals = cast(? as jsonb)"
                + " where id = ?")) {
            st.setString(1, intervals);
            st.setObject(2, UUID.fromString(version));
            st.executeUpdate();
        }
        given().post("/api/admin/indexing/retry").then().statusCode(401);
        int requeued = given().header("Authorization", ADMIN).post("/api/admin/indexing/retry").then()
                .statusCode(200).extract().path("requeued");
        assertTrue(requeued >= 1);
        Eventually.await(INDEXED, () -> given().header("Authorization", ADMIN).get("/api/admin/indexing").then().extract().jsonPath()
                .getInt("deadLetters"), n -> n == 0, "the dead letter indexed once its cause is fixed");
    }

    @Test
    void versionsTooLargeForOneBulkRequestAreIndexedInSeveralUnderTheServersBodyLimit() {
        // bin/test's Elasticsearch takes request bodies of 2 MB at most; these 60 versions of ~50 KB are 3 MB together
        String source = uniqueSource("bulk-bytes");
        java.util.Random random = new java.util.Random(7);
        String[] words = {"ceasefire", "council", "budget", "harbour", "minister", "river", "court", "school",
                "election", "bridge", "festival", "market", "railway", "hospital", "museum", "forest"};
        StringBuilder batch = new StringBuilder();
        for (int article = 0; article < 60; article++) {
            StringBuilder text = new StringBuilder("Report number " + article + " on the " + words[article % 16]
                    + "\n\n");
            while (text.length() < 50_000) {
                for (int w = 0; w < 30; w++) {
                    text.append(words[random.nextInt(words.length)]).append(random.nextInt(1000)).append(' ');
                }
                text.append(".\n\n");
            }
            batch.append(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("source", source)
                    .put("url", "https://example.org/report-" + article).put("contentType", "text/plain")
                    .put("capturedAt", "2025-05-11T10:00:00Z").put("content", text.toString())).append('\n');
        }
        given().header("Authorization", ARCHIVIST).contentType("application/x-ndjson")
                .body(batch.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/captures/batch")
                .then().statusCode(200);
        assertEquals(60, given().queryParam("source", source).get("/api/articles").jsonPath().getInt("total"));
        Eventually.await(INDEXED, () -> found(source), n -> n == 60, "all 60 versions indexed");
    }
}
