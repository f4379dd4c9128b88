package org.palimpsest.core.decode;

import java.nio.charset.Charset;

/**
 * Captured bytes as text.
 *
 * @param text the decoded characters
 * @param charset the charset used
 * @param charsetSource how the charset was chosen: {@code declared}, {@code bom}, {@code meta}, {@code utf-8-valid} or {@code fallback}
 * @param malformedInputs how many invalid byte sequences, and NUL characters, were replaced by U+FFFD (the raw bytes
 *     stay untouched); a NUL is no text, and PostgreSQL can hold none in text or jsonb
 */
public record DecodedText(String text, Charset charset, String charsetSource, int malformedInputs) {
    public DecodedText {
        int nul = 0;
        for (int i = text.indexOf('\u0000'); i >= 0; i = text.indexOf('\u0000', i + 1)) {
            nul++;
        }
        if (nul > 0) {
            text = text.replace('\u0000', '\uFFFD');
            malformedInputs += nul;
        }
    }
}
