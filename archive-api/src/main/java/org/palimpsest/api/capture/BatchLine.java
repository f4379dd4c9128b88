package org.palimpsest.api.capture;

/** One line of an NDJSON batch: the text in {@code content}, or bytes in {@code contentBase64}. */
public record BatchLine(
        String source, String url, String capturedAt, String contentType, String content, String contentBase64) {
}
