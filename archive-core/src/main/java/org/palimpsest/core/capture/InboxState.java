package org.palimpsest.core.capture;

import java.time.Instant;
import java.util.UUID;
import org.palimpsest.core.error.ProblemKind;

/** What became of a capture accepted into the inbox that is not (yet) a capture under the id it was promised. */
public sealed interface InboxState {

    /** Waiting to be placed. */
    record Pending(UUID id, String source, String url, Instant receivedAt) implements InboxState {
    }

    /** Placed as a repeat of a stored capture, which is the one to read. */
    record Repeat(UUID id, UUID captureId) implements InboxState {
    }

    /** Refused when it was placed: nothing was stored. */
    record Refused(UUID id, Instant receivedAt, ProblemKind kind, String detail) implements InboxState {
    }
}
