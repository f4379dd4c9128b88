package org.palimpsest.core.capture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.error.ProblemKind;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.store.Sql;

/**
 * Captures accepted now and placed later ({@code Prefer: respond-async}). Accepting validates the capture as storing
 * it would, then writes it, bytes and all, to {@code capture_inbox} and commits: once the client is answered, the
 * capture survives a restart. {@link InboxDrain} claims waiting captures a round at a time and stores them with
 * {@link CaptureService#ingestAccepted}, which deletes their rows in the transaction that stores them.
 */
@ApplicationScoped
public class CaptureInbox {
    private final EntityManager em;
    private final CaptureLimits limits;
    private final InboxWakeUp wakeUp;

    public CaptureInbox(EntityManager em, CaptureConfig config, InboxWakeUp wakeUp) {
        this.em = em;
        this.limits = config.limits();
        this.wakeUp = wakeUp;
    }

    /** Validates a capture as it arrived: the same answer when it is accepted and when it is placed. */
    ValidCapture validate(AcceptedCapture accepted) {
        return new CaptureValidator(limits, Clock.fixed(accepted.receivedAt(), ZoneOffset.UTC))
                .validate(accepted.request());
    }

    /**
     * Takes a capture in to be placed later, answering the id it will have.
     *
     * @throws org.palimpsest.core.error.ArchiveException as storing it now would, for a capture the archive refuses
     */
    @Transactional
    public AcceptedCapture accept(CaptureRequest request) {
        AcceptedCapture accepted = new AcceptedCapture(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MICROS),
                request);
        validate(accepted);
        Sql.statement(em, "insert into capture_inbox (id, source, url, captured_at, content_type, content, origin,"
                        + " received_at) values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb), ?8)")
                .setParameter(1, accepted.id()).setParameter(2, request.source()).setParameter(3, request.url().orElse(null))
                .setParameter(4, request.capturedAt().orElse(null)).setParameter(5, request.contentType())
                .setParameter(6, request.content()).setParameter(7, Json.write(request.origin()))
                .setParameter(8, accepted.receivedAt()).executeUpdate();
        wakeUp.afterCommit();
        return accepted;
    }

    /**
     * Leases the oldest waiting captures to this node for {@code lease}: at most {@code captures} of them and, past
     * the first, at most {@code bytes} of content together (a round is held in memory).
     */
    @Transactional
    public List<AcceptedCapture> claim(int captures, long bytes, Duration lease) {
        List<Tuple> waiting = Sql.list(Sql.rows(em, "select id, octet_length(content) as size from capture_inbox"
                        + " where problem_kind is null and (claimed_until is null or claimed_until < now())"
                        + " order by received_at, id limit ?1 for update skip locked")
                .setParameter(1, captures));
        List<UUID> ids = new ArrayList<>();
        long total = 0;
        for (Tuple row : waiting) {
            total += row.get("size", Number.class).longValue();
            if (!ids.isEmpty() && total > bytes) {
                break;
            }
            ids.add(row.get("id", UUID.class));
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Tuple> rows = Sql.list(Sql.rows(em, "update capture_inbox set claimed_until = now() + make_interval("
                        + "secs => ?2) where id = any(cast(?1 as uuid[])) returning id, source, url, captured_at,"
                        + " content_type, content, cast(origin as text) as origin, received_at")
                .setParameter(1, Sql.array(ids)).setParameter(2, (double) lease.toSeconds()));
        List<AcceptedCapture> claimed = new ArrayList<>(rows.size());
        for (Tuple r : rows) {
            claimed.add(new AcceptedCapture(r.get("id", UUID.class), r.get("received_at", Instant.class),
                    new CaptureRequest(r.get("source", String.class), Optional.ofNullable(r.get("url", String.class)),
                            Optional.ofNullable(r.get("captured_at", String.class)),
                            r.get("content_type", String.class), r.get("content", byte[].class),
                            Json.read(r.get("origin", String.class), CaptureOrigin.class))));
        }
        claimed.sort(Comparator.comparing(AcceptedCapture::receivedAt).thenComparing(AcceptedCapture::id));
        return claimed;
    }

    /** Keeps refused captures' rows with their problems: they are not placed again. */
    @Transactional
    public void refused(Map<UUID, ArchiveException> problems) {
        problems.forEach((id, e) -> Sql.statement(em, "update capture_inbox set problem_kind = ?2, problem = ?3,"
                        + " content = ''::bytea where id = ?1").setParameter(1, id).setParameter(2, e.kind().name())
                .setParameter(3, e.getMessage()).executeUpdate());
    }

    /** Gives up every lease: at start, those a node that stopped mid-round left behind. */
    @Transactional
    public void releaseAll() {
        Sql.statement(em, "update capture_inbox set claimed_until = null where claimed_until is not null")
                .executeUpdate();
    }

    /** Gives captures that could not be stored (not refused: the database failed, say) back, to try again later. */
    @Transactional
    public void release(Collection<UUID> ids, Duration after) {
        if (!ids.isEmpty()) {
            Sql.statement(em, "update capture_inbox set claimed_until = now() + make_interval(secs => ?2)"
                            + " where id = any(cast(?1 as uuid[]))").setParameter(1, Sql.array(ids))
                    .setParameter(2, (double) after.toSeconds()).executeUpdate();
        }
    }

    /**
     * Inside the transaction that stores accepted captures: deletes their inbox rows, and for each one that repeated a
     * stored capture (or an earlier one of the round) records the capture it is.
     */
    void stored(Map<UUID, UUID> capturesByPromisedId) {
        if (capturesByPromisedId.isEmpty()) {
            return;
        }
        Sql.statement(em, "delete from capture_inbox where id = any(cast(?1 as uuid[]))")
                .setParameter(1, Sql.array(capturesByPromisedId.keySet())).executeUpdate();
        List<Object[]> aliases = capturesByPromisedId.entrySet().stream().filter(e -> !e.getKey().equals(e.getValue()))
                .map(e -> new Object[] {e.getKey(), e.getValue()}).toList();
        Sql.insertAll(em, "capture_alias", "id uuid, capture_id uuid", aliases);
    }

    /**
     * What became of an accepted capture not stored under its promised id, or empty when the archive never had it.
     * One statement, so one snapshot: the drain writes a repeat's alias and deletes its inbox row in one transaction,
     * and two reads could fall either side of its commit and find neither.
     */
    @Transactional
    public Optional<InboxState> state(UUID id) {
        List<Tuple> rows = Sql.list(Sql.rows(em, "select a.capture_id, i.source, i.url, i.received_at, i.problem_kind,"
                + " i.problem from (select cast(?1 as uuid) as id) k left join capture_alias a on a.id = k.id"
                + " left join capture_inbox i on i.id = k.id").setParameter(1, id));
        Tuple r = rows.get(0);
        UUID repeatOf = r.get("capture_id", UUID.class);
        if (repeatOf != null) {
            return Optional.of(new InboxState.Repeat(id, repeatOf));
        }
        Instant receivedAt = r.get("received_at", Instant.class);
        if (receivedAt == null) {
            return Optional.empty();
        }
        String kind = r.get("problem_kind", String.class);
        return Optional.of(kind == null
                ? new InboxState.Pending(id, r.get("source", String.class), r.get("url", String.class), receivedAt)
                : new InboxState.Refused(id, receivedAt, ProblemKind.valueOf(kind), r.get("problem", String.class)));
    }

    /** How many accepted captures wait to be placed, how long the oldest has, and how many were refused. */
    @Transactional
    public InboxStatus status() {
        Tuple r = Sql.list(Sql.rows(em, "select count(*) filter (where problem_kind is null) as waiting,"
                + " count(*) filter (where problem_kind is not null) as refused,"
                + " min(received_at) filter (where problem_kind is null) as oldest from capture_inbox")).get(0);
        Instant oldest = r.get("oldest", Instant.class);
        return new InboxStatus(r.get("waiting", Number.class).longValue(), oldest,
                oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0),
                r.get("refused", Number.class).longValue());
    }
}
