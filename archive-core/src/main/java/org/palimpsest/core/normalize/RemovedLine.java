package org.palimpsest.core.normalize;

/**
 * A line taken out of a capture as chrome, with the reason.
 *
 * @param line the 1-based line number in the extracted text
 * @param text the line as captured
 * @param reason why it is chrome
 */
public record RemovedLine(int line, String text, Reason reason) {

    public enum Reason {
        /** In the source's learned template: it recurs across different articles. */
        TEMPLATE,
        /** Above the headline, where sites put tickers and navigation. */
        BEFORE_HEADLINE,
        /** A section marker such as "Most Popular" that ends the article. */
        SECTION_MARKER,
        /** After a section marker: the lists of other articles that follow it. */
        AFTER_SECTION_MARKER,
        /** A "Read More:" line linking to another article. */
        LINK_LINE
    }
}
