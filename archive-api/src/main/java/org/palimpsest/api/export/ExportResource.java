package org.palimpsest.api.export;

import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Optional;
import java.util.UUID;
import org.palimpsest.api.article.Params;
import org.palimpsest.api.http.ReplicaReads;
import org.palimpsest.api.problem.Problem;
import org.palimpsest.core.capture.SourceKey;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.error.ProblemKind;
import org.palimpsest.core.export.ExportFormat;
import org.palimpsest.core.export.ExportManifests;
import org.palimpsest.core.export.ExportQuery;
import org.palimpsest.core.export.ExportSlots;
import org.palimpsest.core.export.Exports;
import org.palimpsest.core.export.ManifestPlacement;

/**
 * Research datasets, streamed: records only, the export's id announced before them ({@code Export-Id}, and a
 * {@code describedby} link to its manifest), the manifest kept at that link once the stream has ended.
 */
@Path("/api/exports")
@PermitAll
public class ExportResource {
    /** Seconds a client is told to wait before asking again for the manifest of an export still streaming. */
    static final int MANIFEST_RETRY_SECONDS = 2;

    private final Exports exports;
    private final ExportManifests manifests;
    private final ExportSlots slots;

    public ExportResource(Exports exports, ExportManifests manifests, ExportSlots slots) {
        this.exports = exports;
        this.manifests = manifests;
        this.slots = slots;
    }

    @GET
    @ReplicaReads
    public Response export(@QueryParam("format") @DefaultValue("jsonl") String format,
            @QueryParam("source") String source, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("asOf") String asOf, @QueryParam("q") String q,
            @QueryParam("unit") @DefaultValue("version") String unit,
            @QueryParam("manifest") @DefaultValue("separate") String manifest, @Context RoutingContext routing) {
        ExportQuery query = query(source, from, to, asOf, q, unit);
        ExportFormat exportFormat = ExportFormat.parse(format);
        ManifestPlacement placement = ManifestPlacement.parse(manifest);
        ExportSlots.Slot slot = slots.take();
        // the one place the slot is freed: however the response ends (streamed, failed, refused, never written)
        routing.addEndHandler(ended -> slot.close());
        Exports.Started export = exports.start(query, exportFormat, placement);
        StreamingOutput body = out -> exports.write(export, out);
        return Response.ok(body, exportFormat.mediaType())
                .header("Export-Id", export.id())
                .header("Link", "<" + manifestPath(export.id()) + ">; rel=\"describedby\"")
                .header("Content-Disposition", "attachment; filename=\"" + exportFormat.fileName() + "\"").build();
    }

    /** What an export would answer, without running it: its type and file name, or the problem with its parameters. */
    @HEAD
    public Response exportHead(@QueryParam("format") @DefaultValue("jsonl") String format,
            @QueryParam("source") String source, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("asOf") String asOf, @QueryParam("q") String q,
            @QueryParam("unit") @DefaultValue("version") String unit,
            @QueryParam("manifest") @DefaultValue("separate") String manifest) {
        query(source, from, to, asOf, q, unit);
        ExportFormat exportFormat = ExportFormat.parse(format);
        ManifestPlacement.parse(manifest);
        return Response.ok().type(exportFormat.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + exportFormat.fileName() + "\"").build();
    }

    private static ExportQuery query(String source, String from, String to, String asOf, String q, String unit) {
        return new ExportQuery(Optional.ofNullable(q).filter(text -> !text.isBlank()),
                Optional.ofNullable(source).filter(s -> !s.isBlank()).map(s -> new SourceKey(s).value()),
                Params.instant("from", from), Params.instant("to", to), Params.instant("asOf", asOf),
                ExportQuery.Unit.parse(unit));
    }

    /** The manifest of an export whose stream has ended: its query, counts and the digest of its payload. */
    @GET
    @Path("/{id}/manifest")
    public Response manifest(@PathParam("id") String id) {
        UUID exportId = parse(id);
        ExportManifests.Entry entry = manifests.find(exportId).orElseThrow(() -> ArchiveException.notFound(
                "no export has the id " + exportId + ": use the Export-Id header of an export"));
        return switch (entry.status()) {
            case COMPLETE -> Response.ok(entry.manifestJson().orElseThrow(), MediaType.APPLICATION_JSON).build();
            case STREAMING -> Response.fromResponse(Problem.of(ProblemKind.NOT_FOUND, "export " + exportId
                            + " is still streaming: its manifest is kept when its last record has been sent").response())
                    .header("Retry-After", MANIFEST_RETRY_SECONDS).build();
            case FAILED -> Problem.of(ProblemKind.NOT_FOUND, "export " + exportId + " did not finish, so it has no"
                    + " manifest (" + entry.error().orElse("no reason was recorded") + "): export again").response();
        };
    }

    static String manifestPath(UUID id) {
        return "/api/exports/" + id + "/manifest";
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ArchiveException.invalid("export id '" + id + "' is not a UUID: use the Export-Id header of the"
                    + " export");
        }
    }
}
