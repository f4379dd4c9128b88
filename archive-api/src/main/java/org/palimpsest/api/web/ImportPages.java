package org.palimpsest.api.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.palimpsest.api.problem.Problem;
import org.palimpsest.api.security.ConfiguredTokenProvider;
import org.palimpsest.core.article.Page;
import org.palimpsest.core.capture.SourceKey;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.error.ProblemKind;
import org.palimpsest.core.imports.ImportJob;
import org.palimpsest.core.imports.WarcImporter;

/**
 * The Imports page: an upload form and the jobs with their progress and failures. While a job runs the page refreshes
 * itself (no JavaScript). A browser cannot send a bearer header with a form, so the form carries the token, which is
 * checked as the API checks it (an archivist's).
 */
@Path("/imports")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class ImportPages {
    static final int SHOWN = 20;
    private final WarcImporter importer;
    private final ConfiguredTokenProvider tokens;

    public ImportPages(WarcImporter importer, ConfiguredTokenProvider tokens) {
        this.importer = importer;
        this.tokens = tokens;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance imports(Page<ImportJob> jobs, boolean running);

        static native TemplateInstance job(ImportJob job, boolean running);
    }

    @GET
    public TemplateInstance imports() {
        Page<ImportJob> jobs = importer.list(0, SHOWN);
        return Templates.imports(jobs, jobs.items().stream().anyMatch(j -> j.status().equals("running")));
    }

    @GET
    @Path("{id}")
    public TemplateInstance job(@PathParam("id") UUID id) {
        ImportJob job = importer.find(id).orElseThrow(() -> ArchiveException.notFound("no import job " + id));
        return Templates.job(job, job.status().equals("running"));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm String token, @RestForm String source, @RestForm("file") FileUpload file,
            @Context SecurityContext caller) throws IOException {
        if (caller.getUserPrincipal() != null) { // a bearer header, as the API takes it
            if (!caller.isUserInRole("archivist")) {
                throw new ArchiveException(ProblemKind.FORBIDDEN, "imports need an archivist's token");
            }
            return start(source, file, caller.getUserPrincipal().getName());
        }
        SecurityIdentity who = tokens.identify(token == null ? "" : token.strip()).orElseThrow(() ->
                new ArchiveException(ProblemKind.UNAUTHORIZED, "the token is not one this archive knows: give an"
                        + " archivist's token"));
        if (!who.hasRole("archivist")) {
            throw new ArchiveException(ProblemKind.FORBIDDEN, "imports need an archivist's token");
        }
        return start(source, file, who.getPrincipal().getName());
    }

    private Response start(String source, FileUpload file, String agent) throws IOException {
        String key = new SourceKey(source).value();
        if (file == null || file.size() == 0) {
            throw ArchiveException.invalid("choose a WARC or ARC file (plain or gzip) to import");
        }
        java.nio.file.Path spooled = Files.createTempFile("palimpsest-import-", ".warc");
        Files.move(file.uploadedFile(), spooled, StandardCopyOption.REPLACE_EXISTING);
        ImportJob job = importer.start(key, spooled, file.fileName(), agent);
        return Response.seeOther(URI.create("/imports/" + job.id())).build();
    }

    @ServerExceptionMapper
    public Response archive(ArchiveException e) {
        Problem p = Problem.of(e);
        return Response.status(p.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(Pages.Templates.error(p.status(), p.title(), p.detail()).render()).build();
    }
}
