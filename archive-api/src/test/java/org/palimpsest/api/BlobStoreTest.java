package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palimpsest.api.TestArchive.ADMIN;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.blobKey;
import static org.palimpsest.api.TestArchive.gunzip;
import static org.palimpsest.api.TestArchive.sha256;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Raw bytes live in the file store, not in PostgreSQL: written before their capture row commits, checked against
 * their digest on every read, audited for fixity, moved out of the database by a migration, and refused with 503 —
 * never a capture row without its bytes — when the store cannot write.
 */
@QuarkusTest
class BlobStoreTest {
    @Inject
    DataSource db;

    private static Path root() {
        return Path.of(ConfigProvider.getConfig().getValue("palimpsest.blobs.directory", String.class))
                .toAbsolutePath().normalize();
    }

    private static Path fileOf(String sha) {
        return root().resolve(blobKey(sha));
    }

    private static byte[] unique(String what) {
        return ("Headline " + what + " " + UUID.randomUUID() + "\n\nA body sentence about " + what + ".\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String capture(String source, byte[] body) {
        return given().header("Authorization", ARCHIVIST).contentType("text/plain").body(body)
                .queryParam("source", source).queryParam("capturedAt", "2025-05-11T10:00:00Z")
                .post("/api/captures").then().statusCode(201).extract().path("captureId");
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void aCapturesBytesAreAGzipFileUnderTheirDigestAndNotADatabaseRow() throws Exception {
        byte[] body = unique("files");
        String id = capture(uniqueSource("blobs"), body);
        String sha = sha256(body);

        assertArrayEquals(body, gunzip(Files.readAllBytes(fileOf(sha))));
        assertEquals(0, TestArchive.count(db, "select count(*) from blob where sha256 = ?", sha));
        try (Stream<Path> left = Files.list(fileOf(sha).getParent())) {
            assertEquals(List.of(), left.filter(p -> p.toString().endsWith(".tmp")).toList(), "temporary files left");
        }
        assertArrayEquals(body, given().get("/api/captures/" + id + "/raw").then().statusCode(200)
                .extract().asByteArray());
    }

    @Test
    void bytesThatFailTheirDigestAreNotServedAndTheFixityAuditNamesEveryBadBlob() throws Exception {
        String source = uniqueSource("fixity");
        byte[] tampered = unique("tampered");
        byte[] lost = unique("lost");
        String tamperedId = capture(source, tampered);
        String lostId = capture(source, lost);
        Path tamperedFile = fileOf(sha256(tampered));
        Path lostFile = fileOf(sha256(lost));
        byte[] goodTampered = Files.readAllBytes(tamperedFile);
        byte[] goodLost = Files.readAllBytes(lostFile);
        try {
            Files.write(tamperedFile,
                    gzip("Headline changed behind the archive's back\n".getBytes(StandardCharsets.UTF_8)));
            Files.delete(lostFile);

            given().get("/api/captures/" + tamperedId + "/raw").then().statusCode(500)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://palimpsest.example/problems/corrupt"))
                    .body("detail", equalTo("the stored bytes under sha256 " + sha256(tampered) + " fail their fixity"
                            + " check (the bytes have sha256 " + sha256("Headline changed behind the archive's back\n"
                            .getBytes(StandardCharsets.UTF_8)) + "): they are not served; an operator restores them"
                            + " from a copy (POST /api/admin/fixity lists every such blob)"));

            given().header("Authorization", ADMIN).post("/api/admin/fixity").then().statusCode(202)
                    .header("Location", org.hamcrest.Matchers.endsWith("/api/admin/fixity"));
            JsonPath report = Eventually.await(Duration.ofSeconds(60),
                    () -> given().header("Authorization", ADMIN).get("/api/admin/fixity").then().statusCode(200)
                            .extract().jsonPath(),
                    r -> "DONE".equals(r.getString("state")), "the fixity audit to finish");

            List<Map<String, String>> problems = report.getList("problems");
            assertTrue(problems.contains(Map.of("captureId", tamperedId, "sha256", sha256(tampered), "role", "CONTENT",
                    "state", "CORRUPT")), "the tampered blob in " + problems);
            assertTrue(problems.contains(Map.of("captureId", lostId, "sha256", sha256(lost), "role", "CONTENT",
                    "state", "MISSING")), "the lost blob in " + problems);
            assertEquals(report.getLong("capturesTotal"), report.getLong("capturesChecked"));
            assertEquals(report.getLong("blobsChecked"),
                    report.getLong("intact") + report.getLong("missing") + report.getLong("corrupt"));
            assertEquals(problems.size(), report.getLong("missing") + report.getLong("corrupt"));
        } finally {
            Files.write(tamperedFile, goodTampered);
            Files.write(lostFile, goodLost);
        }
        assertArrayEquals(tampered, given().get("/api/captures/" + tamperedId + "/raw").then().statusCode(200)
                .extract().asByteArray());
    }

    @Test
    void aStoreThatCannotWriteRefusesTheCaptureWith503AndLeavesNoCaptureRow() throws Exception {
        String source = uniqueSource("store-down");
        capture(source, unique("before")); // the source exists, the store works
        byte[] body = unique("while-down");
        Path root = root();
        Path aside = root.resolveSibling(root.getFileName() + ".aside");
        Files.move(root, aside);
        Files.writeString(root, "not a directory: the store cannot write under it");
        try {
            given().header("Authorization", ARCHIVIST).contentType("text/plain").body(body)
                    .queryParam("source", source).queryParam("capturedAt", "2025-05-11T11:00:00Z")
                    .post("/api/captures").then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "30")
                    .body("detail", equalTo("the blob store cannot write bytes right now, so nothing of this request"
                            + " was stored: send it again once the store is writable (an operator sees why in the"
                            + " log)"));
            assertEquals(0, TestArchive.count(db, "select count(*) from capture where raw_sha256 = ?", sha256(body)));
        } finally {
            Files.delete(root);
            Files.move(aside, root);
        }
        capture(source, body); // the same capture, sent again once the store is back
        assertArrayEquals(body, gunzip(Files.readAllBytes(fileOf(sha256(body)))));
    }

    @Test
    void blobsLeftInTheDatabaseAreServedUntilTheMigrationMovesThemOutAndCorruptOnesStay() throws Exception {
        byte[] body = unique("legacy");
        String id = capture(uniqueSource("migration"), body);
        String sha = sha256(body);
        Path file = fileOf(sha);
        byte[] corruptBody = unique("corrupt-row");
        String corruptSha = sha256(corruptBody);
        try (var c = db.getConnection();
                var s = c.prepareStatement("insert into blob (sha256, size, compression, data)"
                        + " values (?, ?, 'gzip', ?)")) {
            // As the archive stored bytes before they moved out: a row, no file.
            s.setString(1, sha);
            s.setLong(2, body.length);
            s.setBytes(3, Files.readAllBytes(file));
            s.executeUpdate();
            s.setString(1, corruptSha);
            s.setLong(2, corruptBody.length);
            s.setBytes(3, gzip("not what the digest says".getBytes(StandardCharsets.UTF_8)));
            s.executeUpdate();
        }
        Files.delete(file);
        try {
            assertArrayEquals(body, given().get("/api/captures/" + id + "/raw").then().statusCode(200)
                    .extract().asByteArray(), "served from the database before the migration");

            given().header("Authorization", ADMIN).post("/api/admin/blobs/migration").then().statusCode(202);
            JsonPath status = Eventually.await(Duration.ofSeconds(60),
                    () -> given().header("Authorization", ADMIN).get("/api/admin/blobs").then().statusCode(200)
                            .extract().jsonPath(),
                    s -> "DONE".equals(s.getString("migration.state")), "the migration to finish");

            assertTrue(status.getString("store").startsWith("filesystem "), status.prettify());
            assertEquals(List.of(corruptSha), status.getList("migration.corrupt"));
            assertEquals(1, status.getLong("databaseRows"), "only the corrupt row stays");
            assertEquals(0, TestArchive.count(db, "select count(*) from blob where sha256 = ?", sha));
            assertArrayEquals(body, gunzip(Files.readAllBytes(file)));
            assertFalse(Files.exists(fileOf(corruptSha)), "a corrupt row is never moved as if it were good");
            assertArrayEquals(body, given().get("/api/captures/" + id + "/raw").then().statusCode(200)
                    .extract().asByteArray());
        } finally {
            try (var c = db.getConnection(); var s = c.prepareStatement("delete from blob where sha256 = ?")) {
                s.setString(1, corruptSha);
                s.executeUpdate();
            }
        }
    }
}
