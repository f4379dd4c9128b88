package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.uniqueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.stat.EntityStatistics;
import org.junit.jupiter.api.Test;
import org.palimpsest.core.store.ArticleEntity;
import org.palimpsest.core.store.SourceEntity;
import org.palimpsest.core.store.VersionEntity;

/**
 * A batch's captures of one source change their articles, versions and the source's template counts in memory and
 * write each changed row once, when the group is written: an article captured three times in a batch is updated once,
 * not three times, and a new version is inserted whole, not inserted and then updated. (Hibernate's statistics are on
 * in the test profile.)
 */
@QuarkusTest
class GroupWritesTest {
    @Inject
    SessionFactory sessions;
    @Inject
    AgroalDataSource db;

    @Test
    void aBatchWritesEachArticleVersionAndTemplateItChangesOnce() {
        String source = uniqueSource("group-writes");
        post(source, List.of(capture(0, "2025-05-11T10:00:00Z")));
        post(source, List.of(capture(1, "2025-05-11T10:01:00Z")));
        post(source, List.of(capture(2, "2025-05-11T10:02:00Z"))); // the promotion is template from here on
        long[] before = writes();

        List<Integer> statuses = post(source, List.of(
                capture(3, "2025-05-11T10:03:00Z"), capture(4, "2025-05-11T10:04:00Z"), // new: the promotion's count
                capture(0, "2025-05-11T10:05:00Z"), capture(1, "2025-05-11T10:06:00Z"),
                capture(2, "2025-05-11T10:07:00Z"), capture(0, "2025-05-11T10:08:00Z"),
                capture(1, "2025-05-11T10:09:00Z"), capture(2, "2025-05-11T10:10:00Z"),
                capture(0, CORRECTION, "2025-05-11T10:11:00Z"))); // a second version of story 0

        assertEquals(NINE_CREATED, statuses);
        long[] after = writes();
        assertEquals(2, after[0] - before[0], "articles inserted");
        assertEquals(3, after[1] - before[1], "articles updated: each of the three captured again, once");
        assertEquals(3, after[2] - before[2], "versions inserted: two first versions and story 0's second, whole");
        assertEquals(3, after[3] - before[3], "versions updated: each of the three captured again, once");
        assertEquals(1, after[4] - before[4], "the source's template counts, written once");
        assertEquals(2, given().queryParam("source", source).get("/api/articles").jsonPath()
                .getInt("items.find { it.url == 'https://harbour.example/news/story-0' }.versionCount"));
        assertEquals(5, given().get("/api/sources/" + source + "/template").then().statusCode(200).extract()
                .jsonPath().getInt("bodyLines.find { it.text == '" + TemplateGrowthTest.PROMO + "' }.articles"));
        ArchiveShapes.assertAFullRederivationAgrees(source, 12);
    }

    @Test
    void aGroupsArticleAndVersionUpdatesGoToTheDatabaseAsOneBatchEach() {
        String source = uniqueSource("group-batches");
        post(source, List.of(capture(0, "2025-05-11T10:00:00Z"), capture(1, "2025-05-11T10:01:00Z"),
                capture(2, "2025-05-11T10:02:00Z")));
        long[] before = writes();

        List<String> prepared = StatementTexts.prepared(() -> post(source, List.of(
                capture(0, "2025-05-11T11:00:00Z"), capture(1, "2025-05-11T11:01:00Z"),
                capture(2, "2025-05-11T11:02:00Z"), capture(0, "2025-05-11T11:03:00Z"),
                capture(1, "2025-05-11T11:04:00Z"), capture(2, "2025-05-11T11:05:00Z"),
                capture(3, "2025-05-11T11:06:00Z"), capture(4, "2025-05-11T11:07:00Z"),
                capture(0, CORRECTION, "2025-05-11T11:08:00Z"))), statuses -> assertEquals(NINE_CREATED, statuses));

        long[] after = writes();
        assertEquals(3, after[1] - before[1], "articles updated");
        assertEquals(3, after[3] - before[3], "versions updated");
        assertEquals(List.of(1L, 1L), List.of(count(prepared, "update article "), count(prepared, "update version ")),
                "statements prepared for the three article updates and the three version updates: " + prepared);
        ArchiveShapes.assertAFullRederivationAgrees(source, 12);
    }

    @Test
    void aGroupsNewTemplateLinesGoToTheDatabaseInOneStatementAndEqualWhatAFullDerivationWrites()
            throws SQLException {
        String source = uniqueSource("group-lines");
        post(source, List.of(capture(0, "2025-05-11T10:00:00Z"), capture(1, "2025-05-11T10:01:00Z"),
                capture(2, "2025-05-11T10:02:00Z")));

        List<String> prepared = StatementTexts.prepared(() -> post(source, List.of(
                capture(3, "2025-05-11T11:00:00Z"), capture(0, "2025-05-11T11:01:00Z"), // new; no line new to 0
                capture(4, "2025-05-11T11:02:00Z"), capture(0, CORRECTION, "2025-05-11T11:03:00Z"), // new; a line
                capture(2, CORRECTION, "2025-05-11T11:04:00Z"), capture(1, "2025-05-11T11:05:00Z"))),
                statuses -> assertEquals(List.of(201, 201, 201, 201, 201, 201), statuses));

        assertEquals(1, count(prepared, "insert into template_line ("),
                "the lines new to four articles, written as one statement: " + prepared);
        List<String> lines = templateLines(source);
        ArchiveShapes.assertAFullRederivationAgrees(source, 9);
        assertEquals(templateLines(source), lines, "each article's lines, and those it was born with");
    }

    /** The source's template line rows: zone, line, article and whether the article was born with it. */
    private List<String> templateLines(String source) throws SQLException {
        return RolledBack.rows(db, "select zone || ' ' || line_hash || ' ' || article_id || ' ' || born_with"
                + " from template_line where source = '" + source + "' order by 1");
    }

    private static final List<Integer> NINE_CREATED = List.of(201, 201, 201, 201, 201, 201, 201, 201, 201);

    private static long count(List<String> statements, String prefix) {
        return statements.stream().filter(s -> s.startsWith(prefix)).count();
    }

    /** Rows inserted and updated so far: articles, versions (each inserted, updated), the source's updates. */
    private long[] writes() {
        EntityStatistics articles = entity(ArticleEntity.class);
        EntityStatistics versions = entity(VersionEntity.class);
        return new long[] {articles.getInsertCount(), articles.getUpdateCount(), versions.getInsertCount(),
                versions.getUpdateCount(), entity(SourceEntity.class).getUpdateCount()};
    }

    private EntityStatistics entity(Class<?> type) {
        return sessions.getStatistics().getEntityStatistics(type.getName());
    }

    private static final String CORRECTION = "A correction: the vote was taken on Tuesday, not Monday.\n";

    private static String capture(int story, String capturedAt) {
        return capture(story, "", capturedAt);
    }

    /** A capture of story {@code n}, the promotion line in its body, with {@code added} at its end, as an NDJSON line. */
    private static String capture(int story, String added, String capturedAt) {
        return new ObjectMapper().createObjectNode().put("source", "SOURCE")
                .put("url", "https://harbour.example/news/story-" + story).put("capturedAt", capturedAt)
                .put("contentType", "text/plain").put("content", TemplateGrowthTest.page(story, true) + added)
                .toString();
    }

    /** Posts the captures as one NDJSON batch; answers each line's status. */
    private static List<Integer> post(String source, List<String> captures) {
        String ndjson = String.join("\n", captures).replace("\"SOURCE\"", "\"" + source + "\"") + "\n";
        return given().header("Authorization", ARCHIVIST).contentType("application/x-ndjson")
                .body(ndjson.getBytes(StandardCharsets.UTF_8)).post("/api/captures/batch").then().statusCode(200)
                .extract().asString().lines().map(line -> JsonPath.from(line).getInt("status")).toList();
    }
}
