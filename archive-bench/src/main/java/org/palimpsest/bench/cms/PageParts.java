package org.palimpsest.bench.cms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a page holds besides its article, and which of it this page holds: the choices drawn for one page (JSON-LD or
 * not, comments, teasers, a newsletter box in the body ...) and the furniture's text, drawn from the same prose.
 */
final class PageParts {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter VISIBLE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    final Story story;
    final Prose prose;
    final String site;
    final String host;
    /** 0 no JSON-LD, 1 JSON-LD without the body, 2 with {@code articleBody}. */
    final int jsonLd;
    final boolean microdata;
    final boolean ogTitleWithSite;
    final boolean cookieBanner;
    final int comments;
    final boolean teasers;
    final boolean newsletterInBody;
    final int readMoreLinks;
    final int figures;
    final int ads;

    PageParts(Story story, Prose prose, String site, String host) {
        this.story = story;
        this.prose = prose;
        this.site = site;
        this.host = host;
        var r = prose.random();
        jsonLd = r.nextInt(10) < 3 ? 0 : r.nextInt(3) == 0 ? 2 : 1;
        microdata = r.nextInt(4) == 0;
        ogTitleWithSite = r.nextBoolean();
        cookieBanner = r.nextInt(3) > 0;
        comments = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(8);
        teasers = r.nextBoolean();
        newsletterInBody = r.nextInt(3) == 0;
        readMoreLinks = r.nextInt(3);
        figures = r.nextInt(3);
        ads = r.nextInt(3);
    }

    String url() {
        return "https://" + host + "/" + story.section().toLowerCase(Locale.ROOT) + "/" + story.published().toLocalDate()
                + "/" + story.slug();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The head's meta elements as this CMS's SEO plugin writes them. */
    String head(String extra) {
        StringBuilder h = new StringBuilder();
        h.append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.append("<title>").append(esc(story.headline())).append(" | ").append(esc(site)).append("</title>\n");
        h.append("<link rel=\"canonical\" href=\"").append(url()).append("\">\n");
        h.append("<meta property=\"og:type\" content=\"article\">\n");
        h.append("<meta property=\"og:title\" content=\"").append(esc(story.headline()))
                .append(ogTitleWithSite ? " - " + esc(site) : "").append("\">\n");
        h.append("<meta property=\"og:url\" content=\"").append(url()).append("?utm_source=og\">\n");
        h.append("<meta property=\"og:site_name\" content=\"").append(esc(site)).append("\">\n");
        h.append("<meta name=\"description\" content=\"").append(esc(first(story.body()))).append("\">\n");
        h.append(extra);
        h.append("<link rel=\"stylesheet\" href=\"/assets/main.3f9a1c.css\">\n");
        h.append("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
                + "gtag('js',new Date());gtag('config','G-7QX2LPZ');</script>\n");
        if (jsonLd > 0) {
            h.append("<script type=\"application/ld+json\">").append(jsonLd()).append("</script>\n");
        }
        return h.toString();
    }

    private static String first(List<Story.Block> body) {
        String text = body.get(0).text();
        return text.length() > 150 ? text.substring(0, 150) + "..." : text;
    }

    private String jsonLd() {
        ObjectNode article = JSON.createObjectNode();
        article.put("@context", "https://schema.org");
        article.put("@type", prose.pick(List.of("NewsArticle", "Article", "ReportageNewsArticle")));
        article.put("headline", story.headline());
        article.put("datePublished", story.published().toString());
        if (story.modified() != null) {
            article.put("dateModified", story.modified().toString());
        }
        ArrayNode authors = article.putArray("author");
        authors.addObject().put("@type", "Person").put("name", story.author());
        article.putObject("publisher").put("@type", "Organization").put("name", site);
        article.put("mainEntityOfPage", url());
        article.put("articleSection", story.section());
        if (jsonLd == 2) {
            article.put("articleBody", story.expectedBody().replace('\n', ' '));
        }
        if (prose.random().nextBoolean()) {
            ObjectNode graph = JSON.createObjectNode();
            graph.put("@context", "https://schema.org");
            ArrayNode members = graph.putArray("@graph");
            members.addObject().put("@type", "WebSite").put("name", site).put("url", "https://" + host + "/");
            members.addObject().put("@type", "WebPage").put("name", story.headline() + " | " + site).put("url", url());
            article.remove("@context");
            members.add(article);
            return graph.toString();
        }
        return article.toString();
    }

    /** The headlines of other stories, for menus, lists and teasers. */
    List<String> headlines(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(prose.headline(prose.pick(Prose.BEATS)));
        }
        return out;
    }

    String link(String text) {
        return "<a href=\"/" + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "\">" + esc(text) + "</a>";
    }

    String cookieText() {
        return "We use cookies and similar technologies to personalise content and advertising, to provide social "
                + "media features and to analyse our traffic. We also share information about your use of our site "
                + "with our social media, advertising and analytics partners, who may combine it with other "
                + "information you have provided to them. You can change your choices at any time in the privacy "
                + "centre.";
    }

    String newsletterText() {
        return prose.pick(List.of("Get the morning briefing: the day's most important stories, in your inbox before "
                        + "seven, every weekday.", "Sign up for our free newsletter and never miss a story from "
                        + "your neighbourhood, your council and your team.", "The best of our journalism, chosen by "
                        + "our editors and sent to you every Friday afternoon. Unsubscribe at any time."));
    }

    String caption() {
        return prose.phrase(prose.pick(Prose.BEATS)) + " on " + story.published().minusDays(prose.random().nextInt(9))
                .getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + ". Photograph: "
                + prose.person() + "/" + prose.pick(List.of("Reuters", "AP", "Getty Images", site));
    }

    String comment() {
        return prose.paragraph(prose.pick(Prose.BEATS), 1, 4);
    }

    String bio() {
        return story.author() + " is a reporter covering " + story.section().toLowerCase(Locale.ROOT)
                + " for " + site + ". Before joining in " + (2010 + prose.random().nextInt(14))
                + ", they worked for a regional daily and a news agency. Contact them with tips and corrections.";
    }

    String footerText() {
        return site + " is an independent newsroom funded by its readers. Our journalism is free to read because "
                + "thousands of people support it every month. Registered office: 12 Harbour Street. All rights "
                + "reserved; no part of this site may be reproduced without permission.";
    }
}
