package org.palimpsest.core.blob;

import java.time.Instant;
import java.util.List;

/**
 * A fixity audit, running or finished: every capture's bytes (and the WARC payload it was decoded from, where that
 * was kept) read back and checked against its SHA-256.
 *
 * @param capturesTotal captures when the audit started; {@code capturesChecked} of them are done
 * @param blobsChecked distinct blobs read (bytes several captures share are read once)
 * @param problems the first {@link #LISTED} blobs found missing or corrupt, with a capture that names each
 */
public record FixityReport(State state, String store, Instant startedAt, Instant finishedAt, long capturesTotal,
        long capturesChecked, long blobsChecked, long intact, long missing, long corrupt, List<Problem> problems,
        String error) {
    public static final int LISTED = 1000;

    public enum State {
        RUNNING, DONE, FAILED
    }

    /** A blob a capture names that is not there, or not the bytes it should be. */
    public record Problem(String captureId, String sha256, Role role, BlobState state) {
    }

    /** Which of a capture's blobs: its bytes, or the WARC payload as recorded before it was decoded. */
    public enum Role {
        CONTENT, RECORDED
    }
}
