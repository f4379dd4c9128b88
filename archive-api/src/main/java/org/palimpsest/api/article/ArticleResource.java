package org.palimpsest.api.article;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.palimpsest.api.http.HttpDates;
import org.palimpsest.api.http.Links;
import org.palimpsest.api.http.ReplicaReads;
import org.palimpsest.api.memento.Memento;
import org.palimpsest.core.article.ArticleReader;
import org.palimpsest.core.article.ArticleSummary;
import org.palimpsest.core.article.ArticleView;
import org.palimpsest.core.article.AsOf;
import org.palimpsest.core.article.AsOfReader;
import org.palimpsest.core.article.VersionView;
import org.palimpsest.core.capture.SourceKey;
import org.palimpsest.core.citation.Citation;
import org.palimpsest.core.citation.CitationFormat;
import org.palimpsest.core.error.ArchiveException;

/** Articles, their timelines and versions, and what the archive held at a given instant. */
@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@ReplicaReads
public class ArticleResource {
    private final ArticleReader reader;
    private final AsOfReader asOf;

    public ArticleResource(ArticleReader reader, AsOfReader asOf) {
        this.reader = reader;
        this.asOf = asOf;
    }

    @GET
    public PageJson<ArticleSummary> list(@QueryParam("source") String source, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") @DefaultValue("0") String pageText,
            @QueryParam("size") @DefaultValue("20") String sizeText, UriInfo uri) {
        int page = Params.integer("page", pageText);
        int size = Params.integer("size", sizeText);
        Optional<String> sourceKey = Optional.ofNullable(source).filter(s -> !s.isBlank())
                .map(s -> new SourceKey(s).value());
        Params.window(page, size, Params.MAX_SIZE);
        return PageJson.of(reader.articles(sourceKey, Params.instant("from", from), Params.instant("to", to), page,
                size), uri);
    }

    @GET
    @Path("{articleId}")
    public ArticleView article(@PathParam("articleId") UUID articleId) {
        return reader.article(articleId).orElseThrow(() -> missing(articleId));
    }

    @GET
    @Path("{articleId}/versions/{versionId}")
    public VersionView version(@PathParam("articleId") UUID articleId, @PathParam("versionId") UUID versionId) {
        return reader.version(articleId, versionId).orElseThrow(() -> ArchiveException.notFound(
                "article " + articleId + " has no version " + versionId));
    }

    /**
     * How to cite one version: CSL-JSON, BibTeX or RIS, pointing at the archive's memento of the version (or the
     * version itself when its captures have no URL) with the version's content digest.
     */
    @GET
    @Path("{articleId}/versions/{versionId}/citation")
    @Produces({"application/vnd.citationstyles.csl+json", "application/x-bibtex",
        "application/x-research-info-systems"})
    public Response citation(@PathParam("articleId") UUID articleId, @PathParam("versionId") UUID versionId,
            @QueryParam("format") @DefaultValue("csl-json") String format, UriInfo uri) {
        CitationFormat citationFormat = CitationFormat.parse(format);
        VersionView v = version(articleId, versionId);
        ArticleView article = article(articleId);
        String base = Links.base(uri);
        String url = v.captures().stream().map(VersionView.CaptureRef::url).filter(u -> u != null).findFirst()
                .orElse(null);
        String archived = url == null ? base + "/api/articles/" + article.articleId() + "/versions/" + v.versionId()
                : base + Memento.path(v.validFrom(), url);
        Instant accessed = v.captures().isEmpty() ? v.validFrom()
                : v.captures().get(v.captures().size() - 1).capturedAt();
        Citation citation = new Citation(v.headline(), article.source(), url, v.validFrom(), accessed, archived,
                v.contentSha256(), v.versionId().toString());
        return Response.ok(citationFormat.render(citation), citationFormat.mediaType()).build();
    }

    @GET
    @Path("{articleId}/as-of/{instant}")
    public Response asOf(@PathParam("articleId") UUID articleId, @PathParam("instant") String instant) {
        Instant at = Params.instant("instant", instant).orElseThrow();
        // Which of the two 404s it is, is only asked when there is no answer.
        AsOf found = asOf.asOf(articleId, at).orElseThrow(() -> !reader.exists(articleId) ? missing(articleId)
                : ArchiveException.notFound("the archive held no capture of article " + articleId + " at or before "
                        + at + ": ask for a later instant"));
        return Response.ok(found.version())
                .header("Memento-Datetime", HttpDates.format(found.capturedAt()))
                .header("Content-Location", "/api/captures/" + found.captureId())
                .build();
    }

    private static ArchiveException missing(UUID articleId) {
        return ArchiveException.notFound("no article " + articleId + " in the archive");
    }
}
