package org.palimpsest.api.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.RolledBack;

/**
 * The indexes a WARC import finds a revisit's original by hold only the captures that came from WARC records (every
 * other capture cost two index insertions no look-up reads), and still answer the importer's look-ups, which bind
 * the record id or payload digest as a parameter.
 */
@QuarkusTest
class WarcLookupIndexTest {
    @Inject
    AgroalDataSource db;

    @Test
    void theWarcLookupIndexesHoldOnlyCapturesFromWarcRecordsAndServeTheImportersLookups() throws SQLException {
        for (String field : List.of("recordId", "payloadSha1")) {
            String index = field.equals("recordId") ? "capture_warc_record" : "capture_warc_payload";
            String expression = "((origin -> 'warc'::text) ->> '" + field + "'::text)";
            assertEquals(List.of("WHERE (" + expression + " IS NOT NULL)"), rows("select substring(indexdef from"
                    + " 'WHERE .*$') from pg_indexes where indexname = '" + index + "'"));
            String plan = String.join("\n", rows("set local enable_seqscan = off",
                    "set local plan_cache_mode = force_generic_plan",
                    "prepare look_up(text) as select raw_sha256 from capture where (origin -> 'warc' ->> '" + field
                            + "') = $1",
                    "explain execute look_up('urn:uuid:0')"));
            rows("deallocate look_up", "select 1"); // a prepared statement outlives the transaction
            assertTrue(plan.contains(" " + index + " "), plan);
        }
    }

    private List<String> rows(String... statements) throws SQLException {
        return RolledBack.rows(db, statements);
    }
}
