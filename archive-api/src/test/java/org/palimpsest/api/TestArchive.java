package org.palimpsest.api;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** Helpers for tests that talk to the running archive: sample captures, unique sources, authenticated posts. */
public final class TestArchive {
    public static final String ARCHIVIST = "Bearer test-archivist-token";
    public static final String READER = "Bearer test-reader-token";
    public static final String ADMIN = "Bearer test-admin-token";

    private TestArchive() {
    }

    /**
     * A test that needs an outside tool or server: skipped where it is missing — except under CI ({@code CI=true},
     * set by .ci/run), where bin/test must have provided it, so a missing one fails instead of passing unnoticed.
     */
    public static void requireTool(boolean present, String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            org.junit.jupiter.api.Assertions.assertTrue(present, message + " (CI=true: bin/test must provide it)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(present, message);
    }

    /** A source key no other test uses. */
    public static String uniqueSource(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static List<Path> samples() {
        Path dir = Path.of(System.getProperty("palimpsest.samples", "../docs/samples"));
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SHA-256 of the bytes, lower-case hex, as the archive names blobs. */
    public static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Where the blob store keeps the blob with this SHA-256: {@code ab/cd/abcd….gz}, in files and in S3. */
    public static String blobKey(String sha256) {
        return sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256 + ".gz";
    }

    public static byte[] gunzip(byte[] bytes) {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The single number a query with one text parameter answers (a count), read from the archive's database. */
    public static long count(javax.sql.DataSource db, String sql, String parameter) throws java.sql.SQLException {
        try (var c = db.getConnection(); var s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Runs a statement (DDL) as the schema's owner: the API's own role may not change the schema. */
    public static void asOwner(String sql) throws java.sql.SQLException {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try (var c = java.sql.DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class)); var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A counter of this node's {@code /q/metrics}: the sum of the series of {@code metric} with {@code label}. */
    public static long counter(String metric, String label) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(metric + "{") && l.contains(label))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    public static ValidatableResponse post(String source, byte[] body, String contentType, String capturedAt) {
        var request = given().header("Authorization", ARCHIVIST).contentType(contentType).body(body)
                .queryParam("source", source);
        if (capturedAt != null) {
            request = request.queryParam("capturedAt", capturedAt);
        }
        return request.post("/api/captures").then();
    }
}
