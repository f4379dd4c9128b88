package org.palimpsest.api.capture;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.palimpsest.core.article.CaptureReader;
import org.palimpsest.core.article.CaptureView;
import org.palimpsest.core.capture.AcceptedCapture;
import org.palimpsest.core.capture.CaptureConfig;
import org.palimpsest.core.capture.CaptureInbox;
import org.palimpsest.core.capture.CaptureOrigin;
import org.palimpsest.core.capture.CaptureRequest;
import org.palimpsest.core.capture.CaptureService;
import org.palimpsest.core.capture.InboxState;
import org.palimpsest.core.capture.IngestResult;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.error.ProblemKind;

/** Captures in (single and NDJSON batch) and out (JSON with provenance, raw bytes). */
@Path("/api/captures")
@PermitAll
public class CaptureResource {
    public static final String NDJSON = "application/x-ndjson";
    /** What placing the capture re-derived: {@code article} (its own), {@code source} (all of it), {@code none}. */
    public static final String DERIVATION_HEADER = "Palimpsest-Derived";

    /** How a client asks for a capture to be accepted now and placed later (RFC 7240). */
    static final String RESPOND_ASYNC = "respond-async";

    private final CaptureService captures;
    private final CaptureInbox inbox;
    private final CaptureReader reader;
    private final BatchIngest batch;
    private final long maxBytes;

    public CaptureResource(CaptureService captures, CaptureInbox inbox, CaptureReader reader, BatchIngest batch,
            CaptureConfig config) {
        this.captures = captures;
        this.inbox = inbox;
        this.reader = reader;
        this.batch = batch;
        this.maxBytes = config.maxSize().asLongValue();
    }

    @POST
    @RolesAllowed("archivist")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@QueryParam("source") String source, @QueryParam("url") String url,
            @QueryParam("capturedAt") String capturedAt, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam("Prefer") String prefer, InputStream body, SecurityContext security) {
        byte[] content = readBounded(body);
        CaptureRequest request = new CaptureRequest(source, Optional.ofNullable(url), Optional.ofNullable(capturedAt),
                contentType, content, CaptureOrigin.upload(security.getUserPrincipal().getName()));
        if (prefers(prefer, RESPOND_ASYNC)) {
            AcceptedCapture accepted = inbox.accept(request);
            return Response.accepted(AcceptedView.pending(accepted.id(), source, url, accepted.receivedAt()))
                    .header(HttpHeaders.LOCATION, "/api/captures/" + accepted.id())
                    .header("Preference-Applied", RESPOND_ASYNC)
                    .build();
        }
        IngestResult result = captures.ingest(request);
        CaptureView view = reader.capture(result.captureId()).orElseThrow();
        return Response.status(result.created() ? 201 : 200).entity(view)
                .header(HttpHeaders.LOCATION, "/api/captures/" + view.captureId())
                .header(DERIVATION_HEADER, result.rederived().label())
                .build();
    }

    @POST
    @Path("batch")
    @RolesAllowed("archivist")
    @Consumes(MediaType.WILDCARD)
    @Produces(NDJSON)
    public Response createBatch(InputStream body, SecurityContext security) {
        String agent = security.getUserPrincipal().getName();
        StreamingOutput out = output -> batch.ingest(body, output, agent);
        return Response.ok(out, NDJSON).build();
    }

    /**
     * A capture; for one accepted to be placed later and not placed yet, 202 with its {@link AcceptedView}; for one
     * placed as a repeat of a stored capture, 303 to that capture; for one refused when it was placed, its problem.
     */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") UUID id) {
        CaptureLookup.Found<CaptureView> found = CaptureLookup.find(id, reader::capture, inbox::state)
                .orElseThrow(() -> notFound(id));
        if (found instanceof CaptureLookup.Stored<CaptureView> stored) {
            return Response.ok(stored.view()).build();
        }
        InboxState state = ((CaptureLookup.Accepted<CaptureView>) found).state();
        if (state instanceof InboxState.Pending p) {
            return Response.accepted(AcceptedView.pending(id, p.source(), p.url(), p.receivedAt()))
                    .header(HttpHeaders.RETRY_AFTER, 1).build();
        }
        if (state instanceof InboxState.Repeat r) {
            return Response.seeOther(URI.create("/api/captures/" + r.captureId())).build();
        }
        InboxState.Refused r = (InboxState.Refused) state;
        throw new ArchiveException(r.kind(), "the capture accepted at " + r.receivedAt() + " was not stored: "
                + r.detail());
    }

    /** Whether a {@code Prefer} header (RFC 7240) asks for {@code preference}. */
    static boolean prefers(String header, String preference) {
        if (header == null) {
            return false;
        }
        for (String p : header.split(",")) {
            if (p.split(";")[0].trim().equalsIgnoreCase(preference)) {
                return true;
            }
        }
        return false;
    }

    @GET
    @Path("{id}/raw")
    public Response raw(@PathParam("id") UUID id) {
        CaptureReader.RawCapture raw = reader.raw(id).orElseThrow(() -> notFound(id));
        return Response.ok(raw.bytes()).type(raw.contentType())
                .header("Repr-Digest", raw.digest().reprDigest())
                .header(HttpHeaders.ETAG, "\"" + raw.digest().hex() + "\"")
                .build();
    }

    private byte[] readBounded(InputStream body) {
        try {
            byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (content.length > maxBytes) {
                throw new ArchiveException(ProblemKind.TOO_LARGE, "the capture is larger than the limit of " + maxBytes
                        + " bytes (palimpsest.capture.max-size)");
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ArchiveException notFound(UUID id) {
        return ArchiveException.notFound("no capture " + id + " in the archive");
    }
}
