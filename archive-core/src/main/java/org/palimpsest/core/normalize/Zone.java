package org.palimpsest.core.normalize;

import java.util.List;
import java.util.Map;

/**
 * Where a template line sits: above or as the headline ({@link #HEAD}), or inside the body ({@link #BODY}). Each zone
 * has its own threshold of distinct articles, and a one-letter code in the {@code template_line} tables.
 */
public enum Zone {
    HEAD('H'),
    BODY('B');

    private final char code;

    Zone(char code) {
        this.code = code;
    }

    /** The letter stored in {@code template_line.zone}. */
    public char code() {
        return code;
    }

    public static Zone ofCode(char code) {
        for (Zone zone : values()) {
            if (zone.code == code) {
                return zone;
            }
        }
        throw new IllegalArgumentException("no template zone has the code '" + code + "'");
    }

    /** Distinct articles a line of this zone must appear in to become template. */
    public int threshold(NormalizationRules rules) {
        return this == HEAD ? rules.headMinArticles() : rules.bodyMinArticles();
    }

    /** The template's lines of this zone, with the number of articles each was seen in. */
    public Map<String, Integer> lines(Template template) {
        return this == HEAD ? template.headLines() : template.bodyLines();
    }

    /** A normalised capture's canonical lines of this zone, the lines template learning counts. */
    public List<String> canonicalLines(NormalizedCapture capture) {
        return this == HEAD ? capture.headCanonical() : capture.bodyCanonical();
    }
}
