package org.palimpsest.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.indexer.index.IndexConfig;
import org.palimpsest.indexer.index.IndexingException;
import org.palimpsest.indexer.index.VersionDocument;
import org.palimpsest.indexer.index.VersionIndex;
import org.palimpsest.indexer.search.SearchQuery;
import org.palimpsest.indexer.search.SearchResult;
import org.palimpsest.indexer.search.SearchService;

/** The index and search against the real Elasticsearch: as-of through validity ranges, alias swaps, bulk failures. */
class VersionIndexTest {
    private static final Instant T1 = Instant.parse("2025-05-11T08:00:00Z");
    private static final Instant T2 = Instant.parse("2025-05-12T08:00:00Z");

    private TestElasticsearch es;
    private IndexConfig config;
    private VersionIndex index;
    private SearchService search;

    @BeforeEach
    void start() {
        es = new TestElasticsearch();
        config = TestElasticsearch.config();
        index = new VersionIndex(es.client, config);
        search = new SearchService(es.client, index);
        index.ensureExists();
    }

    @AfterEach
    void stop() throws Exception {
        es.drop(config.alias());
        es.close();
    }

    @Test
    void anIndexLeftWithoutItsAliasIsTakenBackInsteadOfBlockingIndexingForever() throws Exception {
        IndexConfig orphaned = TestElasticsearch.config();
        es.client.indices().create(c -> c.index(orphaned.alias() + "-v1")); // as a stop between two steps left it
        VersionIndex again = new VersionIndex(es.client, orphaned);
        try {
            again.ensureExists();
            assertEquals(Set.of(orphaned.alias() + "-v1"),
                    es.client.indices().getAlias(g -> g.name(orphaned.alias())).result().keySet());
        } finally {
            es.drop(orphaned.alias());
        }
    }

    @Test
    void theFirstIndexIsCreatedWithItsAliasInOneRequest() throws Exception {
        assertEquals(Set.of(config.alias() + "-v1"),
                es.client.indices().getAlias(g -> g.name(config.alias())).result().keySet());
    }

    /** Version 1 of an article valid [T1, T2), version 2 from T2 on. */
    private void twoVersions(String target) {
        index.write(target, List.of(
                document("v1", 1, "Ceasefire talks open in Istanbul", T1, T2),
                document("v2", 2, "Ceasefire talks stall in Istanbul", T2, null)), List.of());
    }

    private static VersionDocument document(String id, int number, String headline, Instant from, Instant to) {
        return new VersionDocument(id, "article-1", "test-source", "https://example.org/news/1",
                "https://example.org/news/1", headline, headline + ". Delegations met on Monday.", "sha-" + id, number,
                from, to, List.of(new VersionDocument.Validity(from, to)), to == null, 1, T1, T2,
                number == 1 ? List.of() : List.of("headline"), number == 1 ? null : Boolean.TRUE);
    }

    private SearchResult find(String q, Optional<Instant> asOf, boolean allVersions) {
        return search.search(new SearchQuery(Optional.of(q), Optional.empty(), Optional.empty(), Optional.empty(),
                asOf, allVersions, SearchQuery.Sort.RELEVANCE, 0, 20, SearchQuery.Changes.ANY));
    }

    private static Set<String> versionIds(SearchResult result) {
        return Set.copyOf(result.hits().stream().map(SearchResult.Hit::versionId).toList());
    }

    @Test
    void asOfSearchFindsTheVersionValidThenAndPlainSearchTheCurrentOne() {
        twoVersions(config.alias());
        index.refresh();
        assertEquals(Set.of("v1"), versionIds(find("ceasefire", Optional.of(T1.plusSeconds(3600)), false)));
        assertEquals(Set.of("v2"), versionIds(find("ceasefire", Optional.of(T2), false)));
        assertEquals(Set.of("v2"), versionIds(find("ceasefire", Optional.empty(), false)));
        assertEquals(Set.of("v1", "v2"), versionIds(find("ceasefire", Optional.empty(), true)));
        assertEquals(Set.of(), versionIds(find("ceasefire", Optional.of(T1.minusSeconds(1)), false)));
    }

    @Test
    void wordsOnlyAnEarlierVersionHadAreFoundAsOfThenAndNotNow() {
        twoVersions(config.alias());
        index.refresh();
        SearchResult then = find("open", Optional.of(T1), false);
        assertEquals(Set.of("v1"), versionIds(then));
        assertEquals(List.of("Ceasefire talks <mark>open</mark> in Istanbul"),
                then.hits().get(0).highlights().subList(0, 1));
        assertEquals(0, find("open", Optional.empty(), false).total());
    }

    @Test
    void swappingToARebuiltIndexAnswersFromItAndDeletesTheOldOne() throws Exception {
        twoVersions(config.alias());
        String next = index.createNext();
        assertEquals(config.alias() + "-v2", next);
        index.write(next, List.of(document("v3", 3, "Ceasefire talks resume in Geneva", T2, null)), List.of());
        index.swapTo(next);
        assertEquals(Set.of("v3"), versionIds(find("ceasefire", Optional.empty(), true)));
        assertEquals(Set.of(next), es.client.indices().getAlias(g -> g.name(config.alias())).result().keySet());
        assertTrue(!es.client.indices().exists(e -> e.index(config.alias() + "-v1")).value());
    }

    @Test
    void aDeleteOfADocumentTheIndexLacksIsNotAFailure() {
        twoVersions(config.alias());
        index.write(config.alias(), List.of(), List.of("v1", "never-indexed"));
        index.refresh();
        assertEquals(Set.of("v2"), versionIds(find("ceasefire", Optional.empty(), true)));
    }

    @Test
    void aBulkWriteThatFailsSaysHowManyDocumentsFailedAndWhere() {
        IndexingException e = assertThrows(IndexingException.class,
                () -> index.write("Not-A-Valid-Index", List.of(document("v1", 1, "x", T1, null)), List.of()));
        assertTrue(e.getMessage().startsWith("1 of 1 documents failed in Not-A-Valid-Index; first: "), e.getMessage());
    }
}
