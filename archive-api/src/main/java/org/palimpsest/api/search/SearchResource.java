package org.palimpsest.api.search;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.palimpsest.api.article.Params;
import org.palimpsest.indexer.search.SearchQuery;
import org.palimpsest.indexer.search.SearchResult;
import org.palimpsest.indexer.search.SearchService;

/** Full-text search over versions, also as of a past instant. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class SearchResource {
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
            @QueryParam("page") @DefaultValue("0") String pageText,
            @QueryParam("size") @DefaultValue("20") String sizeText,
            @QueryParam("changeKind") List<String> changeKind, @QueryParam("stealth") String stealth, UriInfo uri) {
        int page = Params.integer("page", pageText);
        int size = Params.integer("size", sizeText);
        SearchQuery query = new SearchParams(q, source, from, to, asOf, allVersions, sort, page, size, changeKind,
                stealth).query();
        SearchResult result = search.search(query);
        String next = (long) (page + 1) * size < result.total()
                ? uri.getRequestUriBuilder().replaceQueryParam("page", page + 1).build().toString() : null;
        return new SearchPage(result.total(), page, size, next, result.hits(), result.facets());
    }
}
