package org.palimpsest.core.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.palimpsest.core.blob.BlobStore;
import org.palimpsest.core.capture.CaptureOrigin;
import org.palimpsest.core.digest.ContentDigest;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.provenance.DerivationRecord;
import org.palimpsest.core.replica.Reads;
import org.palimpsest.core.store.CaptureEntity;
import org.palimpsest.core.store.Sql;

/** Reads captures: each with its provenance, and its exact bytes. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CaptureReader {
    private final BlobStore blobs;
    private final Reads reads;

    public CaptureReader(BlobStore blobs, Reads reads) {
        this.blobs = blobs;
        this.reads = reads;
    }

    /** The exact bytes of a capture, its media type and digest. */
    public record RawCapture(byte[] bytes, String contentType, ContentDigest digest) {
    }

    public Optional<CaptureView> capture(UUID id) {
        return Optional.ofNullable(reads.em().find(CaptureEntity.class, id)).map(CaptureReader::view);
    }

    /** Several captures with one query, by id (ids that name no capture are left out). */
    public Map<UUID, CaptureView> captures(Collection<UUID> ids) {
        Map<UUID, CaptureView> views = new HashMap<>();
        if (!ids.isEmpty()) {
            Sql.entities(reads.em(), "select * from capture where id = any(cast(?1 as uuid[]))", CaptureEntity.class)
                    .setParameter(1, Sql.array(ids)).getResultList().forEach(c -> views.put(c.id, view(c)));
        }
        return views;
    }

    public Optional<RawCapture> raw(UUID id) {
        return Optional.ofNullable(reads.em().find(CaptureEntity.class, id)).flatMap(c -> {
            ContentDigest digest = new ContentDigest(c.rawSha256);
            return blobs.get(digest).map(bytes -> new RawCapture(bytes, c.contentType, digest));
        });
    }

    static CaptureView view(CaptureEntity c) {
        Optional<DerivationRecord> d = Optional.ofNullable(c.derivation).map(j -> Json.read(j, DerivationRecord.class));
        var provenance = new CaptureView.Provenance(Json.read(c.origin, CaptureOrigin.class), c.capturedAtOrigin,
                new CaptureView.Digests(c.rawSha256, d.map(DerivationRecord::contentSha256).orElse(null)),
                d.map(DerivationRecord::normaliserVersion).orElse(null),
                d.map(DerivationRecord::templateVersion).orElse(null),
                d.map(DerivationRecord::templateDigest).orElse(null),
                d.map(DerivationRecord::decoding).orElse(null),
                d.map(DerivationRecord::page).orElse(null),
                d.map(DerivationRecord::body).orElse(null),
                d.map(DerivationRecord::removedLines).orElse(List.of()),
                d.map(DerivationRecord::identity).orElse(null),
                d.map(DerivationRecord::version).orElse(null),
                d.map(DerivationRecord::rederivations).orElse(List.of()));
        return new CaptureView(c.id, c.source, c.url, c.canonicalUrl, c.capturedAt, c.ingestedAt, c.rawSha256,
                c.rawSize, c.contentType, c.articleId, c.versionId,
                d.map(r -> r.version().versionNumber()).orElse(null),
                d.map(r -> r.version().decision() == DerivationRecord.VersionKind.NEW).orElse(false), provenance);
    }
}
