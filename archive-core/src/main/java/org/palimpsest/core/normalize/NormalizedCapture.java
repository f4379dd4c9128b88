package org.palimpsest.core.normalize;

import java.util.List;

/**
 * A capture with its chrome removed.
 *
 * @param headline the headline as captured
 * @param paragraphs the body paragraphs as captured
 * @param canonicalParagraphs the same paragraphs in canonical form
 * @param contentSha256 the digest of the canonical headline and paragraphs: the version's identity
 * @param removed every line taken out, with the reason
 * @param headCanonical canonical lines above the headline, and the headline (what template learning counts)
 * @param bodyCanonical canonical body lines before template removal (what template learning counts)
 */
public record NormalizedCapture(
        String headline, List<String> paragraphs, List<String> canonicalParagraphs, String contentSha256, List<RemovedLine> removed,
        List<String> headCanonical, List<String> bodyCanonical) {

    /** The canonical body text, for similarity. */
    public String canonicalBody() {
        StringBuilder sb = new StringBuilder();
        for (String p : canonicalParagraphs) {
            sb.append(p).append('\n');
        }
        return sb.toString();
    }
}
