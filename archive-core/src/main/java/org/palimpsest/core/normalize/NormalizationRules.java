package org.palimpsest.core.normalize;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The site-independent rules of normalisation.
 *
 * @param sectionMarkers lines (compared case-insensitively, a trailing colon ignored) that end an article's body
 * @param linkLinePrefixes line beginnings that mark a link to another article inside the body
 * @param headMinArticles a line above the headline becomes template once it is seen in this many different articles
 * @param bodyMinArticles a line inside bodies becomes template once it is seen in this many different articles
 * @param maxHeadlineLength the longest line taken for a headline
 */
public record NormalizationRules(
        Set<String> sectionMarkers, List<String> linkLinePrefixes, int headMinArticles, int bodyMinArticles,
        int maxHeadlineLength) {

    public static final NormalizationRules DEFAULT = new NormalizationRules(
            Set.of("most popular", "editors' picks", "editor's picks", "most read", "related", "related articles",
                    "related stories", "recommended", "trending", "more from", "read more", "latest news",
                    "more stories", "you may also like"),
            List.of("read more:", "read also:", "see also:", "related:", "also read:"),
            2, 3, 300);

    public NormalizationRules {
        sectionMarkers = sectionMarkers.stream().map(m -> Canonical.of(m).toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        linkLinePrefixes = linkLinePrefixes.stream().map(p -> Canonical.of(p).toLowerCase(Locale.ROOT)).toList();
    }

    boolean isSectionMarker(String canonical) {
        String key = canonical.toLowerCase(Locale.ROOT);
        if (key.endsWith(":")) {
            key = key.substring(0, key.length() - 1).strip();
        }
        return sectionMarkers.contains(key);
    }

    boolean isLinkLine(String canonical) {
        String key = canonical.toLowerCase(Locale.ROOT);
        return linkLinePrefixes.stream().anyMatch(key::startsWith);
    }
}
