package org.palimpsest.core.placement;

import java.util.List;
import org.palimpsest.core.derivation.SourceCapture;
import org.palimpsest.core.normalize.NormalizedCapture;

/**
 * A capture being placed: as stored, its canonical URL (null without one), its text under the template it is placed
 * with, the MinHash signature of that text, and the versions it is similar to (best first; empty when it has a URL
 * or matched nothing).
 */
record NewCapture(SourceCapture capture, String canonicalUrl, NormalizedCapture normalized, int[] signature,
        List<SimilarVersion> matches) {

    String key() {
        return capture.orderKey();
    }
}
