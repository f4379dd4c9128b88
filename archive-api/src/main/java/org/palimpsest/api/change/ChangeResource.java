package org.palimpsest.api.change;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.palimpsest.api.article.PageJson;
import org.palimpsest.api.article.Params;
import org.palimpsest.core.change.ChangeItem;
import org.palimpsest.core.change.ChangeReader;

/** Version changes across the archive: what changed, how, and whether the newsroom said so. */
@Path("/api/changes")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ChangeResource {
    private final ChangeReader changes;

    public ChangeResource(ChangeReader changes) {
        this.changes = changes;
    }

    @GET
    public PageJson<ChangeItem> list(@QueryParam("source") String source, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("kind") List<String> kinds, @QueryParam("stealth") String stealth,
            @QueryParam("articleId") String articleId, @QueryParam("page") @DefaultValue("0") String pageText,
            @QueryParam("size") @DefaultValue("20") String sizeText, UriInfo uri) {
        int page = Params.integer("page", pageText);
        int size = Params.integer("size", sizeText);
        return PageJson.of(changes.changes(ChangeParams.query(source, from, to, kinds, stealth, articleId, page, size,
                Params.MAX_SIZE)), uri);
    }
}
