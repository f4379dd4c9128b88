package org.palimpsest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.palimpsest.core.placement.GroupPrefetch;

/**
 * A capture's LSH candidates are found through the band index by source and key, however small the source's bands
 * were when the statement was first run on the connection. A plan PostgreSQL made once and kept (a server-prepared
 * statement's generic plan, made while the table was nearly empty and never replaced where no ANALYZE runs) read the
 * source's every band row and filtered them by key: 14.6 ms a single capture in BatchEquivalenceTest, 45 % of its
 * time.
 */
@QuarkusTest
class CandidatePlanTest {
    @Inject
    GroupPrefetch prefetch;

    @Inject
    EntityManager em;

    @Test
    void aSourceThatGrewOnOneConnectionIsStillProbedByKeyNotReadWhole() {
        String source = uniqueSource("band-plan");
        List<Long> keys = LongStream.rangeClosed(1, 32).boxed().toList();
        QuarkusTransaction.begin(); // one transaction: one connection, its statements and their plans
        try {
            bands(source, 1, 20);
            for (int i = 0; i < 12; i++) { // as a source's first captures do
                prefetch.candidates(source, keys);
            }
            bands(source, 1_000, 60_000); // the source grew; no ANALYZE has run since
            long before = heapRowsFetched();
            prefetch.candidates(source, keys);
            long fetched = heapRowsFetched() - before;
            assertTrue(fetched <= 100, "band rows fetched for 32 keys of a source of 59,021 bands: " + fetched);
            // What could keep a stale plan: a statement prepared on the server (pgjdbc names one after five runs).
            // Asked directly, as the plan above goes stale only where the table was nearly empty at the start.
            assertEquals(0L, ((Number) em.createNativeQuery("select count(*) from pg_prepared_statements"
                    + " where statement like 'with candidates as materialized%'").getSingleResult()).longValue(),
                    "the candidates statement is planned for its keys each time, never kept prepared");
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    /** Band rows for keys {@code from..to}, each of a version of its own (none of them a live version row). */
    void bands(String source, long from, long to) {
        em.createNativeQuery("insert into lsh_band (source, band_key, version_id)"
                + " select ?1, k, gen_random_uuid() from generate_series(cast(?2 as bigint), cast(?3 as bigint)) k")
                .setParameter(1, source).setParameter(2, from).setParameter(3, to).executeUpdate();
    }

    /** Rows this transaction has fetched from lsh_band's heap so far (by index and bitmap scans). */
    long heapRowsFetched() {
        return ((Number) em.createNativeQuery("select coalesce(idx_tup_fetch, 0) + coalesce(seq_tup_read, 0)"
                + " from pg_stat_xact_user_tables where relname = 'lsh_band'").getSingleResult()).longValue();
    }
}
