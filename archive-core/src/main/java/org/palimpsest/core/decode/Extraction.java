package org.palimpsest.core.decode;

import java.util.List;

/**
 * What a capture says before any template is applied: its text lines in order (blank lines kept as empty
 * strings, since they separate a headline from its body), and facts about how they were read. It depends on the
 * raw bytes alone, so it is computed once at ingest and stored.
 *
 * @param charset the charset the bytes were decoded with
 * @param charsetSource how the charset was chosen
 * @param malformedInputs invalid byte sequences replaced while decoding
 * @param header the inline capture-file header that was taken off the text, or null
 * @param declaredHeadline the headline the markup declares ({@code h1}, {@code og:title}, {@code title}), or null
 * @param lines the text lines
 * @param page what an HTML page says of itself in its markup (null for plain text, and for captures stored before
 *     it was read)
 * @param body which extractor rule gave an HTML page's body, from which elements (null for plain text, and for
 *     captures stored before it was kept)
 */
public record Extraction(
        String charset, String charsetSource, int malformedInputs, String header, String declaredHeadline,
        List<String> lines, PageMetadata page, BodySource body) {
}
