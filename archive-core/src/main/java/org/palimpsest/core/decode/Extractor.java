package org.palimpsest.core.decode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Turns captured bytes into text lines: HTML through jsoup (chrome elements dropped, the article's containers found by
 * {@link MainContent}, lists of links left out), plain text by line.
 */
public final class Extractor {
    private static final String DROPPED = "script, style, noscript, template, nav, aside, footer, form, iframe, svg,"
            + " header nav, [role=navigation], [aria-hidden=true], figure, figcaption";
    private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, dt, dd, td, th";
    private static final Evaluator BLOCK = QueryParser.parse(BLOCKS);
    private static final Evaluator BLOCKS_AND_DIVS = QueryParser.parse(BLOCKS + ", div");
    /** What ends a stretch of running text: blocks, and the elements that lay blocks out. */
    private static final Evaluator BREAKS = QueryParser.parse(BLOCKS + ", div, section, article, main, header, footer,"
            + " ul, ol, dl, table, tr, img, figure, form, select, hr");
    private static final Evaluator LINK_LISTS = QueryParser.parse("li, p, dd, td");
    /** A block more than this share of whose text is link text is a list of links, not prose. */
    private static final double MAX_LINK_DENSITY = 0.5;

    private Extractor() {
    }

    public static Extraction extract(byte[] bytes, CaptureMediaType mediaType) {
        return extract(TextDecoder.decode(bytes, mediaType.declaredCharset(),
                mediaType.kind() == CaptureMediaType.Kind.HTML), mediaType);
    }

    /** Extracts from bytes already decoded (validation decodes them once). */
    public static Extraction extract(DecodedText decoded, CaptureMediaType mediaType) {
        return mediaType.kind() == CaptureMediaType.Kind.HTML ? fromHtml(decoded) : fromPlainText(decoded);
    }

    static Extraction fromPlainText(DecodedText decoded) {
        String text = decoded.text();
        Optional<CaptureFileHeader> header = CaptureFileHeader.parse(text);
        String headerText = header.map(h -> text.substring(0, h.length()).strip()).orElse(null);
        String body = header.map(h -> text.substring(h.length())).orElse(text);
        return new Extraction(decoded.charset().name(), decoded.charsetSource(), decoded.malformedInputs(),
                headerText, null, lines(body), null, null);
    }

    static Extraction fromHtml(DecodedText decoded) {
        Document doc = Jsoup.parse(decoded.text());
        PageMetadata page = PageMetadataReader.read(doc); // before the scripts that hold JSON-LD are dropped
        Optional<String> h1 = firstText(doc.select("h1"));
        String declared = h1
                .or(() -> Optional.ofNullable(doc.selectFirst("meta[property=og:title]"))
                        .map(m -> m.attr("content").strip()).filter(s -> !s.isEmpty()))
                .or(() -> Optional.of(doc.title().strip()).filter(s -> !s.isEmpty()))
                .orElse(null);
        doc.select(DROPPED).remove();
        MainContent.Body body = MainContent.of(doc);
        List<Element> article = body.elements();
        List<String> lines = new ArrayList<>();
        if (h1.isPresent() && article.stream().allMatch(e -> e != doc.body() && e.select("h1").isEmpty())) {
            lines.add(h1.get()); // the headline stands outside the article's containers
            lines.add("");
        }
        for (Element root : article) {
            blockLines(root, lines);
        }
        return new Extraction(decoded.charset().name(), decoded.charsetSource(), decoded.malformedInputs(),
                null, declared, List.copyOf(lines), page.isEmpty() ? null : page,
                new BodySource(body.rule(), article.stream().map(Extractor::describe).toList()));
    }

    /**
     * The lines of an article's container, in page order: each block's text (a paragraph, heading, list item ...),
     * and the running text around and between blocks split at line breaks ("text<br><br>more" is two paragraphs).
     * A block that holds other blocks — a layout's table cell, a list item or quotation of paragraphs — is read
     * through like a div.
     */
    private static void blockLines(Element root, List<String> lines) {
        Set<Element> holders = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element block : root.select(BLOCKS_AND_DIVS)) {
            for (Element parent = block.parent(); parent != null && parent != root.parent(); parent = parent.parent()) {
                if (!holders.add(parent)) {
                    break; // marked already, and every element above it with it
                }
            }
        }
        read(root, holders, lines);
    }

    private static void read(Element element, Set<Element> holders, List<String> lines) {
        if (element.is(BLOCK) && !holders.contains(element)) {
            if (element.is(LINK_LISTS) && MainContent.linkDensity(element) > MAX_LINK_DENSITY) {
                return; // a list of links: navigation, related articles, tags
            }
            String text = element.text();
            if (!text.isBlank()) {
                lines.add(text.strip());
            }
            if (element.nameIs("h1")) {
                lines.add("");
            }
            return;
        }
        StringBuilder run = new StringBuilder();
        int links = 0;
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode t) {
                run.append(t.text());
            } else if (child instanceof Element c) {
                if (c.nameIs("br") || c.is(BREAKS) || holders.contains(c)) {
                    addRun(run, links, lines);
                    links = 0;
                    read(c, holders, lines);
                } else {
                    String text = c.text();
                    run.append(text);
                    links += c.nameIs("a") ? text.length() : c.select("a").text().length();
                }
            }
        }
        addRun(run, links, lines);
    }

    /** A stretch of running text is a line unless it is mostly link text. */
    private static void addRun(StringBuilder run, int links, List<String> lines) {
        String text = run.toString().strip();
        if (!text.isEmpty() && Math.min(links, text.length()) <= MAX_LINK_DENSITY * text.length()) {
            lines.add(text);
        }
        run.setLength(0);
    }

    /** An element as a reader finds it again: its tag, and its id or first two classes ({@code div.entry-content}). */
    private static String describe(Element e) {
        if (!e.id().isEmpty()) {
            return e.tagName() + "#" + e.id();
        }
        return e.tagName() + e.classNames().stream().filter(c -> !c.isBlank()).limit(2).map(c -> "." + c)
                .collect(java.util.stream.Collectors.joining());
    }

    private static Optional<String> firstText(Elements elements) {
        return elements.stream().map(e -> e.text().strip()).filter(s -> !s.isEmpty()).findFirst();
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R", -1)) {
            out.add(line.strip().isEmpty() ? "" : line);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
