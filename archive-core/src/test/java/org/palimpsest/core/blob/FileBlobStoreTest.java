package org.palimpsest.core.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palimpsest.core.digest.ContentDigest;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.error.ProblemKind;

/** The file blob store on a real directory: layout, whole files only, checks on read, a refusal when it cannot write. */
class FileBlobStoreTest {
    @TempDir
    Path root;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    @Test
    void eachBlobIsOneGzipFileInTwoLevelsOfShardsAndNothingElseIsLeft() throws Exception {
        FileBlobStore store = new FileBlobStore(root, true, null);
        byte[] body = bytes("Headline\n\nBody.\n");
        ContentDigest digest = ContentDigest.of(body);

        store.putAll(Map.of(digest, body));

        String hex = digest.hex();
        assertEquals(List.of(Path.of(hex.substring(0, 2), hex.substring(2, 4), hex + ".gz")), files());
        assertArrayEquals(body, StoredForm.open(digest, Files.readAllBytes(root.resolve(files().get(0)))));
        assertArrayEquals(body, store.get(digest).orElseThrow());
    }

    @Test
    void writersOfTheSameBlobAtOnceLeaveOneWholeFile() throws Exception {
        FileBlobStore store = new FileBlobStore(root, false, null);
        byte[] body = bytes("x".repeat(200_000));
        ContentDigest digest = ContentDigest.of(body);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new java.util.ArrayList<>();
            for (int i = 0; i < 32; i++) {
                writes.add(pool.submit(() -> store.putAll(Map.of(digest, body))));
            }
            for (Future<?> w : writes) {
                w.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, files().size(), "one file, no temporary ones: " + files());
        assertArrayEquals(body, store.get(digest).orElseThrow());
    }

    @Test
    void bytesThatAreNotTheDigestsOrNotGzipAreCorruptAndAbsentOnesMissing() throws Exception {
        FileBlobStore store = new FileBlobStore(root, false, null);
        byte[] body = bytes("Headline\n");
        ContentDigest digest = ContentDigest.of(body);
        store.putAll(Map.of(digest, body));
        Path file = root.resolve(StoredFormTarget.keyOf(digest));

        Files.write(file, StoredForm.of(bytes("Headline, edited on disk\n")));
        assertEquals(BlobState.CORRUPT, store.check(digest));
        Files.write(file, bytes("not gzip at all"));
        assertEquals("the stored bytes under sha256 " + digest.hex() + " fail their fixity check (not valid gzip): they"
                + " are not served; an operator restores them from a copy (POST /api/admin/fixity lists every such"
                + " blob)", assertThrows(CorruptBlobException.class, () -> store.get(digest)).getMessage());
        Files.delete(file);
        assertEquals(Optional.empty(), store.get(digest));
        assertEquals(BlobState.MISSING, store.check(digest));
    }

    @Test
    void aStoreThatCannotWriteRefusesWithRetryAfterAndLeavesNoFile() throws Exception {
        Path notADirectory = root.resolve("blobs");
        Files.writeString(notADirectory, "a file where the store's directory should be");
        FileBlobStore store = new FileBlobStore(notADirectory, true, null);
        byte[] body = bytes("Headline\n");

        ArchiveException refused = assertThrows(ArchiveException.class,
                () -> store.putAll(Map.of(ContentDigest.of(body), body)));
        assertEquals(ProblemKind.UNAVAILABLE, refused.kind());
        assertEquals(30, refused.retryAfterSeconds().orElseThrow());
        assertEquals(List.of(Path.of("blobs")), files());
    }

    @Test
    void severalBlobsAreWrittenTogetherAndABatchThatCannotBeWhollyWrittenLeavesNoneOfItsFiles() throws Exception {
        FileBlobStore store = new FileBlobStore(root, true, null);
        Map<ContentDigest, byte[]> batch = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            byte[] body = bytes("Headline " + i + "\n\nBody " + i + ".\n");
            batch.put(ContentDigest.of(body), body);
        }
        store.putAll(batch);
        assertEquals(5, files().size(), "five blobs, no temporary files: " + files());
        for (Map.Entry<ContentDigest, byte[]> e : batch.entrySet()) {
            assertArrayEquals(e.getValue(), store.get(e.getKey()).orElseThrow());
        }

        Path other = Files.createDirectories(root.resolve("other"));
        FileBlobStore blocked = new FileBlobStore(other, true, null);
        Map<ContentDigest, byte[]> failing = new java.util.LinkedHashMap<>(batch);
        byte[] last = bytes("the blob whose shard cannot be made\n");
        ContentDigest lastDigest = ContentDigest.of(last);
        failing.put(lastDigest, last);
        Files.writeString(other.resolve(lastDigest.hex().substring(0, 2)), "a file where a shard directory should be");

        assertThrows(ArchiveException.class, () -> blocked.putAll(failing));
        try (var walk = Files.walk(other)) {
            assertEquals(List.of(other.resolve(lastDigest.hex().substring(0, 2))),
                    walk.filter(Files::isRegularFile).toList(), "no blob of the batch, no temporary file");
        }
    }
}
