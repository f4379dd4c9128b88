package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A version's two large columns, its paragraphs and its MinHash signature, are written with its row and left out of
 * the updates Hibernate batches; when either changes later it is still written: the paragraphs when an earlier
 * capture of the same canonical text becomes the version's first, the signature of a version filed without one.
 */
@QuarkusTest
class VersionColumnsTest {
    private static final String URL = "https://harbour.example/news/ferry";
    private static final String STRAIGHT = "Council approves the new harbour ferry\n\n"
            + "The council's vote on Tuesday was \"unanimous\", the mayor said after the meeting.\n\n"
            + "The ferry will run every hour from the old quay to the island from next spring.\n";

    @Inject
    AgroalDataSource db;

    @Test
    void anEarlierCaptureOfTheSameTextInOtherTypographyGivesItsVersionItsParagraphs() {
        String source = uniqueSource("typography");
        String curly = STRAIGHT.replace("council's", "council\u2019s").replace("\"unanimous\"",
                "\u201cunanimous\u201d");
        JsonPath later = post(source, STRAIGHT, "2025-05-11T10:10:00Z");
        JsonPath earlier = post(source, curly, "2025-05-11T10:05:00Z");

        assertEquals(later.getString("versionId"), earlier.getString("versionId"), "one canonical text, one version");
        List<String> paragraphs = given().get("/api/articles/" + earlier.getString("articleId") + "/versions/"
                + earlier.getString("versionId")).then().statusCode(200).extract().path("paragraphs");
        assertEquals(List.of("The council\u2019s vote on Tuesday was \u201cunanimous\u201d, the mayor said after the"
                + " meeting.", "The ferry will run every hour from the old quay to the island from next spring."),
                paragraphs, "the paragraphs of the version's first capture, now the earlier one");
        ArchiveShapes.assertAFullRederivationAgrees(source, 2);
    }

    @Test
    void aVersionFiledWithoutASignatureGetsItWhenItsArticleIsPlacedAgain() throws SQLException {
        String source = uniqueSource("signature");
        String version = post(source, STRAIGHT, "2025-05-11T10:00:00Z").getString("versionId");
        byte[] signature = signature(version);
        execute("update version set signature = null where id = cast(? as uuid)", version);
        execute("delete from lsh_band where version_id = cast(? as uuid)", version);

        assertEquals(version, post(source, STRAIGHT, "2025-05-11T11:00:00Z").getString("versionId"));

        assertEquals(512, signature.length);
        assertArrayEquals(signature, signature(version));
        ArchiveShapes.assertAFullRederivationAgrees(source, 2);
    }

    private static JsonPath post(String source, String text, String capturedAt) {
        return given().header("Authorization", ARCHIVIST).contentType("text/plain").queryParam("source", source)
                .queryParam("url", URL).queryParam("capturedAt", capturedAt)
                .body(text.getBytes(StandardCharsets.UTF_8)).post("/api/captures").then().statusCode(201)
                .extract().jsonPath();
    }

    private byte[] signature(String version) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select signature from version where id = cast(? as uuid)")) {
            s.setString(1, version);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    private void execute(String sql, String parameter) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            s.executeUpdate();
        }
    }
}
