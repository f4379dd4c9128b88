package org.palimpsest.core.blob;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/** Where raw bytes are kept ({@code palimpsest.blobs.*}). */
@ConfigMapping(prefix = "palimpsest.blobs")
public interface BlobConfig {

    /**
     * {@code filesystem} (the default), {@code s3} (an S3-compatible object store, {@code palimpsest.blobs.s3.*}) or
     * {@code database} (PostgreSQL's blob table, as before the bytes moved out).
     */
    @WithDefault("filesystem")
    Kind store();

    /** The file store's root directory (relative paths are taken from the working directory). */
    @WithDefault(".palimpsest/blobs")
    String directory();

    /**
     * Whether each blob and its directory are forced to disk before the capture that names it commits. Turn off only
     * where losing the last seconds of bytes to a power cut is acceptable (a scratch archive).
     */
    @WithDefault("true")
    boolean fsync();

    S3 s3();

    enum Kind {
        FILESYSTEM, S3, DATABASE
    }

    /** The S3-compatible store. */
    interface S3 {
        /** The endpoint of an S3-compatible server (MinIO, Ceph, s3proxy); AWS's own for the region when unset. */
        Optional<URI> endpoint();

        @WithDefault("us-east-1")
        String region();

        /** The bucket blobs go in; created when first written to if it does not exist. */
        @WithDefault("palimpsest-blobs")
        String bucket();

        /** With {@code secretKey}, the credentials; the SDK's default chain (environment, profile, role) when unset. */
        Optional<String> accessKey();

        Optional<String> secretKey();

        /** Path-style addressing ({@code endpoint/bucket/key}), which servers other than AWS's usually need. */
        @WithDefault("true")
        boolean pathStyle();
    }
}
