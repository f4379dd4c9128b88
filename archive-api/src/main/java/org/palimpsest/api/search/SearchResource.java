package org.palimpsest.api.search;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.palimpsest.api.article.Params;
import org.palimpsest.core.capture.SourceKey;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.indexer.search.SearchQuery;
import org.palimpsest.indexer.search.SearchResult;
import org.palimpsest.indexer.search.SearchService;

/** Full-text search over versions, also as of a past instant. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {
    static final int MAX_SIZE = 100;

    private final SearchService search;

    public SearchResource(SearchService search) {
        this.search = search;
    }

    /** The hits of one page, the total, the link to the next page, and facets over all matches. */
    public record SearchPage(long total, int page, int size, String next, List<SearchResult.Hit> hits,
            SearchResult.Facets facets) {
    }

    @GET
    public SearchPage search(@QueryParam("q") String q, @QueryParam("source") String source,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("asOf") String asOf,
            @QueryParam("allVersions") @DefaultValue("false") boolean allVersions,
            @QueryParam("sort") @DefaultValue("relevance") String sort,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size,
            UriInfo uri) {
        Optional<java.time.Instant> at = Params.instant("asOf", asOf);
        if (at.isPresent() && allVersions) {
            throw ArchiveException.invalid("give asOf (the version each article had then) or allVersions=true"
                    + " (every version), not both");
        }
        SearchQuery query = new SearchQuery(Optional.ofNullable(q),
                Optional.ofNullable(source).filter(s -> !s.isBlank()).map(s -> new SourceKey(s).value()),
                Params.instant("from", from), Params.instant("to", to), at, allVersions, sort(sort),
                Params.page(page), Params.size(size, MAX_SIZE));
        SearchResult result = search.search(query);
        String next = (long) (page + 1) * size < result.total()
                ? uri.getRequestUriBuilder().replaceQueryParam("page", page + 1).build().toString() : null;
        return new SearchPage(result.total(), page, size, next, result.hits(), result.facets());
    }

    private static SearchQuery.Sort sort(String sort) {
        try {
            return SearchQuery.Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ArchiveException.invalid("sort '" + sort + "' is not known: use relevance or newest");
        }
    }
}
