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
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.UUID;
import org.palimpsest.api.article.PageJson;
import org.palimpsest.api.article.Params;
import org.palimpsest.core.capture.SourceKey;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.error.ProblemKind;
import org.palimpsest.core.imports.ImportConfig;
import org.palimpsest.core.imports.ImportJob;
import org.palimpsest.core.imports.WarcImporter;

/** WARC imports: the upload is spooled to disk and imported in the background; its job shows progress. */
@Path("/api/imports")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ImportResource {
    private final WarcImporter importer;
    private final ImportConfig config;

    public ImportResource(WarcImporter importer, ImportConfig config) {
        this.importer = importer;
        this.config = config;
    }

    @POST
    @RolesAllowed("archivist")
    @Consumes(MediaType.WILDCARD)
    public Response start(@QueryParam("source") String source, @QueryParam("name") String name, InputStream body,
            SecurityContext security) throws IOException {
        String key = new SourceKey(source).value();
        java.nio.file.Path file = spool(body);
        if (Files.size(file) == 0) {
            Files.deleteIfExists(file);
            throw ArchiveException.invalid("the body is empty: send a WARC or ARC file, plain or gzip");
        }
        ImportJob job = importer.start(key, file, name == null ? "upload.warc" : name,
                security.getUserPrincipal().getName());
        return Response.accepted(job).location(URI.create("/api/imports/" + job.id())).build();
    }

    /**
     * The upload, kept on disk for its import; nothing is left behind when it cannot be kept (a full disk, a spool
     * directory that is not one), and the client is told why with a 503 problem.
     */
    private java.nio.file.Path spool(InputStream body) {
        java.nio.file.Path dir = config.spoolDir().orElse(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
        java.nio.file.Path file = null;
        try {
            file = Files.createTempFile(Files.createDirectories(dir), "palimpsest-import-", ".warc");
            long limit = config.maxSize().asLongValue();
            if (copyAtMost(body, file, limit) > limit) {
                Files.delete(file);
                throw new ArchiveException(ProblemKind.TOO_LARGE, "the upload is larger than " + limit + " bytes"
                        + " (palimpsest.imports.max-size); nothing was imported: split the crawl into smaller WARC files");
            }
            return file;
        } catch (IOException e) {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the failure below is what the client needs to hear of
                }
            }
            throw new ArchiveException(ProblemKind.UNAVAILABLE, "the upload could not be kept on disk for its import ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); nothing was imported: free space in "
                    + dir + " or point palimpsest.imports.spool-dir at a directory with room for the file");
        }
    }

    /** Copies the body to the file until it ends or passes the limit; answers how much it read (limit + 1 at most). */
    private static long copyAtMost(InputStream body, java.nio.file.Path file, long limit) throws IOException {
        long copied = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n = body.read(buffer); n >= 0 && copied <= limit; n = body.read(buffer)) {
                copied += n;
                if (copied <= limit) {
                    out.write(buffer, 0, n);
                }
            }
        }
        return copied;
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
