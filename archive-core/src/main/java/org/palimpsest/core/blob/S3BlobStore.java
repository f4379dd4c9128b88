package org.palimpsest.core.blob;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.palimpsest.core.digest.ContentDigest;
import org.palimpsest.core.error.ArchiveException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs as objects of an S3-compatible store (AWS S3, MinIO, Ceph, s3proxy): key {@code ab/cd/abcd….gz} in one
 * bucket, created when first written to. A PUT carries its Content-MD5, so the server refuses bytes damaged on the
 * way, and S3 answers a PUT only once the object is durable: the capture row that names it commits after. Objects are
 * written only when absent (a HEAD first), never overwritten. Blobs the database still holds are read from there.
 */
public final class S3BlobStore implements StoredFormTarget {
    private static final Logger LOG = Logger.getLogger(S3BlobStore.class);
    private final S3Client s3;
    private final String bucket;
    private final String where;
    private final BlobStore notYetMoved;

    /** {@code notYetMoved}: where blobs not moved here yet are read (the database), or null for nowhere. */
    public S3BlobStore(S3Client s3, String bucket, String where, BlobStore notYetMoved) {
        this.s3 = s3;
        this.bucket = bucket;
        this.where = where;
        this.notYetMoved = notYetMoved;
    }

    @Override
    public void putAll(Map<ContentDigest, byte[]> contents) {
        try {
            for (Map.Entry<ContentDigest, byte[]> e : contents.entrySet()) {
                putStored(e.getKey(), StoredForm.of(e.getValue()));
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "the S3 blob store %s cannot take %d blob(s)", where, contents.size());
            throw StoreRefusal.cannotWrite();
        }
    }

    @Override
    public void putStored(ContentDigest digest, byte[] stored) throws IOException {
        String key = StoredFormTarget.keyOf(digest);
        try {
            if (exists(key)) {
                return;
            }
            put(key, stored);
        } catch (NoSuchBucketException e) {
            createBucket();
            put(key, stored);
        } catch (SdkException e) {
            throw new IOException("S3 refused or did not answer: " + e.getMessage(), e);
        }
    }

    private boolean exists(String key) {
        try {
            s3.headObject(h -> h.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && !"NoSuchBucket".equals(errorCode(e))) {
                return false; // a HEAD's 404 has no body: no key, or no bucket, which the PUT then says
            }
            throw e;
        }
    }

    private void put(String key, byte[] stored) {
        s3.putObject(p -> p.bucket(bucket).key(key).contentType("application/gzip").contentMD5(md5(stored)),
                RequestBody.fromBytes(stored));
    }

    private void createBucket() {
        try {
            s3.createBucket(c -> c.bucket(bucket));
            LOG.infof("created bucket %s for blobs", bucket);
        } catch (BucketAlreadyOwnedByYouException e) {
            // made meanwhile by another node
        }
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static String md5(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    @Override
    public Optional<byte[]> get(ContentDigest digest) {
        String key = StoredFormTarget.keyOf(digest);
        byte[] stored;
        try {
            stored = s3.getObjectAsBytes(g -> g.bucket(bucket).key(key)).asByteArray();
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            Optional<byte[]> notMoved = notYetMoved == null ? Optional.empty() : notYetMoved.get(digest);
            return notMoved.isPresent() || !existsQuietly(key) ? notMoved : get(digest);
        } catch (SdkException e) {
            LOG.errorf(e, "blob %s cannot be read from %s", digest, where);
            throw ArchiveException.busy("the blob store cannot be read right now: try again shortly",
                    StoreRefusal.RETRY_AFTER_SECONDS);
        }
        return Optional.of(StoredForm.open(digest, stored));
    }

    private boolean existsQuietly(String key) {
        try {
            return exists(key);
        } catch (SdkException e) {
            return false;
        }
    }

    @Override
    public String describe() {
        return "s3 " + where;
    }
}
