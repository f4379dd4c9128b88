package org.palimpsest.core.decode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.QueryParser;

/**
 * Finds the element that holds a page's article, from the page alone, the way Readability does: elements whose class
 * or id name them as the page's furniture (comments, share bars, related lists, newsletter and cookie notices ...)
 * are set aside unless they also name themselves content; each paragraph of some length — a {@code p}, a {@code div}
 * holding only running text, or the running text between the blocks of a {@code div} — scores for its ancestors up to
 * five levels up (less the further up: 1, 1/2, 1/6, 1/9, 1/12), more for longer paragraphs and more commas; a
 * container starts from what its tag and names say of it, and its score shrinks with the share of its text that is
 * link text. The best container wins, or the ancestor it shares with other near-best ones, or a parent that scores
 * higher; siblings that score near it join it. The page's own declaration of its body ({@code
 * itemprop="articleBody"}) is taken first when it holds text. Nothing here names a site.
 */
final class MainContent {
    private static final Pattern UNLIKELY = Pattern.compile("(?i)(^|[-_\\s])(ad|ads|advert\\w*|ad(box|slot|unit|container|wrap\\w*)|author\\w*|byline|captions?|teasers?|\\w*stories|banner|breadcrumbs?|"
            + "combx|comments?|community|consent|cookies?|disqus|extra|footer|header|legends?|menu|modal|newsletter|"
            + "outbrain|pager|pagination|popup|promo\\w*|related|remark|replies|rss|share|sharing|shoutbox|sidebar|"
            + "skyscraper|social|sponsor\\w*|subscri\\w*|taboola|tags|trending|most-?popular|recommend\\w*|"
            + "read-?more|signup|sign-up|nav|navigation|masthead)($|[-_\\s])");
    private static final Pattern MAYBE = Pattern.compile("(?i)article|body|content|main|story|post|entry|text|column");
    /** Readability's names of content and of furniture, weighing a container up or down. */
    private static final Pattern POSITIVE = Pattern.compile(
            "(?i)article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story");
    private static final Pattern NEGATIVE = Pattern.compile("(?i)-1|hidden|^hid$|banner|combx|comment|com-|contact|"
            + "foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|"
            + "skyscraper|sponsor|shopping|tags|tool|widget|byline|caption");
    private static final Evaluator KEPT = QueryParser.parse("article, main, body, html");
    private static final Evaluator HOLDS_CONTENT = QueryParser.parse("h1, main, [itemprop=articleBody]");
    private static final Evaluator PARAGRAPH = QueryParser.parse("p, pre, td, blockquote");
    /** What makes a div more than running text (Readability's DIV_TO_P_ELEMS, with headings and sections). */
    private static final Evaluator BLOCK = QueryParser.parse("blockquote, dl, div, img, ol, p, pre, table, ul, select,"
            + " section, article, h1, h2, h3, h4, h5, h6, figure, header, footer, aside, nav, form, li");
    private static final int MIN_PARAGRAPH = 25;
    private static final int MIN_BODY_TEXT = 200;
    private static final int ANCESTORS = 5;
    /** Less article text than this without the furniture, and the page is read again with it. */
    private static final int RETRY_BELOW = 500;

    private MainContent() {
    }

    /** A stretch of running text and the element it scores first (its parent). */
    private record Paragraph(Element scores, String text) {
    }

    /** The elements that hold an article, in page order, and the rule that found them. */
    record Body(List<Element> elements, BodySource.Rule rule) {
    }

    /**
     * Sets aside the furniture, then answers the elements that hold the article, in page order (the body when none
     * stands out), without the boxes of links inside them.
     */
    static Body of(Document doc) {
        Element declared = doc.selectFirst("[itemprop=articleBody]");
        if (declared != null && declared.text().length() >= MIN_BODY_TEXT) {
            return new Body(List.of(declared), BodySource.Rule.DECLARED);
        }
        Set<Element> furniture = Collections.newSetFromMap(new IdentityHashMap<>());
        doc.body().filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e && e != doc.body() && !e.is(KEPT) && unlikely(e)) {
                    furniture.add(e);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }
        });
        Found found = find(doc.body(), furniture);
        if (found.text() < RETRY_BELOW && !furniture.isEmpty()) {
            // Too little without the furniture: perhaps the names misled (a theme wrapping the whole page in a
            // block named "extra"), so look again with nothing set aside (Readability's retry), and take that find
            // when it holds at least twice the text somewhere else — not the same article with its comments and
            // boxes around it (a short article is short).
            Found again = find(doc.body(), Set.of());
            if (again.text() >= 2 * found.text() && !again.surrounds(found)) {
                return cleared(again, BodySource.Rule.SCORED_WITH_FURNITURE, doc);
            }
        }
        // A block of furniture leaves a break behind: the running text either side of an ad is two paragraphs.
        furniture.forEach(e -> {
            if (e.isBlock()) {
                e.replaceWith(new Element("br"));
            } else {
                e.remove();
            }
        });
        return cleared(found, BodySource.Rule.SCORED, doc);
    }

    /** The containers found, each without its boxes of links (the body, when nothing stood out, as it is). */
    private static Body cleared(Found found, BodySource.Rule rule, Document doc) {
        if (found.elements().equals(List.of(doc.body()))) {
            return new Body(found.elements(), BodySource.Rule.WHOLE_PAGE);
        }
        found.elements().forEach(MainContent::clearLinkBoxes);
        return new Body(found.elements(), rule);
    }

    /**
     * The article's containers, the length of their text, and the best container found (null when no paragraph
     * scored; it may be too short to stand out, and then the containers are the body).
     */
    private record Found(List<Element> elements, int text, Element best) {
        /** Whether this find holds the other's best container: the same article with more around it. */
        boolean surrounds(Found other) {
            Element best = other.best;
            return best != null && elements.stream().anyMatch(e -> e == best || best.parents().contains(e));
        }
    }

    /** The article's containers among what is not furniture (the body when none stands out). */
    private static Found find(Element body, Set<Element> furniture) {
        TextLengths lengths = TextLengths.of(body, furniture);
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Paragraph p : paragraphs(body, furniture)) {
            String text = p.text();
            if (text.length() < MIN_PARAGRAPH) {
                continue;
            }
            double score = 1 + text.split(",").length - 1 + Math.min(3, text.length() / 100);
            int level = 0;
            for (Element a = p.scores(); a != null && level < ANCESTORS && a != body.parent(); a = a.parent()) {
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(a, initial(a) + score / divider, (old, add) -> old + score / divider);
                level++;
            }
        }
        Map<Element, Double> finals = new IdentityHashMap<>();
        scores.forEach((e, s) -> finals.put(e, s * (1 - lengths.linkDensity(e))));
        List<Element> ranked = new ArrayList<>(finals.keySet());
        ranked.sort(Comparator.comparingDouble((Element e) -> -finals.get(e)));
        Element best = ranked.isEmpty() ? null : promote(ranked, finals, body);
        if (best == null || lengths.text(best) < MIN_BODY_TEXT) {
            return new Found(List.of(body), lengths.text(body), best);
        }
        List<Element> elements = withSiblings(best, finals.getOrDefault(best, 0.0), finals, lengths, furniture);
        return new Found(elements, elements.stream().mapToInt(lengths::text).sum(), best);
    }

    /**
     * The top container, or where it belongs (Readability's rules): the ancestor it shares with at least three of the
     * next four when they score three quarters of it (one article split into blocks); else a parent scoring more
     * than it; and a container that is its parent's only child gives way to the parent.
     */
    private static Element promote(List<Element> ranked, Map<Element, Double> finals, Element body) {
        Element top = ranked.get(0);
        double topScore = finals.get(top);
        List<List<Element>> alternatives = new ArrayList<>();
        for (int i = 1; i < Math.min(5, ranked.size()); i++) {
            if (finals.get(ranked.get(i)) / topScore >= 0.75) {
                alternatives.add(ranked.get(i).parents());
            }
        }
        if (alternatives.size() >= 3) {
            for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
                Element candidate = parent;
                if (alternatives.stream().filter(a -> a.contains(candidate)).count() >= 3) {
                    top = parent;
                    break;
                }
            }
        }
        double last = finals.getOrDefault(top, 0.0);
        double threshold = last / 3;
        for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
            Double score = finals.get(parent);
            if (score == null) {
                continue;
            }
            if (score < threshold) {
                break;
            }
            if (score > last) {
                top = parent;
                break;
            }
            last = score;
        }
        while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        return top;
    }

    /**
     * The running text of the page outside its furniture: paragraphs, divs of running text, and the running text
     * between a div's blocks.
     */
    private static List<Paragraph> paragraphs(Element body, Set<Element> furniture) {
        List<Paragraph> out = new ArrayList<>();
        body.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return FilterResult.SKIP_CHILDREN;
                }
                if (furniture.contains(e)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (e.is(PARAGRAPH)) {
                    out.add(new Paragraph(e.parent(), e.text()));
                } else if (e.nameIs("div")) {
                    if (!hasBlock(e)) {
                        out.add(new Paragraph(e.parent(), e.text()));
                    } else {
                        for (Run run : inlineRuns(e)) {
                            out.add(new Paragraph(e, run.text()));
                        }
                    }
                }
                return FilterResult.CONTINUE;
            }
        });
        return out;
    }

    /** Whether the element holds a block (a div of running text holds none). */
    static boolean hasBlock(Element e) {
        for (Element d : e.getAllElements()) {
            if (d != e && d.is(BLOCK)) {
                return true;
            }
        }
        return false;
    }

    /** A stretch of running text and how many of its characters are link text. */
    private record Run(String text, int links) {
        double linkDensity() {
            return text.isEmpty() ? 0 : (double) links / text.length();
        }
    }

    /**
     * The running text among an element's children — its text and inline elements, split at line breaks and at the
     * blocks between them: what a div holds outside its blocks ("text<br><br>more text<div>...</div>").
     */
    private static List<Run> inlineRuns(Element e) {
        List<Run> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int links = 0;
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) {
                run.append(t.text());
            } else if (child instanceof Element c) {
                if (c.nameIs("br") || c.is(BLOCK) || hasBlock(c)) {
                    flush(run, links, runs);
                    links = 0;
                } else {
                    String text = c.text();
                    run.append(text);
                    links += c.nameIs("a") ? text.length() : c.select("a").text().length();
                }
            }
        }
        flush(run, links, runs);
        return runs;
    }

    private static void flush(StringBuilder run, int links, List<Run> runs) {
        String text = run.toString().strip();
        if (!text.isEmpty()) {
            runs.add(new Run(text, Math.min(links, text.length())));
        }
        run.setLength(0);
    }

    /** The commas of an element's text: prose has many, a box of links few (Readability's test before it cleans). */
    private static int commas(Element e) {
        String text = e.text();
        int n = 0;
        for (int i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) {
            n++;
        }
        return n;
    }

    private static final Evaluator BOXES = QueryParser.parse("div, section, ul, ol, table, aside");

    /**
     * Removes the boxes of links inside an article's container (Readability's conditional cleaning, in part): a
     * "Related articles" box under a name that also says "article", a list of tags, a row of further stories — a
     * div, section, list or table more than half of whose text is link text, or more than a fifth when it holds
     * more list items than paragraphs and fewer than ten commas (prose with a share bar in it is no box of links). Whatever is left is read as the article's text.
     */
    private static void clearLinkBoxes(Element root) {
        for (Element box : root.select(BOXES)) {
            if (box == root || box.parent() == null) {
                continue;
            }
            double links = linkDensity(box);
            if (links > 0.5 || links > 0.2 && box.getElementsByTag("li").size() > box.getElementsByTag("p").size()
                    && commas(box) < 10) {
                box.remove();
            }
        }
    }

    /** Readability's start for a container: by its tag, and up or down by what its class and id name it. */
    private static double initial(Element e) {
        double score = switch (e.normalName()) {
            case "div" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        for (String name : new String[] {e.className(), e.id()}) {
            if (!name.isBlank()) {
                score += NEGATIVE.matcher(name).find() ? -25 : 0;
                score += POSITIVE.matcher(name).find() ? 25 : 0;
            }
        }
        return score;
    }

    /**
     * The best container and those of its siblings that belong with it (Readability's sibling rule): one that
     * scores at least a fifth of it (a sibling of the same class scores a fifth more), or a paragraph of prose long
     * enough and with few links, or a short one without links that ends a sentence.
     */
    private static List<Element> withSiblings(Element best, double bestScore, Map<Element, Double> scores,
            TextLengths lengths, Set<Element> furniture) {
        Element parent = best.parent();
        if (parent == null) {
            return List.of(best);
        }
        double threshold = Math.max(10, bestScore * 0.2);
        List<Element> out = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == best) {
                out.add(sibling);
                continue;
            }
            if (furniture.contains(sibling)) {
                continue;
            }
            double links = lengths.linkDensity(sibling);
            double score = scores.getOrDefault(sibling, 0.0);
            if (!best.className().isEmpty() && best.className().equals(sibling.className())) {
                score += bestScore * 0.2;
            }
            boolean prose = false;
            if (sibling.nameIs("p")) {
                String text = sibling.text();
                prose = text.length() > 80 && links < 0.25
                        || !text.isEmpty() && links == 0 && (text.contains(". ") || text.endsWith("."));
            }
            if (score >= threshold || prose) {
                out.add(sibling);
            }
        }
        return out;
    }

    /**
     * Furniture by its names, unless it holds what furniture never does: the page's headline, an {@code article}, its
     * {@code main} or its declared body (a wrapper named for its layout, "ad-margins" or "header-style-2").
     */
    private static boolean unlikely(Element e) {
        String names = e.className() + " " + e.id();
        return !names.isBlank() && UNLIKELY.matcher(names).find() && !MAYBE.matcher(names).find()
                && e.selectFirst(HOLDS_CONTENT) == null;
    }

    /** The share of an element's text that is the text of its links. */
    static double linkDensity(Element e) {
        int length = e.text().length();
        if (length == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : e.select("a")) {
            links += a.text().length();
        }
        return (double) links / length;
    }

    /** Every element's length of text and of link text, counted in one walk of the tree. */
    private record TextLengths(Map<Element, int[]> lengths) {
        /** The lengths under {@code root}, furniture left out (its elements are not counted, nor counted in). */
        static TextLengths of(Element root, Set<Element> furniture) {
            Map<Element, int[]> lengths = new IdentityHashMap<>();
            root.filter(new NodeFilter() {
                @Override
                public FilterResult head(Node node, int depth) {
                    if (node instanceof Element e) {
                        if (furniture.contains(e)) {
                            return FilterResult.SKIP_ENTIRELY;
                        }
                        lengths.put(e, new int[2]);
                    }
                    return FilterResult.CONTINUE;
                }

                @Override
                public FilterResult tail(Node node, int depth) {
                    if (node instanceof TextNode t && t.parent() != null) {
                        Element parent = (Element) t.parent();
                        int n = t.text().strip().length();
                        int[] own = lengths.get(parent);
                        if (own != null) {
                            own[0] += n;
                            own[1] += inLink(parent) ? n : 0;
                        }
                    } else if (node instanceof Element e && e.parent() != null && lengths.containsKey(e.parent())) {
                        int[] own = lengths.get(e);
                        int[] up = lengths.get(e.parent());
                        up[0] += own[0];
                        up[1] += own[1];
                    }
                    return FilterResult.CONTINUE;
                }
            });
            return new TextLengths(lengths);
        }

        private static boolean inLink(Element e) {
            for (Element a = e; a != null; a = a.parent()) {
                if (a.nameIs("a")) {
                    return true;
                }
            }
            return false;
        }

        int text(Element e) {
            int[] n = lengths.get(e);
            return n == null ? e.text().length() : n[0];
        }

        double linkDensity(Element e) {
            int[] n = lengths.get(e);
            if (n == null) {
                return MainContent.linkDensity(e);
            }
            return n[0] == 0 ? 0 : (double) n[1] / n[0];
        }
    }
}
