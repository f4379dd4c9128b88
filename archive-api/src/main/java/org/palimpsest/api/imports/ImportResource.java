package org.palimpsest.api.imports;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.palimpsest.api.article.PageJson;
import org.palimpsest.api.article.Params;
import org.palimpsest.core.capture.SourceKey;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.imports.ImportJob;
import org.palimpsest.core.imports.WarcImporter;

/** WARC imports: the upload is spooled to disk and imported in the background; its job shows progress. */
@Path("/api/imports")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ImportResource {
    private final WarcImporter importer;

    public ImportResource(WarcImporter importer) {
        this.importer = importer;
    }

    @POST
    @RolesAllowed("archivist")
    @Consumes(MediaType.WILDCARD)
    public Response start(@QueryParam("source") String source, @QueryParam("name") String name, InputStream body,
            SecurityContext security) throws IOException {
        String key = new SourceKey(source).value();
        java.nio.file.Path file = Files.createTempFile("palimpsest-import-", ".warc");
        long size = Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
        if (size == 0) {
            Files.deleteIfExists(file);
            throw ArchiveException.invalid("the body is empty: send a WARC or ARC file, plain or gzip");
        }
        ImportJob job = importer.start(key, file, name == null ? "upload.warc" : name,
                security.getUserPrincipal().getName());
        return Response.accepted(job).location(URI.create("/api/imports/" + job.id())).build();
    }

    @GET
    public PageJson<ImportJob> jobs(@QueryParam("page") @DefaultValue("0") String pageText,
            @QueryParam("size") @DefaultValue("20") String sizeText, UriInfo uri) {
        int page = Params.integer("page", pageText);
        int size = Params.integer("size", sizeText);
        Params.window(page, size, Params.MAX_SIZE);
        return PageJson.of(importer.list(page, size), uri);
    }

    @GET
    @Path("{id}")
    public ImportJob job(@PathParam("id") UUID id) {
        return importer.find(id).orElseThrow(() -> ArchiveException.notFound("no import job " + id));
    }
}
