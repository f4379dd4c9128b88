package org.palimpsest.indexer.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.palimpsest.core.export.ExportQuery;
import org.palimpsest.core.export.VersionIdSearch;
import org.palimpsest.indexer.index.VersionIndex;

/**
 * Pages through every version matching an export's query with a point in time and {@code search_after}, sorted by
 * version id, so an export sees one consistent view of the index however long it runs.
 */
@ApplicationScoped
public class IndexVersionIdSearch implements VersionIdSearch {
    private final ElasticsearchClient client;
    private final VersionIndex index;

    public IndexVersionIdSearch(ElasticsearchClient client, VersionIndex index) {
        this.client = client;
        this.index = index;
    }

    @Override
    public void pages(ExportQuery export, int size, Consumer<List<UUID>> page) {
        SearchQuery query = new SearchQuery(export.q(), export.source(), export.from(), export.to(), export.asOf(),
                true, SearchQuery.Sort.RELEVANCE, 0, size, SearchQuery.Changes.ANY);
        String pit = null;
        try {
            pit = client.openPointInTime(p -> p.index(index.alias()).keepAlive(k -> k.time("2m"))).id();
            List<FieldValue> after = null;
            while (true) {
                String pitId = pit;
                List<FieldValue> from = after;
                SearchResponse<Void> response = client.search(s -> {
                    s.pit(p -> p.id(pitId).keepAlive(k -> k.time("2m"))).query(SearchService.query(query)).size(size)
                            .source(src -> src.fetch(false)).trackTotalHits(t -> t.enabled(false))
                            .sort(o -> o.field(f -> f.field("versionId").order(SortOrder.Asc)));
                    if (from != null) {
                        s.searchAfter(from);
                    }
                    return s;
                }, Void.class);
                var hits = response.hits().hits();
                if (hits.isEmpty()) {
                    return;
                }
                List<UUID> ids = new ArrayList<>(hits.size());
                hits.forEach(h -> ids.add(UUID.fromString(h.id())));
                page.accept(ids);
                after = hits.get(hits.size() - 1).sort();
            }
        } catch (IOException | ElasticsearchException e) {
            throw SearchFailure.of(e, "an export with q", "exports without q read PostgreSQL and keep working");
        } finally {
            if (pit != null) {
                String id = pit;
                try {
                    client.closePointInTime(c -> c.id(id));
                } catch (IOException | RuntimeException ignored) {
                    // the point in time expires by itself
                }
            }
        }
    }
}
