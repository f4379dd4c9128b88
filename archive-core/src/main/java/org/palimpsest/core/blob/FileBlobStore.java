package org.palimpsest.core.blob;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;
import org.palimpsest.core.digest.ContentDigest;

/**
 * Blobs as files: {@code root/ab/cd/abcd….gz} for the SHA-256 {@code abcd…} (two levels of 256 directories keep
 * each directory small at a billion blobs). A blob is written to a temporary file beside its place, forced to disk,
 * renamed into place atomically, and its directory forced: a blob is whole under its name or not there, and it is
 * durable before the capture row that names it commits. Blobs the database still holds (written before the bytes
 * moved out, not yet moved by {@link BlobMigration}) are read from there.
 */
public final class FileBlobStore implements StoredFormTarget {
    private static final Logger LOG = Logger.getLogger(FileBlobStore.class);
    private final Path root;
    private final boolean fsync;
    private final BlobStore notYetMoved;

    /** {@code notYetMoved}: where blobs not moved here yet are read (the database), or null for nowhere. */
    public FileBlobStore(Path root, boolean fsync, BlobStore notYetMoved) {
        this.root = root.toAbsolutePath().normalize();
        this.fsync = fsync;
        this.notYetMoved = notYetMoved;
    }

    Path pathOf(ContentDigest digest) {
        return root.resolve(StoredFormTarget.keyOf(digest));
    }

    @Override
    public void putAll(Map<ContentDigest, byte[]> contents) {
        try {
            placeAbsent(contents, StoredForm::of);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "the blob store under %s cannot take %d blob(s)", root, contents.size());
            throw StoreRefusal.cannotWrite();
        }
    }

    @Override
    public void putStored(ContentDigest digest, byte[] stored) throws IOException {
        placeAbsent(Map.of(digest, stored), UnaryOperator.identity());
    }

    /**
     * Writes each blob not there yet in its stored form, then forces the directories that gained entries. The blobs
     * of a call are all written before any is forced, then all forced before any is renamed into place: one journal
     * commit of the file system then carries most of them (forcing each as it is written cost one commit a blob,
     * a tenth of batch-ingest wall time), and a blob is still never under its name before it is on disk.
     */
    private void placeAbsent(Map<ContentDigest, byte[]> blobs, UnaryOperator<byte[]> storedForm) throws IOException {
        Set<Path> directories = new LinkedHashSet<>();
        Map<Path, Path> temporaries = new LinkedHashMap<>(); // target -> its temporary file
        try {
            for (Map.Entry<ContentDigest, byte[]> e : blobs.entrySet()) {
                Path target = pathOf(e.getKey());
                if (!Files.exists(target) && !temporaries.containsKey(target)) {
                    temporaries.put(target, writeTemporary(target, storedForm.apply(e.getValue()), directories));
                }
            }
            for (Path temporary : temporaries.values()) {
                force(temporary);
            }
            for (Iterator<Map.Entry<Path, Path>> moving = temporaries.entrySet().iterator(); moving.hasNext(); ) {
                Map.Entry<Path, Path> e = moving.next();
                Files.move(e.getValue(), e.getKey(), StandardCopyOption.ATOMIC_MOVE);
                directories.add(e.getKey().getParent());
                moving.remove(); // renamed: nothing left to delete
            }
        } finally {
            for (Path temporary : temporaries.values()) { // those a failure left behind
                Files.deleteIfExists(temporary);
            }
        }
        for (Path directory : directories) {
            force(directory);
        }
    }

    private Path writeTemporary(Path target, byte[] stored, Set<Path> directories) throws IOException {
        Path directory = target.getParent();
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            directories.add(directory.getParent()); // the new shard directories' own entries
            directories.add(directory.getParent().getParent());
        }
        Path temporary = Files.createTempFile(directory, target.getFileName().toString(), ".tmp");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(stored);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return temporary;
    }

    /** Forces a file or a directory to disk (a directory: its entries). */
    private void force(Path path) throws IOException {
        if (fsync) {
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    }

    @Override
    public Optional<byte[]> get(ContentDigest digest) {
        byte[] stored;
        try {
            stored = Files.readAllBytes(pathOf(digest));
        } catch (NoSuchFileException e) {
            Optional<byte[]> notMoved = notYetMoved == null ? Optional.empty() : notYetMoved.get(digest);
            // Absent from both only if the migration did not move it between the two looks.
            return notMoved.isPresent() || !Files.exists(pathOf(digest)) ? notMoved : get(digest);
        } catch (IOException e) {
            LOG.errorf(e, "blob %s cannot be read", digest);
            throw new CorruptBlobException(digest, "its file cannot be read");
        }
        return Optional.of(StoredForm.open(digest, stored));
    }

    @Override
    public String describe() {
        return "filesystem " + root;
    }
}
