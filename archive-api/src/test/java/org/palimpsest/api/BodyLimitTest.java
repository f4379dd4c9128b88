package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint's body limit holds, whether the body declares its length or not, and is told as a problem that names
 * the setting. The test profile's limits: a capture 64K, a WARC upload 2M, any body 8M.
 */
@QuarkusTest
class BodyLimitTest {
    private static final Path SPOOL = Path.of("target/import-spool");

    /** A request whose head declares {@code length} bytes of body, of which only the first 1,000 are sent. */
    private static String declaring(String method, String target, long length) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: " + ARCHIVIST + "\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(new byte[1_000]);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonPath problem(String response, String statusLine) {
        assertTrue(response.startsWith(statusLine + "\r\n"), response);
        assertTrue(response.toLowerCase().contains("content-type: application/problem+json"), response);
        return JsonPath.from(response.substring(response.indexOf("\r\n\r\n") + 4));
    }

    private static int jobs() {
        return given().queryParam("size", 1).get("/api/imports").jsonPath().getInt("total");
    }

    private static long spooled() throws IOException {
        if (!Files.isDirectory(SPOOL)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(SPOOL)) {
            return files.count();
        }
    }

    @Test
    void aBodyDeclaredPastItsEndpointsLimitIsRefusedAsAProblemBeforeItIsRead() throws IOException {
        int jobsBefore = jobs();
        long spooledBefore = spooled();
        String source = uniqueSource("limits");

        JsonPath capture = problem(declaring("POST", "/api/captures?source=" + source, 70_000),
                "HTTP/1.1 413 Request Entity Too Large");
        assertEquals("the body has 70000 bytes, more than 65536 (palimpsest.capture.max-size): a capture this large is"
                + " refused", capture.getString("detail"));
        assertEquals("https://palimpsest.example/problems/too-large", capture.getString("type"));

        JsonPath upload = problem(declaring("POST", "/api/imports?source=" + source, 3_000_000),
                "HTTP/1.1 413 Request Entity Too Large");
        assertEquals("the body has 3000000 bytes, more than 2097152 (palimpsest.imports.max-size): split the crawl into"
                + " smaller WARC files", upload.getString("detail"));

        JsonPath any = problem(declaring("POST", "/api/captures/batch", 9_000_000),
                "HTTP/1.1 413 Request Entity Too Large");
        assertEquals("the body has 9000000 bytes, more than 8388608 (quarkus.http.limits.max-body-size): batches are"
                + " read a line at a time: send the captures in several batches", any.getString("detail"));

        assertEquals(jobsBefore, jobs());
        assertEquals(spooledBefore, spooled());
        assertEquals(0, given().queryParam("source", source).get("/api/articles").jsonPath().getInt("total"));
    }

    @Test
    void anUploadWithoutALengthIsRefusedOnceItPassesTheLimitAndLeavesNoFileAndNoJob() throws IOException {
        int jobsBefore = jobs();
        long spooledBefore = spooled();
        InputStream unsized = new java.io.BufferedInputStream(new ByteArrayInputStream(new byte[2_200_000])); // sent chunked: no Content-Length
        JsonPath refused = given().header("Authorization", ARCHIVIST).contentType("application/warc").body(unsized)
                .queryParam("source", uniqueSource("limits")).post("/api/imports")
                .then().statusCode(413).contentType("application/problem+json").extract().jsonPath();
        assertEquals("the upload is larger than 2097152 bytes (palimpsest.imports.max-size); nothing was imported:"
                + " split the crawl into smaller WARC files", refused.getString("detail"));
        assertEquals(jobsBefore, jobs());
        assertEquals(spooledBefore, spooled());
    }
}
