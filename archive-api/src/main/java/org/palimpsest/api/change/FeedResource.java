package org.palimpsest.api.change;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.palimpsest.api.article.Params;
import org.palimpsest.api.http.Links;
import org.palimpsest.core.article.ArticleReader;
import org.palimpsest.core.article.Page;
import org.palimpsest.core.change.ChangeItem;
import org.palimpsest.core.change.ChangeQuery;
import org.palimpsest.core.change.ChangeReader;
import org.palimpsest.core.change.DiffService;
import org.palimpsest.core.diff.DiffGranularity;
import org.palimpsest.core.error.ArchiveException;

/** Atom feeds of version changes: across the archive (with the filters of /api/changes) and of one article. */
@Path("/feeds")
@Produces(AtomFeed.MEDIA_TYPE)
@PermitAll
public class FeedResource {
    static final int ENTRIES = 100;

    private final ChangeReader changes;
    private final ArticleReader articles;
    private final DiffService diffs;

    public FeedResource(ChangeReader changes, ArticleReader articles, DiffService diffs) {
        this.changes = changes;
        this.articles = articles;
        this.diffs = diffs;
    }

    @GET
    @Path("changes.atom")
    public String changes(@QueryParam("source") String source, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("kind") List<String> kinds, @QueryParam("stealth") String stealth,
            @QueryParam("articleId") String articleId,
            @QueryParam("page") @DefaultValue("0") String pageText, UriInfo uri) {
        int page = Params.integer("page", pageText);
        ChangeQuery query = ChangeParams.query(source, from, to, kinds, stealth, articleId, page, ENTRIES, ENTRIES);
        return feed(query, "urn:palimpsest:feed:changes" + Links.queryWithoutPage(uri),
                "Palimpsest: version changes", uri, "/changes");
    }

    @GET
    @Path("articles/{articleId}.atom")
    public String article(@PathParam("articleId") UUID articleId,
            @QueryParam("page") @DefaultValue("0") String pageText,
            UriInfo uri) {
        int page = Params.integer("page", pageText);
        var article = articles.article(articleId).orElseThrow(() -> ArchiveException.notFound(
                "no article " + articleId + " in the archive"));
        ChangeQuery query = ChangeParams.query(null, null, null, List.of(), null, article.articleId().toString(), page,
                ENTRIES, ENTRIES);
        return feed(query, "urn:uuid:" + article.articleId(), "Palimpsest: versions of \u201C" + article.headline()
                + "\u201D", uri, "/articles/" + article.articleId());
    }

    private String feed(ChangeQuery query, String id, String title, UriInfo uri, String page) {
        Page<ChangeItem> found = changes.changes(query);
        String base = Links.base(uri);
        String next = found.hasNext()
                ? uri.getRequestUriBuilder().replaceQueryParam("page", query.page() + 1).build().toString() : null;
        List<AtomFeed.Entry> entries = found.items().stream().map(c -> new AtomFeed.Entry(c,
                diffs.compare(UUID.fromString(c.previousVersionId()), c.versionId(), DiffGranularity.WORD, false)
                        .result().ops())).toList();
        return AtomFeed.write(id, title, uri.getRequestUri().toString(), next, base + page, base, entries,
                Instant.now());
    }
}
