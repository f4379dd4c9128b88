package org.palimpsest.api.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.palimpsest.core.capture.CaptureInbox;
import org.palimpsest.core.capture.CaptureService;
import org.palimpsest.core.capture.InboxStatus;
import org.palimpsest.core.capture.SourceKey;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.error.ProblemKind;
import org.palimpsest.core.replica.ReplicaMonitor;
import org.palimpsest.core.replica.ReplicaStatus;
import org.palimpsest.indexer.index.IndexingException;
import org.palimpsest.indexer.index.VersionIndex;
import org.palimpsest.indexer.outbox.IndexingAdmin;
import org.palimpsest.indexer.outbox.IndexingStatus;

/** Operations: the search index, re-deriving a source, the read replica, and the inbox of accepted captures. */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AdminResource {
    private final IndexingAdmin admin;
    private final CaptureService captures;
    private final ReplicaMonitor replica;
    private final CaptureInbox inbox;

    public AdminResource(IndexingAdmin admin, CaptureService captures, ReplicaMonitor replica, CaptureInbox inbox) {
        this.admin = admin;
        this.captures = captures;
        this.replica = replica;
        this.inbox = inbox;
    }

    /** Captures accepted with {@code Prefer: respond-async}: how many wait to be placed, the oldest's age, refusals. */
    @GET
    @Path("inbox")
    public InboxStatus inbox() {
        return inbox.status();
    }

    /** The PostgreSQL read replica: its state, replay lag, the bound reads allow, and the reads each side answered. */
    @GET
    @Path("replica")
    public ReplicaStatus replica() {
        return replica.status();
    }

    /** The outbox backlog, the age of its oldest event, and the last indexing error. */
    @GET
    @Path("indexing")
    public IndexingStatus indexing() {
        return admin.status();
    }

    /** Queues the dead letters (events Elasticsearch refused on every attempt) again, after their cause is fixed. */
    @POST
    @Path("indexing/retry")
    public Map<String, Integer> retryDeadLetters() {
        return Map.of("requeued", admin.retryDeadLetters());
    }

    /** Re-derives a source from its stored captures: template, articles, versions, provenance. */
    @POST
    @Path("sources/{source}/rederive")
    public Response rederive(@PathParam("source") String source) {
        captures.rederive(new SourceKey(source));
        return Response.noContent().build();
    }

    /**
     * Rolls the search index over now: a new write index behind the alias, the old one kept for searches (and for
     * updates of the documents it holds). Without this, indexing nodes roll over by size or age
     * ({@code palimpsest.index.rollover.*}).
     */
    @POST
    @Path("rollover")
    public VersionIndex.Rolled rollover() {
        try {
            return admin.rollover();
        } catch (IndexingException e) {
            throw new ArchiveException(ProblemKind.UNAVAILABLE, "the search index could not be rolled over: "
                    + e.getMessage());
        }
    }

    /** Rebuilds the search index from PostgreSQL and swaps the alias; searches keep working meanwhile. */
    @POST
    @Path("reindex")
    public IndexingAdmin.Reindexed reindex() {
        try {
            return admin.reindex();
        } catch (IndexingException e) {
            throw new ArchiveException(ProblemKind.UNAVAILABLE, "the reindex did not finish and the alias still"
                    + " points at the old index: " + e.getMessage());
        }
    }
}
