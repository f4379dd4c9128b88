package org.palimpsest.core.normalize;

import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.palimpsest.core.digest.ContentDigest;

/**
 * A source's learned chrome: lines (canonical form) that recur in captures of different articles, each with the
 * number of distinct articles it was seen in. Head lines sit above headlines (tickers, navigation); body lines
 * recur inside bodies (promotions, boilerplate).
 *
 * <p>A body line is learned from the articles born with it (their first capture holds it); a line articles gained
 * later counts for them too only when it came as a site-wide insertion — every capture of the source from the first
 * holding it to the last holds it — and not as an edit each article received at its own time. {@code insertedLines}
 * are the body lines learned only so (fewer articles than the threshold were born with them): whether they stay
 * template depends on captures still to come, so placing a capture of their source re-derives it.
 */
public record Template(SortedMap<String, Integer> headLines, SortedMap<String, Integer> bodyLines,
        SortedSet<String> insertedLines) {
    public static final Template EMPTY = new Template(new TreeMap<>(), new TreeMap<>());

    public Template {
        headLines = new TreeMap<>(headLines);
        bodyLines = new TreeMap<>(bodyLines);
        insertedLines = insertedLines == null ? new TreeSet<>() : new TreeSet<>(insertedLines);
    }

    public Template(SortedMap<String, Integer> headLines, SortedMap<String, Integer> bodyLines) {
        this(headLines, bodyLines, null);
    }

    public boolean isHeadChrome(String canonical) {
        return headLines.containsKey(canonical) || bodyLines.containsKey(canonical);
    }

    public boolean isBodyChrome(String canonical) {
        return bodyLines.containsKey(canonical);
    }

    /** Identifies the template's content (its lines, not the counts), so a change of content is a new template. */
    public String digest() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Integer> e : headLines.entrySet()) {
            sb.append("H\t").append(e.getKey()).append('\n');
        }
        for (Map.Entry<String, Integer> e : bodyLines.entrySet()) {
            sb.append("B\t").append(e.getKey()).append('\n');
        }
        return ContentDigest.of(sb.toString()).hex();
    }

    public boolean sameLinesAs(Template other) {
        return headLines.keySet().equals(other.headLines.keySet()) && bodyLines.keySet().equals(other.bodyLines.keySet())
                && insertedLines.equals(other.insertedLines);
    }
}
