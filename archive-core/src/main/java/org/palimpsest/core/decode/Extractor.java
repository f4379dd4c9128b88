package org.palimpsest.core.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
                headerText, null, lines(body), null);
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
        List<Element> article = MainContent.of(doc);
        List<String> lines = new ArrayList<>();
        if (h1.isPresent() && article.stream().allMatch(e -> e != doc.body() && e.select("h1").isEmpty())) {
            lines.add(h1.get()); // the headline stands outside the article's containers
            lines.add("");
        }
        for (Element root : article) {
            blockLines(root, lines);
        }
        return new Extraction(decoded.charset().name(), decoded.charsetSource(), decoded.malformedInputs(),
                null, declared, List.copyOf(lines), page.isEmpty() ? null : page);
    }

    /** The lines of an article's container: its blocks' text, and the running text of its divs. */
    private static void blockLines(Element root, List<String> lines) {
        for (Element block : root.select(BLOCKS_AND_DIVS)) {
            if (hasBlockAncestor(block, root)) {
                continue; // its text is its ancestor's
            }
            if (block.nameIs("div")) {
                // A div's own running text, split at its line breaks: "text<br><br>more" is two paragraphs.
                for (MainContent.Run run : MainContent.inlineRuns(block)) {
                    if (run.linkDensity() <= MAX_LINK_DENSITY) {
                        lines.add(run.text());
                    }
                }
                continue;
            }
            if (block.is(LINK_LISTS) && MainContent.linkDensity(block) > MAX_LINK_DENSITY) {
                continue; // a list of links: navigation, related articles, tags
            }
            String text = block.text();
            if (!text.isBlank()) {
                lines.add(text.strip());
            }
            if (block.nameIs("h1")) {
                lines.add("");
            }
        }
    }

    /** Whether a block of the container (not the container itself) stands above the element. */
    private static boolean hasBlockAncestor(Element element, Element root) {
        if (element == root) {
            return false;
        }
        for (Element parent = element.parent(); parent != null && parent != root.parent(); parent = parent.parent()) {
            if (parent.is(BLOCK)) {
                return true;
            }
        }
        return false;
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
