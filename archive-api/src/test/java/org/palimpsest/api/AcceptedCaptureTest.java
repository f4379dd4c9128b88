package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.palimpsest.core.capture.CaptureOrigin;
import org.palimpsest.core.json.Json;

/**
 * Captures sent with {@code Prefer: respond-async} are answered 202 once they are durable in the inbox, and placed
 * afterwards by the inbox's drain through the bulk path: the same captures, articles and versions as when the client
 * waits, under the ids the client was promised.
 */
@QuarkusTest
class AcceptedCaptureTest {
    private static final Duration PLACED_WITHIN = Duration.ofSeconds(30);
    @Inject
    DataSource db;

    @Test
    void capturesAcceptedToBePlacedLaterBecomeTheCapturesTheClientWouldHaveWaitedFor() throws Exception {
        String waited = uniqueSource("waited");
        String accepted = uniqueSource("accepted");
        List<Path> samples = TestArchive.samples();
        List<String> promised = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            String at = "2025-05-1" + i + "T09:30:00Z";
            byte[] body = TestArchive.bytes(samples.get(i));
            post(waited, body, at, false).statusCode(201);
            ExtractableResponse<Response> r = post(accepted, body, at, true).statusCode(202)
                    .header("Preference-Applied", "respond-async").extract();
            String id = r.path("captureId");
            assertEquals("/api/captures/" + id, r.header("Location"));
            assertEquals("pending", r.path("status"));
            assertEquals(accepted, r.path("source"));
            promised.add(id);
        }
        for (int i = 0; i < samples.size(); i++) {
            JsonPath now = placed(promised.get(i));
            assertEquals(promised.get(i), now.getString("captureId"));
            JsonPath then = given().get("/api/captures/" + capturesOf(waited).get(i)).then().statusCode(200)
                    .extract().jsonPath();
            for (String field : List.of("rawSha256", "capturedAt", "versionNumber", "newVersion",
                    "provenance.digests.contentSha256", "provenance.origin.channel", "provenance.capturedAtOrigin")) {
                assertEquals(then.getString(field), now.getString(field), field + " of sample " + i);
            }
        }
        assertEquals(capturesOf(waited).size(), capturesOf(accepted).size());
        assertEquals(0, TestArchive.count(db, "select count(*) from capture_inbox where source = ?", accepted));
    }

    @Test
    void anAcceptedCaptureThatRepeatsAStoredOneSendsItsReaderToThatCapture() {
        String source = uniqueSource("repeat");
        byte[] body = unique();
        String stored = post(source, body, "2025-05-11T09:30:00Z", false).statusCode(201).extract().path("captureId");
        String promised = post(source, body, "2025-05-11T09:30:00Z", true).statusCode(202).extract().path("captureId");
        Eventually.await(PLACED_WITHIN, () -> given().redirects().follow(false).get("/api/captures/" + promised)
                .then().extract(), r -> r.statusCode() != 202, "the repeat to be placed");
        given().redirects().follow(false).get("/api/captures/" + promised).then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/captures/" + stored));
    }

    @Test
    void aCaptureTheArchiveRefusesIsRefusedWhenSentNotAccepted() throws Exception {
        byte[] body = unique();
        given().header("Authorization", ARCHIVIST).header("Prefer", "respond-async").contentType("text/plain")
                .body(body).post("/api/captures").then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.equalTo(
                        "source is required: give the site key, e.g. source=kyiv-independent"));
        assertEquals(0, TestArchive.count(db, "select count(*) from capture_inbox where content = convert_to(?, 'UTF8')",
                new String(body, StandardCharsets.UTF_8)));
    }

    @Test
    void aCaptureLeftInTheInboxByANodeThatStoppedIsPlaced() throws Exception {
        String source = uniqueSource("left");
        UUID id = UUID.randomUUID();
        insertAccepted(id, source, "2025-05-11T09:30:00Z", unique());
        JsonPath placed = placed(id.toString()); // no wake-up: found by the drain's poll
        assertEquals(source, placed.getString("source"));
        assertEquals("2025-05-11T09:30:00Z", placed.getString("capturedAt"));
    }

    @Test
    void anAcceptedCaptureRefusedWhenPlacedAnswersItsProblemAtItsAddress() throws Exception {
        UUID id = UUID.randomUUID();
        insertAccepted(id, "Not A Key", "2025-05-11T09:30:00Z", unique()); // as an older node might have taken it
        ExtractableResponse<Response> r = Eventually.await(PLACED_WITHIN, () -> given().get("/api/captures/" + id)
                .then().extract(), x -> x.statusCode() != 202, "the capture to be placed");
        assertEquals(400, r.statusCode());
        assertEquals("application/problem+json", r.contentType());
        assertEquals(true, r.<String>path("detail").matches("the capture accepted at \\S+ was not stored: source"
                + " 'Not A Key' is not a site key: .*"), r.<String>path("detail"));
        assertEquals(0, TestArchive.count(db, "select count(*) from capture where id = cast(? as uuid)", id.toString()));
        ExtractableResponse<Response> inbox = given().header("Authorization", TestArchive.ADMIN)
                .get("/api/admin/inbox").then().statusCode(200).extract();
        assertEquals(true, inbox.<Integer>path("refused") >= 1, inbox.asString());
        assertEquals(true, inbox.<Integer>path("waiting") >= 0 && inbox.<Float>path("lagSeconds") >= 0, inbox.asString());
        given().header("Authorization", ARCHIVIST).get("/api/admin/inbox").then().statusCode(403);
    }

    @Test
    void anAcceptedCaptureTheDatabaseCannotStoreWaitsAndIsPlacedOnceItCanWhileTheOthersArePlacedAtOnce()
            throws Exception {
        String source = uniqueSource("outage");
        String poison = "https://" + source + ".example/a";
        TestArchive.asOwner("create function refuse_inbox() returns trigger language plpgsql as $$ begin"
                + " if new.url = '" + poison + "' then raise exception 'refused by the test'; end if;"
                + " return new; end $$");
        TestArchive.asOwner("create trigger refuse_inbox before insert on capture for each row execute function"
                + " refuse_inbox()");
        String held;
        try {
            held = post(source, unique(), "2025-05-11T09:30:00Z", true).statusCode(202).extract().path("captureId");
            String other = given().header("Authorization", ARCHIVIST).header("Prefer", "respond-async")
                    .contentType("text/plain").body(unique()).queryParam("source", source)
                    .queryParam("url", "https://" + source + ".example/b").queryParam("capturedAt", "2025-05-11T09:31:00Z")
                    .post("/api/captures").then().statusCode(202).extract().path("captureId");
            assertEquals(other, placed(other).getString("captureId"));
            given().get("/api/captures/" + held).then().statusCode(202).body("status",
                    org.hamcrest.Matchers.equalTo("pending"));
        } finally {
            TestArchive.asOwner("drop trigger refuse_inbox on capture");
            TestArchive.asOwner("drop function refuse_inbox()");
        }
        assertEquals(poison, placed(held).getString("url")); // tried again after palimpsest.capture.inbox.retry-after
    }

    @Test
    void aCaptureNeverSentIsNotFound() {
        given().get("/api/captures/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse post(String source, byte[] body, String capturedAt,
            boolean async) {
        var request = given().header("Authorization", ARCHIVIST).contentType("text/plain; charset=utf-8").body(body)
                .queryParam("source", source).queryParam("url", "https://" + source + ".example/a")
                .queryParam("capturedAt", capturedAt);
        return (async ? request.header("Prefer", "respond-async") : request).post("/api/captures").then();
    }

    /** The capture under {@code id} once the drain placed it. */
    private static JsonPath placed(String id) {
        return Eventually.await(PLACED_WITHIN, () -> given().get("/api/captures/" + id).then().extract(),
                r -> r.statusCode() != 202, "capture " + id + " to be placed").response().then().statusCode(200)
                .extract().jsonPath();
    }

    /** The ids of a source's captures, in capture-time order. */
    private List<String> capturesOf(String source) throws Exception {
        List<String> ids = new ArrayList<>();
        try (var c = db.getConnection(); var s = c.prepareStatement("select id from capture where source = ?"
                + " order by captured_at")) {
            s.setString(1, source);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** A row in the inbox as accepting writes it, not claimed by any node. */
    private void insertAccepted(UUID id, String source, String capturedAt, byte[] content) throws Exception {
        try (var c = db.getConnection(); var s = c.prepareStatement("insert into capture_inbox (id, source, url,"
                + " captured_at, content_type, content, origin, received_at) values (?, ?, ?, ?, 'text/plain', ?,"
                + " cast(? as jsonb), now())")) {
            s.setObject(1, id);
            s.setString(2, source);
            s.setString(3, "https://example.org/left/" + id);
            s.setString(4, capturedAt);
            s.setBytes(5, content);
            s.setString(6, Json.write(CaptureOrigin.upload("test-archivist")));
            s.executeUpdate();
        }
    }

    private static byte[] unique() {
        return ("A capture of its own " + UUID.randomUUID() + "\n\nIts only paragraph, long enough to be an"
                + " article's text.\n").getBytes(StandardCharsets.UTF_8);
    }
}
