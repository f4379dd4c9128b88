package org.palimpsest.core.decode;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What an HTML page says of itself in its own markup, each fact with where it came from (a JSON-LD property, a
 * {@code meta} element, {@code <time>}, {@code <h1>} ...): the first of the page's own statements in a fixed order of
 * trust, structured data before Open Graph before plain elements. A fact the page does not state is null.
 *
 * @param headline the article's headline
 * @param datePublished when the page says the article was published (ISO-8601 as the page gives it)
 * @param dateModified when the page says it was last changed
 * @param authors the authors' names, in the page's order
 * @param language the page's language tag
 * @param canonicalUrl the address the page names as its own
 * @param section the section or category the page files the article under
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PageMetadata(Fact headline, Fact datePublished, Fact dateModified, Authors authors, Fact language,
        Fact canonicalUrl, Fact section) {

    /** One statement of the page and where in it it was found. */
    public record Fact(String value, String from) {
    }

    /** The authors' names and where they were found. */
    public record Authors(List<String> names, String from) {
    }

    public boolean isEmpty() {
        return headline == null && datePublished == null && dateModified == null && authors == null
                && language == null && canonicalUrl == null && section == null;
    }
}
