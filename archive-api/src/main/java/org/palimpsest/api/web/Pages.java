package org.palimpsest.api.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.palimpsest.api.article.Params;
import org.palimpsest.api.change.ChangeParams;
import org.palimpsest.api.diff.DiffFormats;
import org.palimpsest.api.diff.SideBySide;
import org.palimpsest.api.http.Links;
import org.palimpsest.api.problem.Problem;
import org.palimpsest.core.article.ArticleReader;
import org.palimpsest.core.article.ArticleSummary;
import org.palimpsest.core.article.ArticleView;
import org.palimpsest.core.article.CaptureReader;
import org.palimpsest.core.article.CaptureView;
import org.palimpsest.core.article.Page;
import org.palimpsest.core.article.VersionView;
import org.palimpsest.core.change.ChangeItem;
import org.palimpsest.core.change.ChangeReader;
import org.palimpsest.core.change.DiffService;
import org.palimpsest.core.diff.DiffGranularity;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.indexer.search.SearchResult;
import org.palimpsest.indexer.search.SearchService;

/** The archive for people: server-rendered pages over the same services as the API. Reading needs no JavaScript. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class Pages {
    private final ArticleReader reader;
    private final CaptureReader captures;
    private final SearchService search;
    private final DiffService diffs;
    private final ChangeReader changeReader;

    public Pages(ArticleReader reader, CaptureReader captures, SearchService search, DiffService diffs,
            ChangeReader changeReader) {
        this.changeReader = changeReader;
        this.reader = reader;
        this.captures = captures;
        this.search = search;
        this.diffs = diffs;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Page<ArticleSummary> recent);

        static native TemplateInstance search(SearchForm form, SearchResult result);

        static native TemplateInstance article(ArticleView article, RawString chart, List<VersionChanges> versions,
                VersionView latest);

        static native TemplateInstance diff(DiffService.Comparison comparison, String title, String summary,
                SideBySide sides, String apiQuery, String granularity, boolean raw, List<String> granularities);

        static native TemplateInstance capture(CaptureView capture, VersionView version);

        static native TemplateInstance export(SearchForm form);

        static native TemplateInstance changes(ChangeForm form, Page<ChangeItem> changes, String feed, String next);

        static native TemplateInstance error(int status, String title, String detail);
    }

    @GET
    public TemplateInstance home() {
        return Templates.home(reader.articles(Optional.empty(), Optional.empty(), Optional.empty(), 0, 20));
    }

    @GET
    @Path("search")
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("source") String source,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("asOf") String asOf,
            @QueryParam("allVersions") @DefaultValue("false") boolean allVersions,
            @QueryParam("sort") @DefaultValue("relevance") String sort,
            @QueryParam("page") @DefaultValue("0") String pageText) {
        int page = Params.integer("page", pageText);
        SearchForm form = new SearchForm(q, source, from, to, asOf, allVersions, sort, page);
        return Templates.search(form, form.submitted() ? search.search(form.params().query()) : null);
    }

    @GET
    @Path("articles/{articleId}")
    public TemplateInstance article(@PathParam("articleId") UUID articleId) {
        ArticleView article = reader.article(articleId).orElseThrow(() -> ArchiveException.notFound(
                "no article " + articleId + " in the archive"));
        List<VersionView> timeline = article.timeline();
        return Templates.article(article, new RawString(TimelineChart.svg(article)),
                VersionChanges.of(timeline, diffs), held(timeline));
    }

    @GET
    @Path("diff")
    public TemplateInstance diff(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("granularity") @DefaultValue("word") String granularity,
            @QueryParam("raw") @DefaultValue("false") boolean raw) {
        DiffService.Comparison c = diffs.compare(Params.versionOrCaptureId("from", from),
                Params.versionOrCaptureId("to", to), DiffGranularity.parse(granularity), raw);
        String by = c.granularity().name().toLowerCase(Locale.ROOT);
        String apiQuery = "from=" + c.from().id() + "&to=" + c.to().id() + "&granularity=" + by
                + (raw ? "&raw=true" : "");
        return Templates.diff(c, DiffFormats.title(c), DiffFormats.summary(c), SideBySide.of(c.result()), apiQuery,
                by, raw, Arrays.stream(DiffGranularity.values()).map(g -> g.name().toLowerCase(Locale.ROOT)).toList());
    }

    @GET
    @Path("changes")
    public TemplateInstance changes(@QueryParam("source") String source, @QueryParam("kind") List<String> kinds,
            @QueryParam("stealth") String stealth,
            @QueryParam("page") @DefaultValue("0") String pageText, UriInfo uri) {
        int page = Params.integer("page", pageText);
        ChangeForm form = new ChangeForm(source, kinds, stealth);
        Page<ChangeItem> found = changeReader.changes(ChangeParams.query(source, null, null, form.kinds(),
                form.stealthChosen(), null, page, ChangeForm.SIZE, ChangeForm.SIZE));
        String feed = "/feeds/changes.atom" + Links.queryWithoutPage(uri);
        String next = found.hasNext()
                ? uri.getRequestUriBuilder().replaceQueryParam("page", page + 1).build().toString() : null;
        return Templates.changes(form, found, feed, next);
    }

    @GET
    @Path("captures/{captureId}")
    public TemplateInstance capture(@PathParam("captureId") UUID captureId) {
        CaptureView capture = captures.capture(captureId).orElseThrow(() -> ArchiveException.notFound(
                "no capture " + captureId + " in the archive"));
        VersionView version = capture.articleId() == null || capture.versionId() == null ? null
                : reader.version(capture.articleId(), capture.versionId()).orElse(null);
        return Templates.capture(capture, version);
    }

    @GET
    @Path("export")
    public TemplateInstance export(@QueryParam("q") String q, @QueryParam("source") String source,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("asOf") String asOf) {
        return Templates.export(new SearchForm(q, source, from, to, asOf, false, "relevance", 0));
    }

    /** The version the archive holds now: the one whose validity is still open (after A→B→A that is A). */
    private static VersionView held(List<VersionView> timeline) {
        return timeline.stream().filter(v -> v.validTo() == null).findFirst()
                .orElse(timeline.isEmpty() ? null : timeline.get(timeline.size() - 1));
    }

    /** Failures on these pages are pages too, with the same status and the same advice as the API's problems. */
    @ServerExceptionMapper
    public Response archive(ArchiveException e) {
        Problem p = Problem.of(e);
        return page(p.status(), p.title(), p.detail());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "Not found", "nothing here: check the address; article and capture ids are UUIDs");
    }

    private static Response page(int status, String title, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(status, title, detail).render()).build();
    }
}
