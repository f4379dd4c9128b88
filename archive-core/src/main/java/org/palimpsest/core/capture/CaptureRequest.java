package org.palimpsest.core.capture;

import java.util.Optional;

/**
 * A capture as it arrives, before validation: loose strings from a query string, an NDJSON line or a WARC record.
 *
 * @param source the site key
 * @param url the captured URL, if known
 * @param capturedAt the capture time as ISO-8601 text, if given
 * @param contentType the media type of the bytes
 * @param content the exact captured bytes
 * @param origin where the capture came from
 */
public record CaptureRequest(
        String source, Optional<String> url, Optional<String> capturedAt, String contentType, byte[] content,
        CaptureOrigin origin) {
}
