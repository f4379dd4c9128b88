package org.palimpsest.core.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.palimpsest.core.capture.ContentDigest;

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

    /** Stores the bytes unless a blob with that digest exists; safe under concurrent calls. */
    public void put(ContentDigest digest, byte[] bytes) {
        em.createNativeQuery("insert into blob (sha256, size, compression, data) values (?1, ?2, ?3, ?4)"
                        + " on conflict (sha256) do nothing")
                .setParameter(1, digest.hex())
                .setParameter(2, (long) bytes.length)
                .setParameter(3, GZIP)
                .setParameter(4, gzip(bytes))
                .executeUpdate();
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
