package org.palimpsest.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.palimpsest.core.capture.StoredRepeats;

/**
 * Whether a group's captures repeat stored ones is found through the identity index by source, URL, digest and time,
 * however few captures the source had when the statement was first run on the connection. A plan PostgreSQL made
 * once and kept (a server-prepared statement's generic plan, made while the table was nearly empty and never
 * replaced where no ANALYZE runs) read the source's every capture and matched them in a hash: 1.39 ms a group on
 * average in BatchEquivalenceTest, its most costly statement.
 */
@QuarkusTest
class RepeatPlanTest {
    @Inject
    StoredRepeats repeats;

    @Inject
    EntityManager em;

    @Test
    void aSourceThatGrewOnOneConnectionIsStillProbedByIdentityNotReadWhole() {
        String source = uniqueSource("repeat-plan");
        List<StoredRepeats.Identity> group = IntStream.range(0, 10).mapToObj(i -> new StoredRepeats.Identity(
                "https://" + source + ".example/" + i, "%064d".formatted(i), minute(i), false)).toList();
        QuarkusTransaction.begin(); // one transaction: one connection, its statements and their plans
        try {
            em.createNativeQuery("insert into source (key) values (?1)").setParameter(1, source).executeUpdate();
            captures(source, 0, 20);
            for (int i = 0; i < 12; i++) { // as a source's first groups do
                repeats.of(source, group);
            }
            captures(source, 20, 30_000); // the source grew; no ANALYZE has run since
            long before = heapRowsFetched();
            UUID[] found = repeats.of(source, group);
            long fetched = heapRowsFetched() - before;
            assertArrayEquals(new UUID[] {id(0), id(1), id(2), id(3), id(4), id(5), id(6), id(7), id(8), id(9)},
                    found, "each capture of the group repeats the stored capture of its identity");
            assertTrue(fetched <= 100, "captures fetched for a group of 10 of a source of 30,000: " + fetched);
            assertEquals(0L, ((Number) em.createNativeQuery("select count(*) from pg_prepared_statements"
                    + " where statement like 'select k.i - 1 as i, c.id as id from unnest%'").getSingleResult())
                    .longValue(), "the repeat look-up is planned for its captures each time, never kept prepared");
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    /** Captures {@code from..to-1} of the source: URL {@code /n}, digest {@code n}, the n-th minute of 2025. */
    void captures(String source, int from, int to) {
        em.createNativeQuery("insert into capture (id, source, url, captured_at, captured_at_origin, ingested_at,"
                + " raw_sha256, raw_size, content_type, origin, extracted) select"
                + " cast(lpad(to_hex(n), 32, '0') as uuid), ?1, 'https://' || ?1 || '.example/' || n,"
                + " timestamptz '2025-01-01T00:00:00Z' + n * interval '1 minute', 'REQUEST', now(),"
                + " lpad(n::text, 64, '0'), 1, 'text/plain', '{}', '{}' from generate_series(?2, ?3) n")
                .setParameter(1, source).setParameter(2, from).setParameter(3, to - 1).executeUpdate();
    }

    static Instant minute(int n) {
        return Instant.parse("2025-01-01T00:00:00Z").plusSeconds(60L * n);
    }

    static UUID id(int n) {
        return UUID.fromString("00000000-0000-0000-0000-%012x".formatted(n));
    }

    /** Rows this transaction has fetched from capture's heap so far (by index and bitmap scans). */
    long heapRowsFetched() {
        return ((Number) em.createNativeQuery("select coalesce(idx_tup_fetch, 0) + coalesce(seq_tup_read, 0)"
                + " from pg_stat_xact_user_tables where relname = 'capture'").getSingleResult()).longValue();
    }
}
