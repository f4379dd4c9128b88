package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.READER;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import javax.sql.DataSource;
import org.palimpsest.core.blob.BlobState;
import org.palimpsest.core.blob.BlobStore;
import org.palimpsest.core.digest.ContentDigest;
import org.junit.jupiter.api.Test;

/** Every refusal answers problem+json saying what to fix, and leaves no capture row and no blob behind. */
@QuarkusTest
class CaptureRefusalTest {
    @Inject
    DataSource db;
    @Inject
    BlobStore blobs;

    @Test
    void invalidSourceKeyIsRefused() throws Exception {
        refused(capture("Kyiv Independent", null, "text/plain", unique()), 400,
                "source 'Kyiv Independent' is not a site key: use 1 to 64 lower-case letters, digits and hyphens,"
                        + " not starting or ending with a hyphen, e.g. kyiv-independent");
    }

    @Test
    void missingSourceIsRefused() throws Exception {
        refused(capture(null, null, "text/plain", unique()), 400,
                "source is required: give the site key, e.g. source=kyiv-independent");
    }

    @Test
    void nonHttpUrlIsRefused() throws Exception {
        refused(capture(uniqueSource("url"), null, "text/plain", unique()).queryParam("url", "ftp://example.org/a"),
                400, "url 'ftp://example.org/a' must be an absolute http or https URL");
    }

    @Test
    void overlongUrlIsRefused() throws Exception {
        String url = "https://example.org/a?q=" + "x".repeat(2100);
        refused(capture(uniqueSource("url"), null, "text/plain", unique()).queryParam("url", url), 400,
                "url is 2124 characters long; the archive takes URLs of at most 2048 characters (drop tracking"
                        + " parameters or fragments)");
    }

    @Test
    void unparseableCaptureTimeIsRefused() throws Exception {
        refused(capture(uniqueSource("time"), "yesterday", "text/plain", unique()), 400,
                "capturedAt 'yesterday' is not an ISO-8601 instant: write it like 2025-05-11T09:30:00Z");
    }

    @Test
    void futureCaptureTimeIsRefused() throws Exception {
        byte[] body = unique();
        var response = capture(uniqueSource("future"), "2999-01-01T00:00:00Z", "text/plain", body)
                .post("/api/captures").then().statusCode(400).contentType("application/problem+json")
                .extract();
        assertEquals(true, response.<String>path("detail").startsWith("capturedAt 2999-01-01T00:00:00Z lies in the future"));
        assertNothingStored(body);
    }

    @Test
    void unsupportedMediaTypeIsRefusedWith415() throws Exception {
        refused(capture(uniqueSource("media"), null, "image/png", unique()), 415,
                "Content-Type 'image/png' is not archived: send text/plain or text/html");
    }

    @Test
    void oversizeCaptureIsRefusedWith413() throws Exception {
        byte[] big = new byte[64 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        // its declared length is enough to refuse it, before a byte of it is read
        refused(capture(uniqueSource("big"), null, "text/plain", big), 413,
                "the body has 65537 bytes, more than 65536 (palimpsest.capture.max-size): a capture this large is"
                        + " refused");
    }

    @Test
    void oversizeCaptureSentWithoutALengthIsRefusedWith413AsItIsRead() throws Exception {
        byte[] big = new byte[64 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        lastBody = big;
        refused(given().header("Authorization", ARCHIVIST).queryParam("source", uniqueSource("big-chunked"))
                        .contentType("text/plain").body(new java.io.BufferedInputStream(new java.io.ByteArrayInputStream(big))),
                413, "the capture is larger than the limit of 65536 bytes (palimpsest.capture.max-size)");
    }

    @Test
    void emptyCaptureIsRefused() throws Exception {
        refused(capture(uniqueSource("empty"), null, "text/plain", new byte[0]), 400,
                "the capture is empty: send the captured page's bytes as the request body");
    }

    @Test
    void blankCaptureIsRefused() throws Exception {
        refused(capture(uniqueSource("blank"), null, "text/plain", " \n\t \r\n".getBytes(StandardCharsets.UTF_8)), 400,
                "the capture holds only white space: send the captured page's text");
    }

    @Test
    void writeWithoutTokenIs401() throws Exception {
        byte[] body = unique();
        given().contentType("text/plain").body(body).queryParam("source", "x").post("/api/captures")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"palimpsest\"")
                .body("detail", equalTo("send 'Authorization: Bearer <token>' with a token that has the archivist role"));
        assertNothingStored(body);
    }

    @Test
    void writeWithUnknownTokenIs401() throws Exception {
        byte[] body = unique();
        given().header("Authorization", "Bearer nope").contentType("text/plain").body(body).queryParam("source", "x")
                .post("/api/captures").then().statusCode(401).contentType("application/problem+json");
        assertNothingStored(body);
    }

    @Test
    void writeWithReaderTokenIs403() throws Exception {
        byte[] body = unique();
        given().header("Authorization", READER).contentType("text/plain").body(body).queryParam("source", "x")
                .post("/api/captures").then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("this token lacks the role this request needs: writes need the archivist role"));
        assertNothingStored(body);
    }

    @Test
    void readsAreOpenWithoutToken() {
        given().get("/api/articles").then().statusCode(200);
    }

    @Test
    void healthReportsDatabaseAndElasticsearch() {
        given().get("/q/health").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Elasticsearch cluster health check' }.status", equalTo("UP"));
    }

    @Test
    void openApiDocumentListsTheCaptureEndpoints() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/captures'.post", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/captures/{id}/raw'.get", org.hamcrest.Matchers.notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    private RequestSpecification capture(String source, String capturedAt, String contentType, byte[] body) {
        RequestSpecification r = given().header("Authorization", ARCHIVIST).contentType(contentType).body(body);
        if (source != null) {
            r = r.queryParam("source", source);
        }
        if (capturedAt != null) {
            r = r.queryParam("capturedAt", capturedAt);
        }
        return r.filter((req, res, ctx) -> {
            lastBody = body;
            return ctx.next(req, res);
        });
    }

    private byte[] lastBody;

    private void refused(RequestSpecification request, int status, String detail) throws Exception {
        request.post("/api/captures").then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", org.hamcrest.Matchers.startsWith("https://palimpsest.example/problems/"))
                .body("detail", equalTo(detail));
        assertNothingStored(lastBody);
    }

    private static byte[] unique() {
        return ("Headline " + UUID.randomUUID() + "\n\nA body sentence.\n").getBytes(StandardCharsets.UTF_8);
    }

    private void assertNothingStored(byte[] body) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        try (var c = db.getConnection();
                var s = c.prepareStatement("select (select count(*) from blob where sha256 = ?)"
                        + " + (select count(*) from capture where raw_sha256 = ?)")) {
            s.setString(1, sha);
            s.setString(2, sha);
            try (var r = s.executeQuery()) {
                r.next();
                assertEquals(0, r.getLong(1), "a refused capture left a row or a blob behind");
            }
        }
        assertEquals(BlobState.MISSING, io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> blobs.check(new ContentDigest(sha))), "a refused capture left its bytes behind");
    }
}
