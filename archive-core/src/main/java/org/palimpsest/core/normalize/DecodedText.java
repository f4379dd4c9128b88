package org.palimpsest.core.normalize;

import java.nio.charset.Charset;

/**
 * Captured bytes as text.
 *
 * @param text the decoded characters
 * @param charset the charset used
 * @param charsetSource how the charset was chosen: {@code declared}, {@code bom}, {@code meta}, {@code utf-8-valid} or {@code fallback}
 * @param malformedInputs how many invalid byte sequences were replaced by U+FFFD (the raw bytes stay untouched)
 */
public record DecodedText(String text, Charset charset, String charsetSource, int malformedInputs) {
}
