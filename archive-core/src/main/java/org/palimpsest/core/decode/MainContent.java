package org.palimpsest.core.decode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the element that holds a page's article, from the page alone, the way Readability does: elements whose class
 * or id name them as the page's furniture (comments, share bars, related lists, newsletter and cookie notices ...)
 * are set aside unless they also name themselves content; each paragraph of some length scores for its parent and,
 * half as much, its grandparent (more for longer paragraphs and more commas); a container's score shrinks with the
 * share of its text that is link text; the best-scoring container is the article. The page's own declaration of its
 * body ({@code itemprop="articleBody"}) is taken first when it holds text. Nothing here names a site.
 */
final class MainContent {
    private static final Pattern UNLIKELY = Pattern.compile("(?i)(^|[-_\\s])(ad|ads|advert\\w*|banner|breadcrumbs?|"
            + "combx|comments?|community|consent|cookies?|disqus|extra|footer|header|legends?|menu|modal|newsletter|"
            + "outbrain|pager|pagination|popup|promo\\w*|related|remark|replies|rss|share|sharing|shoutbox|sidebar|"
            + "skyscraper|social|sponsor\\w*|subscri\\w*|taboola|tags|tools|trending|most-?popular|recommend\\w*|"
            + "read-?more|signup|sign-up|widget|nav|navigation|masthead)($|[-_\\s])");
    private static final Pattern MAYBE = Pattern.compile("(?i)article|body|content|main|story|post|entry|text|column");
    private static final int MIN_PARAGRAPH = 25;
    private static final int MIN_BODY_TEXT = 200;

    private MainContent() {
    }

    /**
     * Sets aside the furniture, then answers the elements that hold the article, in page order (the body when none
     * stands out).
     */
    static List<Element> of(Document doc) {
        Element declared = doc.selectFirst("[itemprop=articleBody]");
        if (declared != null && declared.text().length() >= MIN_BODY_TEXT) {
            return List.of(declared);
        }
        for (Element e : doc.body().select("*")) {
            if (e != doc.body() && !e.is("article, main, body, html") && unlikely(e) && e.parent() != null) {
                e.remove();
            }
        }
        Map<Element, Double> scores = new HashMap<>();
        for (Element p : doc.body().select("p, pre, td, blockquote")) {
            String text = p.text();
            if (text.length() < MIN_PARAGRAPH) {
                continue;
            }
            double score = 1 + text.split(",").length - 1 + Math.min(3, text.length() / 100);
            Element parent = p.parent();
            if (parent != null) {
                scores.merge(parent, score, Double::sum);
                Element grandparent = parent.parent();
                if (grandparent != null) {
                    scores.merge(grandparent, score / 2, Double::sum);
                }
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> candidate : scores.entrySet()) {
            double score = candidate.getValue() * (1 - linkDensity(candidate.getKey()));
            if (score > bestScore) {
                best = candidate.getKey();
                bestScore = score;
            }
        }
        if (best == null || best.text().length() < MIN_BODY_TEXT) {
            return List.of(doc.body());
        }
        return withSiblings(best, bestScore, scores);
    }

    /**
     * The best container and those of its siblings that belong with it (Readability's sibling rule): one that
     * scores at least a fifth of it, or a paragraph of prose long enough and with few links.
     */
    private static List<Element> withSiblings(Element best, double bestScore, Map<Element, Double> scores) {
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
            double links = linkDensity(sibling);
            double score = scores.getOrDefault(sibling, 0.0) * (1 - links);
            if (score >= threshold || sibling.is("p") && sibling.text().length() > 80 && links < 0.25) {
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
                && e.selectFirst("h1, article, main, [itemprop=articleBody]") == null;
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
}
