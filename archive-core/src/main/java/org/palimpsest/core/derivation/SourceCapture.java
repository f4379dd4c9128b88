package org.palimpsest.core.derivation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.palimpsest.core.decode.Extraction;

/**
 * A capture as derivation sees it: what it says and the facts that order it.
 *
 * @param id the capture's id (not used for ordering: ids depend on arrival)
 * @param capturedAt the capture time
 * @param rawSha256 the digest of its bytes
 * @param url the URL as given, if any
 * @param urlKey the SURT key of its canonical URL, if any
 * @param extraction its text lines
 */
public record SourceCapture(
        String id, Instant capturedAt, String rawSha256, Optional<String> url, Optional<String> urlKey,
        Extraction extraction) {
    private static final DateTimeFormatter FIXED_WIDTH =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmssnnnnnnnnn").withZone(ZoneOffset.UTC);

    /** A key unique within a source that sorts captures by time, the same whatever order they arrived in. */
    public String orderKey() {
        return orderKey(capturedAt, rawSha256, url.orElse(null));
    }

    /** The order key of a capture given by its columns ({@code url} may be null). */
    public static String orderKey(Instant capturedAt, String rawSha256, String url) {
        return FIXED_WIDTH.format(capturedAt) + "|" + rawSha256 + "|" + (url == null ? "" : url);
    }
}
