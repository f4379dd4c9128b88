package org.palimpsest.core.derivation;

import java.util.List;
import org.palimpsest.core.identity.IdentityDecision;
import org.palimpsest.core.normalize.NormalizedCapture;
import org.palimpsest.core.normalize.Template;
import org.palimpsest.core.version.Timeline;

/**
 * Everything derived from a source's captures: its template, its articles and their versions.
 *
 * @param template the learned template
 * @param iterations how many rounds of learning it took to reach a stable template
 * @param articles the articles, in identity-key order
 */
public record Derivation(Template template, int iterations, List<Article> articles) {

    /** An article: its identity, its captures (in time order) and its timeline of versions. */
    public record Article(String identityKey, List<DerivedCapture> captures, List<Timeline.Version> versions) {
    }

    /**
     * One capture's place in the archive; {@code signature}, the MinHash of its body, is given for the first capture
     * of each version (the version's LSH bands are filed under it) and null for the others.
     */
    public record DerivedCapture(
            SourceCapture capture, NormalizedCapture normalized, int[] signature, IdentityDecision identity,
            int versionNumber, boolean firstOfVersion) {
    }
}
