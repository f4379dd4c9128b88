package org.palimpsest.core.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.core.digest.ContentDigest;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.error.ProblemKind;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 blob store against a real S3 API server: the s3proxy bin/test starts on 127.0.0.1:9401
 * ({@code PALIMPSEST_TEST_S3_ENDPOINT}), with the access key and secret bin/s3 gives it.
 */
class S3BlobStoreTest {
    static final URI ENDPOINT = URI.create(System.getenv().getOrDefault("PALIMPSEST_TEST_S3_ENDPOINT",
            "http://127.0.0.1:9401"));

    private S3Client client;
    private String bucket;
    private S3BlobStore store;

    static BlobConfig.S3 config(URI endpoint, String bucket) {
        return new BlobConfig.S3() {
            @Override
            public Optional<URI> endpoint() {
                return Optional.of(endpoint);
            }

            @Override
            public String region() {
                return "us-east-1";
            }

            @Override
            public String bucket() {
                return bucket;
            }

            @Override
            public Optional<String> accessKey() {
                return Optional.of("palimpsest");
            }

            @Override
            public Optional<String> secretKey() {
                return Optional.of("palimpsest-secret");
            }

            @Override
            public boolean pathStyle() {
                return true;
            }
        };
    }

    @BeforeEach
    void connect() {
        boolean up;
        try (Socket s = new Socket(ENDPOINT.getHost(), ENDPOINT.getPort())) {
            up = true;
        } catch (IOException e) {
            up = false;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertTrue(up, "no S3 server at " + ENDPOINT + " (CI=true: bin/test must start one with bin/s3)");
        }
        Assumptions.assumeTrue(up, "no S3 server at " + ENDPOINT + ": start one with bin/s3 start 9401");
        bucket = "blobs-" + UUID.randomUUID().toString().substring(0, 8); // a fresh bucket: the store creates it
        client = BlobStores.s3Client(config(ENDPOINT, bucket));
        store = new S3BlobStore(client, bucket, ENDPOINT + "/" + bucket, null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBlobIsAGzipObjectUnderItsDigestAndReadsBackExactly() throws Exception {
        byte[] body = bytes("Headline " + UUID.randomUUID() + "\n\nBody.\n");
        ContentDigest digest = ContentDigest.of(body);

        store.putAll(Map.of(digest, body));
        store.putAll(Map.of(digest, body)); // again: already there, not written twice

        byte[] object = client.getObjectAsBytes(g -> g.bucket(bucket).key(StoredFormTarget.keyOf(digest))).asByteArray();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(object))) {
            assertArrayEquals(body, in.readAllBytes());
        }
        assertArrayEquals(body, store.get(digest).orElseThrow());
        assertEquals(BlobState.INTACT, store.check(digest));
    }

    @Test
    void anObjectReplacedBehindTheArchivesBackIsCorruptAndAnAbsentOneMissing() {
        byte[] body = bytes("Headline " + UUID.randomUUID() + "\n");
        ContentDigest digest = ContentDigest.of(body);
        store.putAll(Map.of(digest, body));
        client.putObject(p -> p.bucket(bucket).key(StoredFormTarget.keyOf(digest)),
                RequestBody.fromBytes(StoredForm.of(bytes("other bytes"))));

        CorruptBlobException corrupt = assertThrows(CorruptBlobException.class, () -> store.get(digest));
        assertEquals("the stored bytes under sha256 " + digest.hex() + " fail their fixity check (the bytes have sha256 "
                + ContentDigest.of(bytes("other bytes")).hex() + "): they are not served; an operator restores them"
                + " from a copy (POST /api/admin/fixity lists every such blob)", corrupt.getMessage());
        assertEquals(BlobState.CORRUPT, store.check(digest));
        ContentDigest absent = ContentDigest.of(bytes("never stored " + UUID.randomUUID()));
        assertEquals(Optional.empty(), store.get(absent));
        assertEquals(BlobState.MISSING, store.check(absent));
    }

    @Test
    void aStoreThatDoesNotAnswerRefusesWritesWithRetryAfter() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort(); // free once closed: nothing listens there
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closed);
        S3BlobStore down = new S3BlobStore(BlobStores.s3Client(config(nowhere, bucket)), bucket, nowhere.toString(),
                null);
        byte[] body = bytes("Headline " + UUID.randomUUID() + "\n");

        ArchiveException refused = assertThrows(ArchiveException.class,
                () -> down.putAll(Map.of(ContentDigest.of(body), body)));
        assertEquals(ProblemKind.UNAVAILABLE, refused.kind());
        assertEquals(30, refused.retryAfterSeconds().orElseThrow());
    }
}
