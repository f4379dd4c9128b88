package org.palimpsest.api.article;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.palimpsest.api.http.ReplicaReads;
import org.palimpsest.core.article.ArticleReader;
import org.palimpsest.core.article.TemplateView;
import org.palimpsest.core.capture.SourceKey;
import org.palimpsest.core.error.ArchiveException;

/** A source's learned chrome template. */
@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@ReplicaReads
public class SourceResource {
    private final ArticleReader reader;

    public SourceResource(ArticleReader reader) {
        this.reader = reader;
    }

    @GET
    @Path("{source}/template")
    public TemplateView template(@PathParam("source") String source) {
        String key = new SourceKey(source).value();
        return reader.template(key).orElseThrow(() -> ArchiveException.notFound(
                "no captures of source '" + key + "' yet: a template is learned from its captures"));
    }
}
