package org.palimpsest.core.identity;

/** How a capture was attached to its article. */
public sealed interface IdentityDecision {

    /** Its canonical URL names the article. */
    record ByUrl(String surtKey) implements IdentityDecision {
    }

    /** Its body is a near-duplicate (estimated Jaccard {@code score}) of another capture of the article. */
    record BySimilarity(double score, String matchedCapture) implements IdentityDecision {
    }

    /** Nothing matched: it starts an article. */
    record New() implements IdentityDecision {
    }
}
