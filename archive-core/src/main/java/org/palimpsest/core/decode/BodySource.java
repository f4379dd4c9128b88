package org.palimpsest.core.decode;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * Which rule of the extractor gave an HTML page's body, and the elements it took (each as a tag with its id or
 * classes, {@code div.entry-content}), shown in a capture's provenance.
 *
 * @param rule the rule
 * @param elements the elements the body was read from, in page order
 */
public record BodySource(Rule rule, List<String> elements) {

    /** The extractor's rules, from the page's own declaration to the whole page. */
    public enum Rule {
        /** The page declares its body ({@code itemprop="articleBody"}). */
        DECLARED,
        /** The container whose paragraphs scored best, with its siblings that scored near it, furniture set aside. */
        SCORED,
        /** As {@link #SCORED}, read again with the furniture, since too little was left without it. */
        SCORED_WITH_FURNITURE,
        /** No container stood out: the whole page, without its navigation, furniture and boxes of links. */
        WHOLE_PAGE;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
