package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palimpsest.api.TestArchive.ADMIN;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.blobKey;
import static org.palimpsest.api.TestArchive.gunzip;
import static org.palimpsest.api.TestArchive.sha256;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The archive with its bytes in S3 — the real S3 API server bin/test starts (s3proxy on 127.0.0.1:9401,
 * {@code PALIMPSEST_TEST_S3_ENDPOINT}): captures' bytes become objects, read back checked, audited, and the
 * database's blobs move into the bucket.
 */
@QuarkusTest
@TestProfile(S3BlobStoreApiTest.InS3.class)
class S3BlobStoreApiTest {
    static final String ENDPOINT = System.getenv().getOrDefault("PALIMPSEST_TEST_S3_ENDPOINT", "http://127.0.0.1:9401");
    static final String BUCKET = "palimpsest-test-" + UUID.randomUUID().toString().substring(0, 8);

    public static class InS3 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("palimpsest.blobs.store", "s3", "palimpsest.blobs.s3.endpoint", ENDPOINT,
                    "palimpsest.blobs.s3.bucket", BUCKET, "palimpsest.blobs.s3.access-key", "palimpsest",
                    "palimpsest.blobs.s3.secret-key", "palimpsest-secret");
        }
    }

    @Inject
    DataSource db;

    private S3Client s3;

    @BeforeEach
    void connect() {
        URI endpoint = URI.create(ENDPOINT);
        boolean up;
        try (Socket s = new Socket(endpoint.getHost(), endpoint.getPort())) {
            up = true;
        } catch (IOException e) {
            up = false;
        }
        TestArchive.requireTool(up, "an S3 server at " + ENDPOINT + " (bin/s3 start 9401)");
        s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .endpointOverride(endpoint).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("palimpsest", "palimpsest-secret")))
                .build();
    }

    private static byte[] unique(String what) {
        return ("Headline " + what + " " + UUID.randomUUID() + "\n\nA sentence about " + what + ".\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String capture(byte[] body) {
        return given().header("Authorization", ARCHIVIST).contentType("text/plain").body(body)
                .queryParam("source", uniqueSource("s3")).queryParam("capturedAt", "2025-05-11T10:00:00Z")
                .post("/api/captures").then().statusCode(201).extract().path("captureId");
    }

    @Test
    void aCapturesBytesAreAnObjectInTheBucketAndAuditIntact() throws Exception {
        byte[] body = unique("object");
        String id = capture(body);
        String key = blobKey(sha256(body));

        assertArrayEquals(body, gunzip(s3.getObjectAsBytes(g -> g.bucket(BUCKET).key(key)).asByteArray()));
        assertArrayEquals(body, given().get("/api/captures/" + id + "/raw").then().statusCode(200)
                .extract().asByteArray());
        assertEquals(0, TestArchive.count(db, "select count(*) from blob where sha256 = ?", sha256(body)));

        given().header("Authorization", ADMIN).post("/api/admin/fixity").then().statusCode(202);
        // The audit checks every capture of the test database (all the tests' captures, over 11,000 by now), each a
        // request to the S3 server: it took just over a minute in one CI run, so it is given five minutes.
        JsonPath report = Eventually.await(Duration.ofMinutes(5),
                () -> given().header("Authorization", ADMIN).get("/api/admin/fixity").then().statusCode(200)
                        .extract().jsonPath(),
                r -> "DONE".equals(r.getString("state")), "the fixity audit to finish");
        assertEquals("s3 " + ENDPOINT + "/" + BUCKET, report.getString("store"));
        List<Map<String, String>> problems = report.getList("problems");
        assertTrue(problems.stream().noneMatch(p -> p.get("captureId").equals(id)), problems.toString());
        assertEquals(report.getLong("capturesTotal"), report.getLong("capturesChecked"));
    }

    @Test
    void theDatabasesBlobsMoveIntoTheBucket() throws Exception {
        byte[] body = unique("moving");
        String id = capture(body);
        String sha = sha256(body);
        byte[] stored = s3.getObjectAsBytes(g -> g.bucket(BUCKET).key(blobKey(sha))).asByteArray();
        try (var c = db.getConnection();
                var s = c.prepareStatement("insert into blob (sha256, size, compression, data)"
                        + " values (?, ?, 'gzip', ?)")) {
            s.setString(1, sha);
            s.setLong(2, body.length);
            s.setBytes(3, stored);
            s.executeUpdate();
        }
        s3.deleteObject(d -> d.bucket(BUCKET).key(blobKey(sha))); // as before the bytes moved out: a row, no object
        assertTrue(absent(sha));
        assertArrayEquals(body, given().get("/api/captures/" + id + "/raw").then().statusCode(200)
                .extract().asByteArray(), "read from the database until moved");

        given().header("Authorization", ADMIN).post("/api/admin/blobs/migration").then().statusCode(202);
        Eventually.await(Duration.ofSeconds(60),
                () -> given().header("Authorization", ADMIN).get("/api/admin/blobs").then().statusCode(200)
                        .extract().jsonPath(),
                s -> "DONE".equals(s.getString("migration.state")), "the migration to finish");

        assertEquals(0, TestArchive.count(db, "select count(*) from blob where sha256 = ?", sha));
        assertArrayEquals(body, gunzip(s3.getObjectAsBytes(g -> g.bucket(BUCKET).key(blobKey(sha))).asByteArray()));
        assertArrayEquals(body, given().get("/api/captures/" + id + "/raw").then().statusCode(200)
                .extract().asByteArray());
    }

    private boolean absent(String sha) {
        try {
            s3.headObject(h -> h.bucket(BUCKET).key(blobKey(sha)));
            return false;
        } catch (NoSuchKeyException e) {
            return true;
        }
    }
}
