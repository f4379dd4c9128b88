package org.palimpsest.core.normalize;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.palimpsest.core.normalize.NormalizationRules;

/** Normalisation and article identity settings ({@code palimpsest.normalize.*}). */
@ConfigMapping(prefix = "palimpsest.normalize")
public interface NormalizeConfig {

    /** Lines that end an article body; empty means the built-in list. */
    Optional<Set<String>> sectionMarkers();

    /** Beginnings of link lines inside a body; empty means the built-in list. */
    Optional<List<String>> linkLinePrefixes();

    /** Distinct articles a line above the headline must appear in to become template. */
    @WithDefault("2")
    int headMinArticles();

    /** Distinct articles a line inside bodies must appear in to become template. */
    @WithDefault("3")
    int bodyMinArticles();

    /** Estimated Jaccard similarity of bodies at or above which two captures without URL are one article. */
    @WithDefault("0.5")
    double similarityThreshold();

    default NormalizationRules rules() {
        NormalizationRules d = NormalizationRules.DEFAULT;
        return new NormalizationRules(sectionMarkers().orElse(d.sectionMarkers()),
                linkLinePrefixes().orElse(d.linkLinePrefixes()), headMinArticles(), bodyMinArticles(),
                d.maxHeadlineLength());
    }
}
