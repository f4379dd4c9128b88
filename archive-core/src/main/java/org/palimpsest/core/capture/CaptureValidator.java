package org.palimpsest.core.capture;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.palimpsest.core.decode.CaptureFileHeader;
import org.palimpsest.core.decode.CaptureMediaType;
import org.palimpsest.core.decode.DecodedText;
import org.palimpsest.core.decode.TextDecoder;
import org.palimpsest.core.digest.ContentDigest;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.error.ProblemKind;

/** Checks a {@link CaptureRequest} against the archive's rules, before anything is written. */
public final class CaptureValidator {
    private final CaptureLimits limits;
    private final Clock clock;

    public CaptureValidator(CaptureLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public ValidCapture validate(CaptureRequest request) {
        SourceKey source = new SourceKey(request.source());
        Optional<CaptureUrl> url = request.url().filter(u -> !u.isBlank()).map(CaptureUrl::new);
        CaptureMediaType mediaType = CaptureMediaType.parse(request.contentType());
        byte[] content = request.content();
        if (content == null || content.length == 0) {
            throw ArchiveException.invalid("the capture is empty: send the captured page's bytes as the request body");
        }
        if (content.length > limits.maxBytes()) {
            throw new ArchiveException(ProblemKind.TOO_LARGE, "the capture is " + content.length
                    + " bytes; the limit is " + limits.maxBytes() + " bytes (palimpsest.capture.max-size)");
        }
        DecodedText decoded = TextDecoder.decode(content, mediaType.declaredCharset(),
                mediaType.kind() == CaptureMediaType.Kind.HTML);
        if (decoded.text().isBlank()) {
            throw ArchiveException.invalid("the capture holds only white space: send the captured page's text");
        }
        Instant now = clock.instant();
        Optional<Instant> given = request.capturedAt().filter(t -> !t.isBlank()).map(t -> IsoInstant.parse("capturedAt", t));
        Optional<Instant> fromHeader = given.isPresent()
                ? Optional.empty()
                : CaptureFileHeader.parse(decoded.text()).map(CaptureFileHeader::capturedAt);
        // To the microsecond, as PostgreSQL keeps it: derivation orders captures by this value, read back or not.
        Instant capturedAt = given.or(() -> fromHeader).orElse(now).truncatedTo(ChronoUnit.MICROS);
        CaptureTimeOrigin timeOrigin = given.isPresent() ? CaptureTimeOrigin.REQUEST
                : fromHeader.isPresent() ? CaptureTimeOrigin.HEADER : CaptureTimeOrigin.INGEST;
        if (capturedAt.isAfter(now.plus(limits.clockSkew()))) {
            throw ArchiveException.invalid("capturedAt " + capturedAt + " lies in the future (now is " + now
                    + "): give the time the page was captured");
        }
        return new ValidCapture(source, url, capturedAt, timeOrigin, mediaType, content, decoded, ContentDigest.of(content),
                request.origin());
    }
}
