package org.palimpsest.indexer.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.RangeRelation;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.indexer.index.VersionDocument;
import org.palimpsest.indexer.index.VersionIndex;

/** Searches version documents: full text, filters, "as of" through the validity ranges, facets. */
@ApplicationScoped
public class SearchService {
    static final int MAX_WINDOW = 10_000;
    private static final String STILL_WORKING = "the archive itself is not affected: retrieval, ingest and exports"
            + " without q keep working";

    private final ElasticsearchClient client;
    private final VersionIndex index;

    public SearchService(ElasticsearchClient client, VersionIndex index) {
        this.client = client;
        this.index = index;
    }

    public SearchResult search(SearchQuery query) {
        if ((long) (query.page() + 1) * query.size() > MAX_WINDOW) {
            throw ArchiveException.invalid("page " + query.page() + " of size " + query.size() + " reaches past the"
                    + " first " + MAX_WINDOW + " hits: narrow the query or use an export");
        }
        SearchResponse<VersionDocument> response;
        try {
            response = client.search(s -> {
                // A hit shows its highlights, not its text: the body (most of a document) stays in the index.
                s.index(index.alias()).query(query(query)).from(query.page() * query.size()).size(query.size())
                        .source(src -> src.filter(f -> f.excludes("body"))).trackTotalHits(t -> t.enabled(true))
                        .highlight(h -> h.preTags("<mark>").postTags("</mark>")
                                .fields("headline", f -> f.numberOfFragments(0))
                                .fields("body", f -> f.fragmentSize(160).numberOfFragments(3)))
                        .aggregations("sources", a -> a.terms(t -> t.field("source").size(100)))
                        .aggregations("changeKinds", a -> a.terms(t -> t.field("changeKinds").size(20)))
                        .aggregations("months", a -> a.dateHistogram(d -> d.field("firstCapturedAt")
                                .calendarInterval(CalendarInterval.Month).format("yyyy-MM").minDocCount(1)));
                if (query.sort() == SearchQuery.Sort.NEWEST) {
                    s.sort(o -> o.field(f -> f.field("validFrom").order(SortOrder.Desc)))
                            .sort(o -> o.field(f -> f.field("versionId").order(SortOrder.Asc)));
                }
                return s;
            }, VersionDocument.class);
        } catch (ElasticsearchException e) {
            if (e.status() == 404 && "index_not_found_exception".equals(e.error().type())) {
                return new SearchResult(0, List.of(), new SearchResult.Facets(List.of(), List.of(), List.of()));
            }
            throw SearchFailure.of(e, "this search", STILL_WORKING);
        } catch (IOException e) {
            throw SearchFailure.of(e, "this search", STILL_WORKING);
        }
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (var hit : response.hits().hits()) {
            VersionDocument d = hit.source();
            List<String> highlights = new ArrayList<>();
            hit.highlight().getOrDefault("headline", List.of()).forEach(highlights::add);
            hit.highlight().getOrDefault("body", List.of()).forEach(highlights::add);
            hits.add(new SearchResult.Hit(d.articleId(), d.versionId(), d.versionNumber(), d.source(), d.url(),
                    d.headline(), highlights, d.validFrom(), d.validTo(), hit.score() == null ? 0 : hit.score(),
                    d.stealth() == null ? null : new SearchResult.Change(d.changeKinds(), d.stealth())));
        }
        List<SearchResult.Bucket> sources = response.aggregations().get("sources").sterms().buckets().array().stream()
                .map(b -> new SearchResult.Bucket(b.key().stringValue(), b.docCount())).toList();
        List<SearchResult.Bucket> months = response.aggregations().get("months").dateHistogram().buckets().array()
                .stream().map(b -> new SearchResult.Bucket(b.keyAsString(), b.docCount())).toList();
        List<SearchResult.Bucket> changeKinds = response.aggregations().get("changeKinds").sterms().buckets().array()
                .stream().map(b -> new SearchResult.Bucket(b.key().stringValue(), b.docCount())).toList();
        return new SearchResult(response.hits().total() == null ? hits.size() : response.hits().total().value(), hits,
                new SearchResult.Facets(sources, months, changeKinds));
    }

    static Query query(SearchQuery q) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        String text = q.q().map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (text == null) {
            bool.must(m -> m.matchAll(a -> a));
        } else {
            bool.must(m -> m.simpleQueryString(s -> s.query(booleanWords(text)).fields("headline^2", "body")
                    .defaultOperator(Operator.And)));
        }
        q.source().ifPresent(source -> bool.filter(f -> f.term(t -> t.field("source").value(source))));
        q.from().ifPresent(from -> bool.filter(f -> f.range(r -> r.date(d -> d.field("lastCapturedAt")
                .gte(from.toString())))));
        q.to().ifPresent(to -> bool.filter(f -> f.range(r -> r.date(d -> d.field("firstCapturedAt")
                .lte(to.toString())))));
        if (!q.changes().kinds().isEmpty()) {
            bool.filter(f -> f.terms(t -> t.field("changeKinds").terms(v -> v.value(q.changes().kinds().stream()
                    .map(co.elastic.clients.elasticsearch._types.FieldValue::of).toList()))));
        }
        q.changes().stealth().ifPresent(s -> bool.filter(f -> f.term(t -> t.field("stealth").value(s))));
        if (q.asOf().isPresent()) {
            String at = q.asOf().get().toString();
            bool.filter(f -> f.range(r -> r.date(d -> d.field("validity").gte(at).lte(at)
                    .relation(RangeRelation.Intersects))));
        } else if (!q.allVersions()) {
            bool.filter(f -> f.term(t -> t.field("current").value(true)));
        }
        return bool.build()._toQuery();
    }

    /** Lets people write AND, OR and NOT (upper case) as well as +, | and -. */
    static String booleanWords(String text) {
        return text.replaceAll("\\s+AND\\s+", " + ").replaceAll("\\s+OR\\s+", " | ")
                .replaceAll("(^|\\s)NOT\\s+", "$1-");
    }
}
