package org.palimpsest.api.web;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.palimpsest.api.http.Links;
import org.palimpsest.api.memento.Memento;
import org.palimpsest.core.normalize.RemovedLine;

/** How the pages show times and search highlights. */
@TemplateExtension
public final class WebText {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private WebText() {
    }

    /** {@code 2025-05-11 09:30:00 UTC}. */
    static String utc(Instant t) {
        return t == null ? "" : UTC.format(t);
    }

    /** The 14-digit timestamp of a memento at {@code t}. */
    static String memento(Instant t) {
        return Memento.TIMESTAMP.format(t);
    }

    /** {@code 2025-05-11}, as Robust Links' {@code data-versiondate} has it. */
    static String day(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    /** Why a line was taken out, in words. */
    static String describe(RemovedLine.Reason reason) {
        return switch (reason) {
            case TEMPLATE -> "chrome of this source: it recurs across different articles";
            case BEFORE_HEADLINE -> "above the headline, where sites put tickers and navigation";
            case SECTION_MARKER -> "a section marker (such as \"Most Popular\") that ends the article";
            case AFTER_SECTION_MARKER -> "after a section marker: lists of other articles";
            case LINK_LINE -> "a \"Read more\" line linking to another article";
        };
    }

    /**
     * A search highlight as HTML: the captured text escaped, only the search engine's {@code <mark>} tags kept
     * (the text of an article may itself contain angle brackets).
     */
    static RawString highlight(String fragment) {
        String escaped = Links.html(fragment);
        return new RawString(escaped.replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>"));
    }
}
