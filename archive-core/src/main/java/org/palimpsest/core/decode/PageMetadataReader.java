package org.palimpsest.core.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads {@link PageMetadata} from a parsed page: schema.org JSON-LD (an article-like object, also inside
 * {@code @graph} or a list), then Open Graph and article meta properties, then the page's plain elements. Pages
 * declare these facts in many ways; a fact the page states in none of them is left out, never guessed.
 */
final class PageMetadataReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** schema.org types whose headline and dates are the article's (a WebPage's are the page's, read only after). */
    private static final Set<String> ARTICLES = Set.of("article", "newsarticle", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "blogposting",
            "socialmediaposting", "liveblogposting", "scholarlyarticle", "techarticle", "report");

    private PageMetadataReader() {
    }

    static PageMetadata read(Document doc) {
        List<JsonNode> objects = jsonLd(doc);
        Optional<JsonNode> article = objects.stream().filter(o -> types(o).stream().anyMatch(ARTICLES::contains))
                .findFirst();
        Optional<JsonNode> page = objects.stream().filter(o -> types(o).contains("webpage")).findFirst();
        Optional<PageMetadata.Fact> h1 = element(doc, "h1");
        List<String> siteNames = siteNames(doc, article, objects);
        return new PageMetadata(
                first(ld(article, "headline"), ld(page, "headline"),
                        title(meta(doc, "meta[property=og:title]"), siteNames, h1),
                        title(meta(doc, "meta[name=twitter:title]"), siteNames, h1), h1,
                        title(element(doc, "title"), siteNames, h1)),
                first(ld(article, "datePublished"), meta(doc, "meta[property=article:published_time]"),
                        meta(doc, "meta[itemprop=datePublished]"), meta(doc, "meta[name=pubdate]"),
                        meta(doc, "meta[name=publishdate]"), meta(doc, "meta[name=dc.date.issued]"),
                        meta(doc, "meta[name=DC.date.issued]"), meta(doc, "meta[name=date]"),
                        attribute(doc, "time[datetime][pubdate]", "datetime"),
                        attribute(doc, "time[itemprop=datePublished]", "datetime"),
                        attribute(doc, "article time[datetime]", "datetime"),
                        attribute(doc, "time[datetime]", "datetime")),
                first(ld(article, "dateModified"), meta(doc, "meta[property=article:modified_time]"),
                        meta(doc, "meta[itemprop=dateModified]"), meta(doc, "meta[property=og:updated_time]"),
                        meta(doc, "meta[name=last-modified]"), meta(doc, "meta[name=dc.date.modified]"),
                        attribute(doc, "time[itemprop=dateModified]", "datetime")),
                authors(article, doc).orElse(null),
                first(attribute(doc, "html[lang]", "lang"), ld(article, "inLanguage"),
                        meta(doc, "meta[http-equiv=content-language]"), meta(doc, "meta[property=og:locale]")),
                first(attribute(doc, "link[rel=canonical][href]", "href"), meta(doc, "meta[property=og:url]"),
                        ld(article, "url"), ld(article, "mainEntityOfPage")),
                first(ld(article, "articleSection"), meta(doc, "meta[property=article:section]"),
                        meta(doc, "meta[name=section]")));
    }

    /** Separators a title puts between an article's headline and the site's name. */
    private static final List<String> SEPARATORS = List.of(" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00b7 ",
            " \u00bb ");

    /**
     * A page title as the headline: without the site's name it ends with ("Dam repairs start - Valley Courier"), or,
     * when it is the page's {@code h1} followed by a separator and more, the {@code h1}.
     */
    private static Optional<PageMetadata.Fact> title(Optional<PageMetadata.Fact> title, List<String> siteNames,
            Optional<PageMetadata.Fact> h1) {
        if (title.isEmpty()) {
            return title;
        }
        String value = title.get().value();
        for (String separator : SEPARATORS) {
            for (String site : siteNames) {
                if (value.endsWith(separator + site) && value.length() > separator.length() + site.length()) {
                    return Optional.of(new PageMetadata.Fact(value.substring(0, value.length() - separator.length()
                            - site.length()).strip(), title.get().from() + " less the site's name"));
                }
            }
            if (h1.isPresent() && value.startsWith(h1.get().value() + separator)) {
                return h1;
            }
        }
        return title;
    }

    /** The names the page gives its site: Open Graph's, the application's, the publisher's in JSON-LD. */
    private static List<String> siteNames(Document doc, Optional<JsonNode> article, List<JsonNode> objects) {
        List<String> names = new ArrayList<>();
        meta(doc, "meta[property=og:site_name]").ifPresent(f -> names.add(f.value()));
        meta(doc, "meta[name=application-name]").ifPresent(f -> names.add(f.value()));
        article.map(a -> a.path("publisher").get("name")).flatMap(PageMetadataReader::text).ifPresent(names::add);
        objects.stream().filter(o -> types(o).contains("website")).findFirst().map(o -> o.get("name"))
                .flatMap(PageMetadataReader::text).ifPresent(names::add);
        return names;
    }

    /** Every JSON object of the page's JSON-LD blocks, {@code @graph} members and lists flattened. */
    private static List<JsonNode> jsonLd(Document doc) {
        List<JsonNode> out = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                collect(JSON.readTree(script.data()), out);
            } catch (IOException | RuntimeException malformed) {
                // a block that is not JSON states nothing; the page's other statements still count
            }
        }
        return out;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        } else if (node.isObject()) {
            out.add(node);
            collect(node.get("@graph"), out);
        }
    }

    private static Set<String> types(JsonNode object) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = object.get("@type");
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText().toLowerCase(Locale.ROOT)));
        } else if (type != null) {
            types.add(type.asText().toLowerCase(Locale.ROOT));
        }
        return types;
    }

    /** A JSON-LD property as text: a string, the first of a list, or an object's {@code @id}, url or name. */
    private static Optional<PageMetadata.Fact> ld(Optional<JsonNode> object, String property) {
        return object.map(o -> o.get(property)).flatMap(PageMetadataReader::text)
                .map(v -> new PageMetadata.Fact(v, "json-ld " + property));
    }

    private static Optional<String> text(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isArray()) {
            return value.isEmpty() ? Optional.empty() : text(value.get(0));
        }
        if (value.isObject()) {
            for (String key : List.of("@id", "url", "name")) {
                Optional<String> inner = text(value.get(key));
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        return Optional.of(value.asText().strip()).filter(s -> !s.isEmpty());
    }

    private static Optional<PageMetadata.Authors> authors(Optional<JsonNode> article, Document doc) {
        List<String> names = new ArrayList<>();
        article.map(a -> a.get("author")).ifPresent(author -> {
            for (JsonNode one : author.isArray() ? author : List.of(author)) {
                (one.isObject() ? text(one.get("name")) : text(one)).ifPresent(names::add);
            }
        });
        if (!names.isEmpty()) {
            return Optional.of(new PageMetadata.Authors(List.copyOf(names), "json-ld author"));
        }
        for (String selector : List.of("meta[name=author]", "meta[property=article:author]", "meta[name=byl]")) {
            doc.select(selector).forEach(m -> Optional.of(m.attr("content").strip()).filter(s -> !s.isEmpty())
                    .filter(s -> !s.startsWith("http")).ifPresent(names::add));
            if (!names.isEmpty()) {
                return Optional.of(new PageMetadata.Authors(List.copyOf(names), selector));
            }
        }
        doc.select("[rel=author], [itemprop=author] [itemprop=name]").forEach(e ->
                Optional.of(e.text().strip()).filter(s -> !s.isEmpty()).ifPresent(names::add));
        return names.isEmpty() ? Optional.empty()
                : Optional.of(new PageMetadata.Authors(List.copyOf(new LinkedHashSet<>(names)), "rel=author"));
    }

    private static Optional<PageMetadata.Fact> meta(Document doc, String selector) {
        return attribute(doc, selector, "content");
    }

    private static Optional<PageMetadata.Fact> attribute(Document doc, String selector, String attribute) {
        return Optional.ofNullable(doc.selectFirst(selector)).map(e -> e.attr(attribute).strip())
                .filter(s -> !s.isEmpty()).map(v -> new PageMetadata.Fact(v, selector));
    }

    private static Optional<PageMetadata.Fact> element(Document doc, String selector) {
        return doc.select(selector).stream().map(e -> e.text().strip()).filter(s -> !s.isEmpty()).findFirst()
                .map(v -> new PageMetadata.Fact(v, selector));
    }

    @SafeVarargs
    private static PageMetadata.Fact first(Optional<PageMetadata.Fact>... candidates) {
        for (Optional<PageMetadata.Fact> c : candidates) {
            if (c.isPresent()) {
                return c.get();
            }
        }
        return null;
    }
}
