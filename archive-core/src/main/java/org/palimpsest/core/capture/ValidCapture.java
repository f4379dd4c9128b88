package org.palimpsest.core.capture;

import java.time.Instant;
import java.util.Optional;
import org.palimpsest.core.decode.CaptureMediaType;
import org.palimpsest.core.decode.DecodedText;
import org.palimpsest.core.digest.ContentDigest;

/** A capture that passed validation: every field is known to be well formed, and its bytes decoded once. */
public record ValidCapture(
        SourceKey source, Optional<CaptureUrl> url, Instant capturedAt, CaptureTimeOrigin capturedAtOrigin,
        CaptureMediaType mediaType, byte[] content, DecodedText text, ContentDigest rawDigest, CaptureOrigin origin) {
}
