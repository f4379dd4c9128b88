package org.palimpsest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.palimpsest.api.TestArchive.bytes;
import static org.palimpsest.api.TestArchive.post;
import static org.palimpsest.api.TestArchive.samples;
import static org.palimpsest.api.TestArchive.uniqueSource;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.palimpsest.indexer.outbox.OutboxConsumer;

/** Two indexers draining one outbox at once claim disjoint events: every version is indexed exactly once. */
@QuarkusTest
@TestProfile(TwoIndexersTest.ManualIndexing.class)
class TwoIndexersTest {

    public static class ManualIndexing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("palimpsest.index.consumer-enabled", "false", "palimpsest.index.batch-size", "2");
        }
    }

    @Inject
    OutboxConsumer consumer;
    @Inject
    ElasticsearchClient elasticsearch;
    @Inject
    DataSource db;

    @Test
    void twoIndexersOverOneOutboxIndexEachVersionExactlyOnce() throws Exception {
        String source = uniqueSource("two-indexers");
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            versions.add(post(source, bytes(samples().get(i)), "text/plain", "2025-05-11T10:0" + i + ":00Z")
                    .statusCode(201).extract().path("versionId"));
        }
        long pending = count("select count(*) from outbox where done_at is null");
        assertEquals(5, count("select count(*) from outbox o join version v on v.id = o.aggregate_id"
                + " join article a on a.id = v.article_id where a.source = '" + source + "' and o.done_at is null"));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> indexers = List.of(consumer::drain, consumer::drain);
        int drained = 0;
        for (Future<Integer> f : pool.invokeAll(indexers)) {
            drained += f.get();
        }
        pool.shutdown();

        assertEquals(pending, drained, "every pending event was claimed by exactly one indexer");
        assertEquals(0, count("select count(*) from outbox where done_at is null"));
        for (String version : versions) {
            var doc = elasticsearch.get(g -> g.index("palimpsest-versions").id(version), Map.class);
            assertEquals(true, doc.found(), version);
            assertEquals(1L, doc.version(), "version " + version + " was written to the index more than once");
        }
    }

    long count(String sql) throws Exception {
        try (var c = db.getConnection(); var s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
