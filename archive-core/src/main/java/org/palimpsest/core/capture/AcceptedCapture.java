package org.palimpsest.core.capture;

import java.time.Instant;
import java.util.UUID;

/**
 * A capture taken into the inbox, to be placed later: the id its client was promised, when it arrived (the "now" it
 * was validated against, and is again when placed), and the request as it came.
 */
public record AcceptedCapture(UUID id, Instant receivedAt, CaptureRequest request) {
}
