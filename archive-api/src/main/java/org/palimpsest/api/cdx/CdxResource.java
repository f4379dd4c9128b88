package org.palimpsest.api.cdx;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.palimpsest.api.article.Params;
import org.palimpsest.api.http.ReplicaReads;
import org.palimpsest.core.cdx.CdxQuery;
import org.palimpsest.core.cdx.CdxReader;

/** A CDX server as the web-archiving ecosystem expects one (pywb's CDXJ server, the Wayback CDX server). */
@Path("/cdx")
@PermitAll
@ReplicaReads
public class CdxResource {
    static final int DEFAULT_PAGE_SIZE = 1000;
    private final CdxReader reader;

    public CdxResource(CdxReader reader) {
        this.reader = reader;
    }

    @GET
    public Response cdx(@QueryParam("url") String url, @QueryParam("matchType") String matchType,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("sort") String sort,
            @QueryParam("closest") String closest, @QueryParam("filter") List<String> filters,
            @QueryParam("fl") String fl, @QueryParam("limit") String limit, @QueryParam("output") String output,
            @QueryParam("page") String page, @QueryParam("pageSize") String pageSize,
            @QueryParam("showNumPages") String showNumPages) {
        CdxQuery query = CdxQuery.parse(url, matchType, from, to, sort, closest, filters, fl, limit);
        CdxOutput format = CdxOutput.of(output);
        boolean paged = page != null || pageSize != null || showNumPages != null;
        int size = pageSize == null ? DEFAULT_PAGE_SIZE : Params.size(Params.integer("pageSize", pageSize),
                CdxQuery.MAX_LIMIT);
        if ("true".equalsIgnoreCase(showNumPages)) {
            long lines = reader.count(query);
            long pages = (lines + size - 1) / size;
            return Response.ok(format.numPages(pages, size)).type(format.mediaType()).build();
        }
        int pageNumber = page == null ? 0 : Params.page(Params.integer("page", page));
        if (paged) {
            Params.window(pageNumber, size, CdxQuery.MAX_LIMIT);
            query = new CdxQuery(query.key(), query.match(), query.from(), query.to(), query.sort(), query.closest(),
                    query.filters(), query.fields(), Math.min(query.limit(), size));
        }
        return Response.ok(format.render(reader.lines(query, (long) pageNumber * size), query.fields()))
                .type(format.mediaType()).build();
    }
}
