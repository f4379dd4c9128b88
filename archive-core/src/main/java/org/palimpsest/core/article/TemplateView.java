package org.palimpsest.core.article;

import java.util.List;

/** A source's learned chrome template: each line with the number of distinct articles it was seen in. */
public record TemplateView(
        String source, int templateVersion, String templateDigest, long captureCount, long articleCount,
        List<Line> headLines, List<Line> bodyLines) {

    public record Line(String text, int articles) {
    }
}
