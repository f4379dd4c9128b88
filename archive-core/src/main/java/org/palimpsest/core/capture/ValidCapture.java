package org.palimpsest.core.capture;

import java.time.Instant;
import java.util.Optional;

/** A capture that passed validation: every field is known to be well formed. */
public record ValidCapture(
        SourceKey source, Optional<CaptureUrl> url, Instant capturedAt, CaptureTimeOrigin capturedAtOrigin,
        CaptureMediaType mediaType, byte[] content, ContentDigest rawDigest, CaptureOrigin origin) {
}
