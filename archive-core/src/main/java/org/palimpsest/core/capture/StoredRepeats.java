package org.palimpsest.core.capture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.palimpsest.core.store.Sql;

/** Which captures of a group repeat a stored capture of their source, as the unique indexes compare them. */
@ApplicationScoped
public class StoredRepeats {

    /**
     * A capture as {@code capture_identity} and {@code capture_identity_undated} compare it: its URL ({@code ""} for
     * none), raw digest, and time, or with {@code undated} only the first two (its time was the ingest's).
     */
    public record Identity(String url, String rawSha256, Instant capturedAt, boolean undated) {

        /** The capture's identity as the indexes see it. */
        public static Identity of(ValidCapture capture) {
            return new Identity(capture.url().map(CaptureUrl::value).orElse(""), capture.rawDigest().hex(),
                    capture.capturedAt(), capture.capturedAtOrigin() == CaptureTimeOrigin.INGEST);
        }

        /**
         * Equal for two captures of one group that are one capture: the same URL and bytes, and the same capture time
         * or none given for either.
         */
        public List<Object> groupKey() {
            return List.of(url, rawSha256, undated ? "INGEST" : capturedAt);
        }
    }

    /** Planned for its captures each time ({@link Sql#eachRowPlannedEachTime}): a probe of the identity index. */
    private static final String REPEATS = "select k.i - 1 as i, c.id as id from unnest(cast(? as text[]),"
            + " cast(? as text[]), cast(? as timestamptz[]), cast(? as boolean[]))"
            + " with ordinality as k(url, sha, at, undated, i) join capture c on c.source = ?"
            + " and coalesce(c.url, '') = k.url and c.raw_sha256 = k.sha"
            + " and (c.captured_at = k.at or k.undated and c.captured_at_origin = 'INGEST')";

    private final EntityManager em;

    public StoredRepeats(EntityManager em) {
        this.em = em;
    }

    /**
     * For each capture, the id of the stored capture of {@code source} it repeats, or null: one statement for them
     * all. The caller holds the source's lock, which keeps the answer true until its captures are written.
     */
    public UUID[] of(String source, List<Identity> captures) {
        UUID[] repeated = new UUID[captures.size()];
        List<String> urls = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        List<Boolean> undated = new ArrayList<>();
        for (Identity c : captures) {
            urls.add(c.url());
            digests.add(c.rawSha256());
            times.add(c.capturedAt());
            undated.add(c.undated());
        }
        Sql.eachRowPlannedEachTime(em, REPEATS, List.of(urls, digests, times, undated, source),
                row -> repeated[row.getInt("i")] = row.getObject("id", UUID.class));
        return repeated;
    }
}
