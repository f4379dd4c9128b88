package org.palimpsest.core.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.palimpsest.core.digest.ContentDigest;

/**
 * Raw bytes, stored once under their SHA-256, gzip-compressed at rest and never modified. Large deployments move
 * this behind the same interface to object storage.
 */
@ApplicationScoped
public class BlobStore {
    static final String GZIP = "gzip";

    private final EntityManager em;

    public BlobStore(EntityManager em) {
        this.em = em;
    }

    /**
     * Stores each of the contents unless a blob with its digest exists, in as few statements as the rows allow; safe
     * under concurrent calls.
     */
    public void putAll(Map<ContentDigest, byte[]> contents) {
        List<Object[]> rows = new ArrayList<>(contents.size());
        contents.forEach((digest, bytes) -> rows.add(new Object[] {digest.hex(), (long) bytes.length, GZIP, gzip(bytes)}));
        Sql.insertAll(em, "blob", "sha256, size, compression, data", rows);
    }

    public Optional<byte[]> get(ContentDigest digest) {
        return em.createNativeQuery("select data from blob where sha256 = ?1", byte[].class)
                .setParameter(1, digest.hex())
                .getResultStream()
                .findFirst()
                .map(data -> gunzip((byte[]) data));
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("stored blob is not valid gzip", e);
        }
    }
}
