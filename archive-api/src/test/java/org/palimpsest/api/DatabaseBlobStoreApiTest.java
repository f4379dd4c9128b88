package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.gunzip;
import static org.palimpsest.api.TestArchive.sha256;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The archive with its bytes in PostgreSQL's {@code blob} table: every byte value stored and served as sent. */
@QuarkusTest
@TestProfile(DatabaseBlobStoreApiTest.InTheDatabase.class)
class DatabaseBlobStoreApiTest {
    public static class InTheDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("palimpsest.blobs.store", "database");
        }
    }

    @Inject
    DataSource db;

    @Test
    void aCapturesBytesAreARowOfTheBlobTableAndServedExactly() throws Exception {
        byte[] body = new byte[512]; // every byte value, twice: nothing read as text or escaped on the way
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        String line = "{\"source\":\"" + uniqueSource("database-blobs") + "\",\"url\":\"https://harbour.example/b\","
                + "\"capturedAt\":\"2025-05-11T10:00:00Z\",\"contentType\":\"text/plain; charset=iso-8859-1\","
                + "\"contentBase64\":\"" + Base64.getEncoder().encodeToString(body) + "\"}\n";
        JsonPath stored = given().header("Authorization", ARCHIVIST).contentType("application/x-ndjson")
                .body(line.getBytes(StandardCharsets.UTF_8)).post("/api/captures/batch").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(201, stored.getInt("status"), stored.prettify());
        String id = stored.getString("captureId");

        assertArrayEquals(body, given().get("/api/captures/" + id + "/raw").then().statusCode(200).extract()
                .asByteArray());
        try (var c = db.getConnection();
                var s = c.prepareStatement("select size, compression, data from blob where sha256 = ?")) {
            s.setString(1, sha256(body));
            try (var rows = s.executeQuery()) {
                rows.next();
                assertEquals(512, rows.getLong("size"));
                assertEquals("gzip", rows.getString("compression"));
                assertArrayEquals(body, gunzip(rows.getBytes("data")));
            }
        }
    }
}
