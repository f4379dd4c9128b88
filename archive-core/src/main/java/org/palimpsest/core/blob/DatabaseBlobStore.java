package org.palimpsest.core.blob;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.palimpsest.core.digest.ContentDigest;
import org.palimpsest.core.store.Sql;

/**
 * Blobs as rows of PostgreSQL's {@code blob} table, written in the caller's transaction: what the archive did before
 * the bytes moved out ({@code palimpsest.blobs.store=database}), and where the file store still finds blobs the
 * migration has not moved yet.
 */
public final class DatabaseBlobStore implements BlobStore {
    private final EntityManager em;

    public DatabaseBlobStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public void putAll(Map<ContentDigest, byte[]> contents) {
        List<Object[]> rows = new ArrayList<>(contents.size());
        contents.forEach((digest, bytes) ->
                rows.add(new Object[] {digest.hex(), (long) bytes.length, "gzip", StoredForm.of(bytes)}));
        Sql.insertAll(em, "blob", "sha256 text, size bigint, compression text, data bytea", rows);
    }

    @Override
    public Optional<byte[]> get(ContentDigest digest) {
        return em.createNativeQuery("select data from blob where sha256 = ?1", byte[].class)
                .setParameter(1, digest.hex())
                .getResultStream()
                .findFirst()
                .map(data -> StoredForm.open(digest, (byte[]) data));
    }

    @Override
    public String describe() {
        return "database (PostgreSQL table blob)";
    }
}
