package org.palimpsest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palimpsest.core.placement.TemplateLines;

/**
 * Whether a source has a live article found by similarity is answered from the partial index that holds only those
 * articles, not by reading every live article key of the source (a LIKE prefix the unique index on (source,
 * identity_key) cannot answer unless the database's collation is C): 29.6 ms a question at 1M captures before.
 */
@QuarkusTest
class ArticleSimilarityIndexTest {
    @Inject
    AgroalDataSource db;

    @Test
    void theSimilarityQuestionIsAnsweredFromItsPartialIndexAndFindsOnlyLiveSimilarityArticles() throws SQLException {
        String source = "similarity-index-" + UUID.randomUUID();
        String question = TemplateLines.FOUND_BY_SIMILARITY.replace("?1", "$1");
        // A source with 2,000 live articles found by URL: the plan must still read the small index, whatever the size.
        String sourceRow = "insert into source (key) values ('" + source + "')";
        String articles = "insert into article (id, source, identity_key, superseded_by, headline, capture_count,"
                + " version_count, first_captured_at, last_captured_at) select gen_random_uuid(), '" + source + "', %s,"
                + " %s, 'A headline', 1, 1, now(), now() from generate_series(1, %d) g";
        String plan = String.join("\n", rows(sourceRow,
                String.format(articles, "'url:https://example.org/' || g", "null", 2000),
                "set local enable_seqscan = off",
                "set local plan_cache_mode = force_generic_plan",
                "prepare question(text) as " + question,
                "explain execute question('" + source + "')"));
        rows("deallocate question", "select 1"); // a prepared statement outlives the transaction
        assertTrue(plan.contains(" article_found_by_similarity "), plan);

        String ask = question.replace("$1", "'" + source + "'");
        assertEquals(List.of(), rows(sourceRow, String.format(articles, "'url:https://example.org/' || g", "null", 3),
                ask));
        assertEquals(List.of(), rows(sourceRow, String.format(articles, "'sim:' || g", "gen_random_uuid()", 3), ask),
                "a superseded article found by similarity is not live");
        assertEquals(List.of("1"), rows(sourceRow, String.format(articles, "'sim:' || g", "null", 1), ask));
    }

    private List<String> rows(String... statements) throws SQLException {
        return RolledBack.rows(db, statements);
    }
}
