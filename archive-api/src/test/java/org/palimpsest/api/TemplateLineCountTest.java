package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palimpsest.api.TestArchive.ADMIN;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.bytes;
import static org.palimpsest.api.TestArchive.post;
import static org.palimpsest.api.TestArchive.samples;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The per-line article counts that placement reads stay equal to the rows they count, on every path. */
@QuarkusTest
class TemplateLineCountTest {
    @Inject
    AgroalDataSource db;

    Map<String, Integer> query(String sql, String source) throws SQLException {
        Map<String, Integer> out = new TreeMap<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, source);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1) + r.getString(2), r.getInt(3));
                }
            }
        }
        return out;
    }

    void assertCountsMatchRows(String source) throws SQLException {
        Map<String, Integer> rows = query("select zone, line_hash, count(*) from template_line where source = ?"
                + " group by zone, line_hash", source);
        Map<String, Integer> counts = query("select zone, line_hash, articles from template_line_count"
                + " where source = ? and articles > 0", source);
        assertTrue(rows.size() > 50, "lines of " + source + ": " + rows.size());
        assertEquals(rows, counts);
        Map<String, Integer> bornWith = query("select zone, line_hash, count(*) filter (where born_with)"
                + " from template_line where source = ? group by zone, line_hash", source);
        Map<String, Integer> bornWithCounts = query("select zone, line_hash, born_with from template_line_count"
                + " where source = ? and articles > 0", source);
        assertEquals(bornWith, bornWithCounts, "articles born with each line");
        assertTrue(bornWith.values().stream().anyMatch(n -> n == 0), "the edited capture's new line was gained");
    }

    @Test
    void countsEqualTheRowsAfterIncrementalPlacementAndAfterAWholeSourceRederivation() throws SQLException {
        String source = uniqueSource("line-counts");
        for (int i = 0; i < samples().size(); i++) {
            post(source, bytes(samples().get(i)), "text/plain", "2025-05-1" + i + "T10:00:00Z").statusCode(201);
        }
        String edited = new String(bytes(samples().get(0)), StandardCharsets.UTF_8).replace("fourth overall", "fifth");
        post(source, edited.getBytes(StandardCharsets.UTF_8), "text/plain", "2025-05-19T10:00:00Z").statusCode(201);
        assertCountsMatchRows(source);

        given().header("Authorization", ADMIN).post("/api/admin/sources/" + source + "/rederive")
                .then().statusCode(204);
        assertCountsMatchRows(source);
    }

    /**
     * Placement reads and replaces the template lines of the articles a batch touches by article (the statements of
     * TemplateLines.linesOf, which held reads through, and replaceOf); the primary key leads with the line, so without
     * an index by article each such statement walked every row of the source. A source of 2,000 articles of 20 lines
     * each, most shared (as template lines are), written and rolled back.
     */
    @Test
    void anArticlesTemplateLinesAreFoundByTheArticleNotByWalkingTheSource() throws SQLException {
        String source = uniqueSource("line-reads");
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("insert into template_line (source, zone, line_hash, article_id, born_with)"
                        + " select '" + source + "', 'B', md5((k + i % 50)::text), md5('a' || i)::uuid, true"
                        + " from generate_series(1, 2000) i, generate_series(1, 20) k");
                s.execute("analyze template_line");
                String articles = "md5('a1')::uuid, md5('a2')::uuid, md5('a3')::uuid";
                for (String statement : new String[] {
                        "select article_id, zone, line_hash from template_line where source = '" + source
                                + "' and article_id in (" + articles + ")",
                        "delete from template_line where source = '" + source + "' and article_id in (" + articles
                                + ")"}) {
                    StringBuilder plan = new StringBuilder();
                    try (ResultSet r = s.executeQuery("explain " + statement)) {
                        while (r.next()) {
                            plan.append(r.getString(1)).append('\n');
                        }
                    }
                    assertTrue(plan.toString().contains(" on template_line_article"), statement + "\n" + plan);
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }
}
