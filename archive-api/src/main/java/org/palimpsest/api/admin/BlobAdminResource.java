package org.palimpsest.api.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.palimpsest.core.blob.BlobMigration;
import org.palimpsest.core.blob.BlobStore;
import org.palimpsest.core.blob.FixityAudit;
import org.palimpsest.core.blob.FixityReport;
import org.palimpsest.core.blob.MigrationReport;
import org.palimpsest.core.error.ArchiveException;

/** Operations on the raw bytes: where they are kept, moving them out of PostgreSQL, and fixity audits. */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class BlobAdminResource {
    private final BlobStore blobs;
    private final BlobMigration migration;
    private final FixityAudit fixity;

    public BlobAdminResource(BlobStore blobs, BlobMigration migration, FixityAudit fixity) {
        this.blobs = blobs;
        this.migration = migration;
        this.fixity = fixity;
    }

    /** Where the bytes are kept, how many PostgreSQL still holds, and the latest migration. */
    public record BlobsStatus(String store, long databaseRows, MigrationReport migration) {
    }

    @GET
    @Path("blobs")
    public BlobsStatus blobs() {
        return new BlobsStatus(blobs.describe(), migration.rowsLeft(), migration.latest().orElse(null));
    }

    /** Starts moving the blobs PostgreSQL holds into the blob store (202; follow its progress at GET /api/admin/blobs). */
    @POST
    @Path("blobs/migration")
    public Response migrate() {
        return Response.accepted(migration.start()).location(URI.create("/api/admin/blobs")).build();
    }

    /** Starts a fixity audit of every capture's bytes (202; its report at GET /api/admin/fixity). */
    @POST
    @Path("fixity")
    public Response startFixity() {
        return Response.accepted(fixity.start()).location(URI.create("/api/admin/fixity")).build();
    }

    @GET
    @Path("fixity")
    public FixityReport fixity() {
        return fixity.latest().orElseThrow(() -> ArchiveException.notFound("no fixity audit has run on this archive:"
                + " start one with POST /api/admin/fixity"));
    }
}
