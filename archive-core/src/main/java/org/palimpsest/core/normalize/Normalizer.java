package org.palimpsest.core.normalize;

import java.util.ArrayList;
import java.util.List;
import org.palimpsest.core.decode.BodySource;
import org.palimpsest.core.decode.Extraction;
import org.palimpsest.core.digest.ContentDigest;

/**
 * Removes a site's chrome from an extracted capture and computes the digest of what is left.
 *
 * <p>The page is read in zones. Everything above the headline is chrome (tickers, navigation). The headline is
 * the declared one (HTML), else the first line that is not template, has no closing full stop, and is followed by
 * a sentence. The body runs from there to the first section marker ("Most Popular"); the marker and everything after
 * it is chrome, and inside the body, link lines ("Read More: ...") and body template lines are chrome.
 *
 * <p>Editorial notices ({@link EditorialNotice}) above the headline or in the body are content wherever they stand:
 * kept as paragraphs (those above the headline first), never removed as template, and left out of the lines
 * template learning counts, so no number of articles carrying the same notice makes it chrome.
 *
 * <p>The template defers to the page: where the markup declares the article body ({@code itemprop="articleBody"},
 * {@link BodySource.Rule#DECLARED}), no body line is removed as template. Template learning still counts those lines,
 * so they are removed from the source's pages whose body had to be found by scoring.
 */
public final class Normalizer {
    /** Bumped whenever a change here can change a digest; recorded in every capture's provenance. */
    public static final String VERSION = "3";

    /** The markup declares a headline that is not among the text lines: every line is body. */
    private static final int DECLARED_NOT_IN_TEXT = -1;

    private final NormalizationRules rules;

    public Normalizer(NormalizationRules rules) {
        this.rules = rules;
    }

    public NormalizedCapture normalize(Extraction extraction, Template template) {
        List<String> lines = extraction.lines();
        List<String> canonical = lines.stream().map(Canonical::of).toList();
        int headlineAt = findHeadline(extraction, canonical, template);
        List<RemovedLine> removed = new ArrayList<>();
        List<String> head = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        List<String> canonicalParagraphs = new ArrayList<>();
        for (int i = 0; i < Math.max(0, headlineAt); i++) {
            if (EditorialNotice.is(lines.get(i))) {
                paragraphs.add(lines.get(i).strip());
                canonicalParagraphs.add(canonical.get(i));
            } else if (!canonical.get(i).isEmpty()) {
                head.add(canonical.get(i));
                removed.add(new RemovedLine(i + 1, lines.get(i), template.isHeadChrome(canonical.get(i))
                        ? RemovedLine.Reason.TEMPLATE : RemovedLine.Reason.BEFORE_HEADLINE));
            }
        }
        String headline;
        int bodyFrom;
        if (headlineAt == DECLARED_NOT_IN_TEXT) {
            headline = extraction.declaredHeadline().strip();
            bodyFrom = 0;
        } else if (headlineAt < lines.size()) {
            // A headline shared by different articles is chrome too (a ticker of headlines): template learning counts it.
            head.add(canonical.get(headlineAt));
            headline = lines.get(headlineAt).strip();
            bodyFrom = headlineAt + 1;
        } else {
            headline = "";
            bodyFrom = lines.size();
        }
        List<String> body = new ArrayList<>();
        boolean declaredBody = extraction.body() != null && extraction.body().rule() == BodySource.Rule.DECLARED;
        boolean ended = false;
        for (int i = bodyFrom; i < lines.size(); i++) {
            String c = canonical.get(i);
            if (c.isEmpty()) {
                continue;
            }
            RemovedLine.Reason reason = null;
            if (ended) {
                reason = RemovedLine.Reason.AFTER_SECTION_MARKER;
            } else if (rules.isSectionMarker(c)) {
                ended = true;
                reason = RemovedLine.Reason.SECTION_MARKER;
            } else if (!EditorialNotice.is(c)) {
                body.add(c);
                if (rules.isLinkLine(c)) {
                    reason = RemovedLine.Reason.LINK_LINE;
                } else if (!declaredBody && template.isBodyChrome(c)) {
                    reason = RemovedLine.Reason.TEMPLATE;
                }
            }
            if (reason == null) {
                paragraphs.add(lines.get(i).strip());
                canonicalParagraphs.add(c);
            } else {
                removed.add(new RemovedLine(i + 1, lines.get(i), reason));
            }
        }
        String canonicalHeadline = Canonical.of(headline);
        return new NormalizedCapture(headline, List.copyOf(paragraphs), List.copyOf(canonicalParagraphs),
                canonicalDigest(canonicalHeadline, canonicalParagraphs), List.copyOf(removed), List.copyOf(head),
                List.copyOf(body));
    }

    /** The digest of a version: canonical headline, a blank line, then one canonical paragraph per line. */
    public static String digest(String headline, List<String> paragraphs) {
        return canonicalDigest(Canonical.of(headline), paragraphs.stream().map(Canonical::of).toList());
    }

    private static String canonicalDigest(String headline, List<String> paragraphs) {
        StringBuilder sb = new StringBuilder(headline).append("\n\n");
        for (String p : paragraphs) {
            sb.append(p).append('\n');
        }
        return ContentDigest.of(sb.toString()).hex();
    }

    private int findHeadline(Extraction extraction, List<String> canonical, Template template) {
        if (extraction.declaredHeadline() != null) {
            String declared = Canonical.of(extraction.declaredHeadline());
            for (int i = 0; i < canonical.size(); i++) {
                if (canonical.get(i).equals(declared)) {
                    return i;
                }
            }
            return DECLARED_NOT_IN_TEXT;
        }
        int firstContent = -1;
        for (int i = 0; i < canonical.size(); i++) {
            String c = canonical.get(i);
            if (c.isEmpty() || template.isHeadChrome(c) || rules.isSectionMarker(c)) {
                continue;
            }
            if (firstContent < 0) {
                firstContent = i;
            }
            if (looksLikeHeadline(c) && sentenceFollows(canonical, i, template)) {
                return i;
            }
        }
        return firstContent < 0 ? canonical.size() : firstContent;
    }

    private boolean looksLikeHeadline(String c) {
        return c.length() <= rules.maxHeadlineLength() && !endsWith(c, ".:") && !rules.isLinkLine(c);
    }

    private boolean sentenceFollows(List<String> canonical, int at, Template template) {
        for (int i = at + 1; i < canonical.size(); i++) {
            String c = canonical.get(i);
            if (c.isEmpty()) {
                continue;
            }
            return !template.isHeadChrome(c) && !rules.isSectionMarker(c) && endsWith(c, ".!?:");
        }
        return false;
    }

    /** Whether the line's last character, inside any closing quotes or brackets, is one of {@code marks}. */
    static boolean endsWith(String canonical, String marks) {
        int end = canonical.length();
        while (end > 0 && "\"')]".indexOf(canonical.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && marks.indexOf(canonical.charAt(end - 1)) >= 0;
    }
}
