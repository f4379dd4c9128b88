package org.palimpsest.bench.cms;

import static org.palimpsest.bench.cms.PageParts.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The page layouts of common news CMSs, written from how their themes mark an article up: WordPress (a classic
 * theme with Jetpack sharing and related posts, comments), Arc XP (Fusion's hashed-class divs, a right rail,
 * interstitial links), Drupal (fields and blocks, comments as nodes), Ghost (cards, the read-more rail) and a
 * hand-made legacy site (layout tables, {@code <br>}-separated text). Each renders the article's blocks in its own
 * markup and puts the page's furniture where that CMS puts it.
 */
enum Cms {
    WORDPRESS, ARC_XP, DRUPAL, GHOST, CUSTOM;

    String render(PageParts p) {
        return switch (this) {
            case WORDPRESS -> wordpress(p);
            case ARC_XP -> arc(p);
            case DRUPAL -> drupal(p);
            case GHOST -> ghost(p);
            case CUSTOM -> custom(p);
        };
    }

    /** The article's blocks in a CMS's markup, with the figures, links, ads and sign-up box put between them. */
    private static String body(PageParts p, Function<Story.Block, String> block, Supplier<String> figure,
            Supplier<String> readMore, Supplier<String> ad, Supplier<String> newsletter) {
        List<Story.Block> blocks = p.story.body();
        List<List<String>> between = new ArrayList<>();
        for (int i = 0; i <= blocks.size(); i++) {
            between.add(new ArrayList<>());
        }
        var r = p.prose.random();
        for (int i = 0; i < p.figures; i++) {
            between.get(i == 0 && r.nextBoolean() ? 0 : 1 + r.nextInt(blocks.size())).add(figure.get());
        }
        for (int i = 0; i < p.readMoreLinks; i++) {
            between.get(1 + r.nextInt(blocks.size())).add(readMore.get());
        }
        for (int i = 0; i < p.ads; i++) {
            between.get(1 + r.nextInt(blocks.size())).add(ad.get());
        }
        if (p.newsletterInBody) {
            between.get(1 + r.nextInt(blocks.size())).add(newsletter.get());
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < blocks.size(); i++) {
            between.get(i).forEach(sb::append);
            sb.append(block.apply(blocks.get(i))).append('\n');
        }
        between.get(blocks.size()).forEach(sb::append);
        return sb.toString();
    }

    private static String blocks(Story.Block b, String p, String h2, String ul, String quote) {
        if (b instanceof Story.Subheading sub) {
            return "<h2" + h2 + ">" + esc(sub.text()) + "</h2>";
        }
        if (b instanceof Story.Items items) {
            return "<ul" + ul + ">" + String.join("", items.items().stream().map(i -> "<li>" + esc(i) + "</li>")
                    .toList()) + "</ul>";
        }
        if (b instanceof Story.Quotation q) {
            return "<blockquote" + quote + "><p>" + esc(q.text()) + "</p></blockquote>";
        }
        return "<p" + p + ">" + esc(b.text()) + "</p>";
    }

    /** A block as a legacy editor writes it: text and line breaks, bold for subheadings, dashes for items. */
    private static String brokenLines(Story.Block b) {
        if (b instanceof Story.Subheading sub) {
            return "<b>" + esc(sub.text()) + "</b><br>";
        }
        if (b instanceof Story.Items items) {
            return String.join("", items.items().stream().map(i -> "- " + esc(i) + "<br>").toList()) + "<br>";
        }
        if (b instanceof Story.Quotation q) {
            return "<i>" + esc(q.text()) + "</i><br><br>";
        }
        return esc(b.text()) + "<br><br>";
    }

    private static String list(PageParts p, int n, String ul, String li) {
        StringBuilder sb = new StringBuilder("<ul" + ul + ">");
        for (String h : p.headlines(n)) {
            sb.append("<li").append(li).append(">").append(p.link(h)).append("</li>");
        }
        return sb.append("</ul>").toString();
    }

    private static String menu(PageParts p) {
        StringBuilder sb = new StringBuilder("<ul class=\"menu\">");
        for (String s : List.of("News", "Politics", "Business", "Health", "Environment", "Sport", "Culture", "Opinion")) {
            sb.append("<li class=\"menu-item\">").append(p.link(s)).append("</li>");
        }
        return sb.append("</ul>").toString();
    }

    private static String visibleDate(PageParts p) {
        return p.story.published().format(PageParts.VISIBLE);
    }

    private static String wordpress(PageParts p) {
        Story s = p.story;
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n");
        h.append(p.head("<meta property=\"article:published_time\" content=\"" + s.published() + "\">\n"
                + (s.modified() == null ? "" : "<meta property=\"article:modified_time\" content=\"" + s.modified()
                        + "\">\n")));
        h.append("</head>\n<body class=\"post-template-default single single-post postid-4821 single-format-standard\">\n");
        if (p.cookieBanner) {
            h.append("<div id=\"cookie-law-info-bar\" class=\"cli-bar-container\"><div class=\"cli-bar-message\">")
                    .append(p.cookieText()).append("</div><a role=\"button\" class=\"cli_action_button\">Accept</a>"
                            + " <a class=\"cli_settings_button\">Cookie settings</a></div>\n");
        }
        h.append("<div id=\"page\" class=\"site\"><a class=\"skip-link screen-reader-text\" href=\"#content\">Skip to"
                + " content</a>\n<header id=\"masthead\" class=\"site-header\"><div class=\"site-branding\">"
                + "<p class=\"site-title\"><a href=\"/\">").append(esc(p.site)).append("</a></p><p class=\"site-"
                + "description\">News for the coast since 1898</p></div>\n<nav id=\"site-navigation\" class=\"main-"
                + "navigation\">").append(menu(p)).append("</nav></header>\n");
        h.append("<div id=\"content\" class=\"site-content\"><div id=\"primary\" class=\"content-area\"><main"
                + " id=\"main\" class=\"site-main\">\n<article id=\"post-4821\" class=\"post-4821 post type-post"
                + " status-publish format-standard has-post-thumbnail hentry category-")
                .append(s.section().toLowerCase()).append("\">\n<header class=\"entry-header\"><h1 class=\"entry-"
                        + "title\">").append(esc(s.headline())).append("</h1><div class=\"entry-meta\"><span class="
                        + "\"posted-on\">Posted on <a href=\"#\" rel=\"bookmark\"><time class=\"entry-date published\""
                        + " datetime=\"").append(s.published()).append("\">").append(visibleDate(p))
                .append("</time></a></span><span class=\"byline\"> by <span class=\"author vcard\"><a class=\"url fn"
                        + " n\" href=\"/author/x\">").append(esc(s.author())).append("</a></span></span></div>"
                        + "</header>\n<div class=\"post-thumbnail\"><img src=\"/wp-content/uploads/lead.jpg\" alt=\"\">"
                        + "</div>\n<div class=\"entry-content\"")
                .append(p.microdata ? " itemprop=\"articleBody\"" : "").append(">\n");
        h.append(body(p, b -> blocks(b, "", " class=\"wp-block-heading\"", " class=\"wp-block-list\"",
                        " class=\"wp-block-quote\""),
                () -> "<figure class=\"wp-block-image size-large\"><img src=\"/wp-content/uploads/a.jpg\" alt=\"\">"
                        + "<figcaption class=\"wp-element-caption\">" + esc(p.caption()) + "</figcaption></figure>\n",
                () -> "<p><strong>Read more:</strong> " + p.link(p.headlines(1).get(0)) + "</p>\n",
                () -> "<div class=\"code-block code-block-3\" style=\"margin: 8px auto; text-align: center;\">"
                        + "<p class=\"ad-label\">Advertisement</p><div id=\"div-gpt-ad-1\"></div></div>\n",
                () -> "<div class=\"wp-block-group newsletter-box\"><h3>Never miss a story</h3><p>"
                        + p.newsletterText() + "</p><form><input type=\"email\" placeholder=\"Your email\">"
                        + "<button>Subscribe</button></form></div>\n"));
        h.append("<div class=\"sharedaddy sd-sharing-enabled\"><div class=\"robots-nocontent sd-block sd-social\">"
                + "<h3 class=\"sd-title\">Share this:</h3><div class=\"sd-content\"><ul><li><a class=\"share-facebook\""
                + " href=\"#\"><span>Facebook</span></a></li><li><a class=\"share-x\" href=\"#\"><span>X</span></a></li>"
                + "<li><a class=\"share-email\" href=\"#\"><span>Email</span></a></li></ul></div></div></div>\n");
        h.append("<div id=\"jp-relatedposts\" class=\"jp-relatedposts\"><h3 class=\"jp-relatedposts-headline\"><em>"
                + "Related</em></h3><div class=\"jp-relatedposts-items jp-relatedposts-items-visual\">");
        for (String other : p.headlines(3)) {
            h.append("<div class=\"jp-relatedposts-post\"><h4 class=\"jp-relatedposts-post-title\">")
                    .append(p.link(other)).append("</h4><p class=\"jp-relatedposts-post-date\">")
                    .append(visibleDate(p)).append("</p><p class=\"jp-relatedposts-post-context\">In \"")
                    .append(s.section()).append("\"</p></div>");
        }
        h.append("</div></div>\n</div>\n<footer class=\"entry-footer\"><span class=\"cat-links\">Posted in ")
                .append(p.link(s.section())).append("</span> <span class=\"tags-links\">Tagged ")
                .append(p.link("council")).append(", ").append(p.link("budget")).append("</span></footer>\n</article>\n");
        h.append("<div class=\"author-info\"><h2 class=\"author-title\">Published by ").append(esc(s.author()))
                .append("</h2><p class=\"author-description\">").append(esc(p.bio())).append("</p></div>\n");
        List<String> nav = p.headlines(2);
        h.append("<nav class=\"navigation post-navigation\" aria-label=\"Posts\"><h2 class=\"screen-reader-text\">Post"
                + " navigation</h2><div class=\"nav-links\"><div class=\"nav-previous\"><a href=\"#\"><span class="
                + "\"meta-nav\">Previous</span> ").append(esc(nav.get(0))).append("</a></div><div class=\"nav-next\">"
                + "<a href=\"#\"><span class=\"meta-nav\">Next</span> ").append(esc(nav.get(1)))
                .append("</a></div></div></nav>\n");
        if (p.teasers) {
            h.append("<section class=\"related-posts\"><h2>You may also like</h2>");
            for (String other : p.headlines(3)) {
                h.append("<article class=\"post type-post\"><h3 class=\"entry-title\">").append(p.link(other))
                        .append("</h3><div class=\"entry-summary\"><p>").append(esc(p.comment()))
                        .append("</p></div></article>");
            }
            h.append("</section>\n");
        }
        h.append("<div id=\"comments\" class=\"comments-area\">");
        if (p.comments > 0) {
            h.append("<h2 class=\"comments-title\">").append(p.comments).append(" thoughts on \u201c")
                    .append(esc(s.headline())).append("\u201d</h2><ol class=\"comment-list\">");
            for (int i = 0; i < p.comments; i++) {
                h.append("<li id=\"comment-").append(i).append("\" class=\"comment even thread-even depth-1\">"
                        + "<article class=\"comment-body\"><footer class=\"comment-meta\"><div class=\"comment-author"
                        + " vcard\"><b class=\"fn\">").append(esc(p.prose.person())).append("</b> <span class=\"says\">"
                        + "says:</span></div><div class=\"comment-metadata\"><a href=\"#\"><time>")
                        .append(visibleDate(p)).append("</time></a></div></footer><div class=\"comment-content\"><p>")
                        .append(esc(p.comment())).append("</p></div><div class=\"reply\"><a class=\"comment-reply-"
                                + "link\" href=\"#\">Reply</a></div></article></li>");
            }
            h.append("</ol>");
        }
        h.append("<div id=\"respond\" class=\"comment-respond\"><h3 id=\"reply-title\" class=\"comment-reply-title\">"
                + "Leave a Reply</h3><form class=\"comment-form\"><p class=\"comment-notes\">Your email address will"
                + " not be published. Required fields are marked *</p><textarea></textarea><input type=\"submit\""
                + " value=\"Post Comment\"></form></div></div>\n</main></div>\n");
        h.append("<aside id=\"secondary\" class=\"widget-area\"><section class=\"widget widget_recent_entries\"><h2"
                + " class=\"widget-title\">Recent Posts</h2>").append(list(p, 5, "", "")).append("</section><section"
                + " class=\"widget widget_text\"><div class=\"textwidget\"><p>").append(esc(p.footerText()))
                .append("</p></div></section></aside>\n</div>\n<footer id=\"colophon\" class=\"site-footer\"><div"
                        + " class=\"site-info\">").append(esc(p.footerText())).append("</div></footer></div>\n"
                        + "</body>\n</html>\n");
        return h.toString();
    }

    private static String arc(PageParts p) {
        Story s = p.story;
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n");
        h.append(p.head("<meta property=\"article:published_time\" content=\"" + s.published().toInstant() + "\">\n"
                + "<meta name=\"author\" content=\"" + esc(s.author()) + "\">\n"));
        h.append("</head>\n<body><div id=\"fusion-app\" class=\"fusion-app\"><div class=\"b-single-chain\">\n"
                + "<header class=\"c-header page-header\"><div class=\"c-header__nav-sections\"><div class=\"section-"
                + "menu\">");
        for (String section : List.of("Local", "Politics", "Business", "Health", "Sports", "Opinion", "Obituaries")) {
            h.append("<a class=\"c-link\" href=\"#\">").append(section).append("</a>");
        }
        h.append("</div></div><div class=\"c-breaking-news\"><span class=\"c-breaking-news__label\">Breaking</span>")
                .append(p.link(p.headlines(1).get(0))).append("</div></header>\n");
        if (p.cookieBanner) {
            h.append("<div id=\"onetrust-banner-sdk\" class=\"otFlat\"><div class=\"ot-sdk-container\"><p id=\"onetrust-"
                    + "policy-text\">").append(p.cookieText()).append("</p><button id=\"onetrust-accept-btn-handler\">"
                            + "Accept All Cookies</button></div></div>\n");
        }
        h.append("<div class=\"b-right-rail-advanced\"><div class=\"b-right-rail-advanced__main\"><div class=\"layout-"
                + "section\">\n<div class=\"b-overline\"><a class=\"c-overline\" href=\"#\">").append(s.section())
                .append("</a></div>\n<h1 class=\"c-heading b-headline\">").append(esc(s.headline())).append("</h1>\n"
                        + "<div class=\"b-byline\"><span class=\"c-attribution\">By <a href=\"#\">")
                .append(esc(s.author())).append("</a></span></div><div class=\"b-date\"><time class=\"c-date\""
                        + " datetime=\"").append(s.published().toInstant()).append("\">").append(visibleDate(p))
                .append("</time></div>\n<div class=\"b-share-bar\"><button class=\"c-button\" aria-label=\"Share on"
                        + " Facebook\">Facebook</button><button class=\"c-button\" aria-label=\"Share on X\">X</button>"
                        + "<button class=\"c-button\" aria-label=\"Copy link\">Copy link</button></div>\n"
                        + "<figure class=\"b-lead-art\"><img src=\"/resizer/lead.jpg\" alt=\"\"><figcaption class="
                        + "\"c-media-item__caption\">").append(esc(p.caption())).append("</figcaption></figure>\n");
        h.append("<article class=\"b-article-body\"").append(p.microdata ? " itemprop=\"articleBody\"" : "")
                .append(">\n");
        h.append(body(p, b -> blocks(b, " class=\"c-paragraph\"", " class=\"c-heading\"", " class=\"c-list\"",
                        " class=\"c-blockquote\""),
                () -> "<figure class=\"c-media-item\"><img src=\"/resizer/b.jpg\" alt=\"\"><figcaption class="
                        + "\"c-media-item__caption\">" + esc(p.caption()) + "</figcaption></figure>\n",
                () -> "<div class=\"b-interstitial-link\"><p class=\"c-paragraph\"><i>Related: "
                        + p.link(p.headlines(1).get(0)) + "</i></p></div>\n",
                () -> "<div class=\"arcad_feature\"><div class=\"arcad-container\"><span class=\"advertisement-text\">"
                        + "ADVERTISEMENT</span><div class=\"arcad\" id=\"arcad_12\"></div></div></div>\n",
                () -> "<div class=\"b-newsletter-signup\"><h2 class=\"c-heading\">Sign up for our newsletter</h2>"
                        + "<p class=\"c-paragraph\">" + p.newsletterText() + "</p><input type=\"email\"><button>Sign up"
                        + "</button></div>\n"));
        h.append("</article>\n<div class=\"b-author-bio\"><div class=\"c-stack\"><p class=\"c-paragraph\">")
                .append(esc(p.bio())).append("</p></div></div>\n<div class=\"b-tag-list\">");
        for (String tag : List.of("local news", s.section().toLowerCase(), "council")) {
            h.append("<a class=\"c-link\" href=\"#\">").append(tag).append("</a>");
        }
        h.append("</div>\n");
        if (p.comments > 0) {
            h.append("<div class=\"b-comments\"><button class=\"c-button\">Show comments (").append(p.comments)
                    .append(")</button><div id=\"coral_thread\"></div></div>\n");
        }
        if (p.teasers) {
            h.append("<div class=\"b-results-list\"><h2 class=\"c-heading\">More Stories</h2>");
            for (String other : p.headlines(4)) {
                h.append("<div class=\"b-results-list__item\"><a href=\"#\"><h2 class=\"c-heading\">").append(esc(other))
                        .append("</h2></a><p class=\"c-paragraph b-results-list__description\">")
                        .append(esc(p.comment())).append("</p><span class=\"c-date\">").append(visibleDate(p))
                        .append("</span></div>");
            }
            h.append("</div>\n");
        }
        h.append("</div></div><div class=\"b-right-rail-advanced__rail\"><div class=\"b-top-table-list\"><h2 class="
                + "\"c-heading\">Most Read</h2><div class=\"c-stack\">");
        for (String other : p.headlines(5)) {
            h.append("<div class=\"b-top-table-list-small\"><a href=\"#\"><h3 class=\"c-heading\">").append(esc(other))
                    .append("</h3></a></div>");
        }
        h.append("</div></div></div></div>\n<footer class=\"b-footer\"><p class=\"c-paragraph\">")
                .append(esc(p.footerText())).append("</p><div class=\"b-footer__links\"><a href=\"#\">Terms of Use</a>"
                        + "<a href=\"#\">Privacy Policy</a><a href=\"#\">Contact us</a></div></footer>\n</div></div>\n"
                        + "<script id=\"fusion-metadata\" type=\"application/javascript\">window.Fusion={\"globalContent\""
                        + ":{\"headlines\":{\"basic\":\"").append(esc(s.headline())).append("\"}}};</script>\n"
                        + "</body>\n</html>\n");
        return h.toString();
    }

    private static String drupal(PageParts p) {
        Story s = p.story;
        boolean time = p.prose.random().nextBoolean();
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n");
        h.append(p.head(time ? "" : "<meta property=\"article:published_time\" content=\"" + s.published() + "\">\n"));
        h.append("</head>\n<body class=\"path-node page-node-type-article\"><a href=\"#main-content\" class=\"visually-"
                + "hidden focusable skip-link\">Skip to main content</a>\n<div class=\"dialog-off-canvas-main-canvas\""
                + " data-off-canvas-main-canvas><div class=\"layout-container\">\n<header role=\"banner\"><div class="
                + "\"region region-header\"><div id=\"block-sitebranding\" class=\"block block-system block-system-"
                + "branding-block\"><a href=\"/\" rel=\"home\">").append(esc(p.site)).append("</a></div></div><div"
                        + " class=\"region region-primary-menu\"><nav role=\"navigation\" id=\"block-mainnavigation\""
                        + " class=\"block block-menu navigation menu--main\">").append(menu(p)).append("</nav></div>"
                        + "</header>\n");
        if (p.cookieBanner) {
            h.append("<div id=\"sliding-popup\" class=\"sliding-popup-bottom\"><div class=\"eu-cookie-compliance-banner"
                    + "\"><div class=\"popup-content info eu-cookie-compliance-content\"><div id=\"popup-text\" class="
                    + "\"eu-cookie-compliance-message\"><p>").append(p.cookieText()).append("</p></div><div id=\"popup-"
                            + "buttons\"><button class=\"agree-button\">OK, I agree</button></div></div></div></div>\n");
        }
        h.append("<div class=\"region region-breadcrumb\"><div id=\"block-breadcrumbs\" class=\"block block-system"
                + " block-system-breadcrumb-block\"><nav class=\"breadcrumb\" role=\"navigation\"><ol><li><a href=\"/\">"
                + "Home</a></li><li>").append(p.link(s.section())).append("</li></ol></nav></div></div>\n");
        h.append("<main role=\"main\"><a id=\"main-content\" tabindex=\"-1\"></a><div class=\"layout-content\"><div"
                + " class=\"region region-content\">\n<div id=\"block-pagetitle\" class=\"block block-core block-page-"
                + "title-block\"><h1 class=\"page-title\"><span class=\"field field--name-title field--type-string"
                + " field--label-hidden\">").append(esc(s.headline())).append("</span></h1></div>\n<div id=\"block-"
                        + "mainpagecontent\" class=\"block block-system block-system-main-block\">\n<article role="
                        + "\"article\" about=\"/node/123\" class=\"node node--type-article node--promoted node--view-"
                        + "mode-full\">\n<footer class=\"node__meta\"><div class=\"node__submitted\">Submitted by <span"
                        + " class=\"field field--name-uid\"><span>").append(esc(s.author())).append("</span></span> on"
                        + " <span class=\"field field--name-created\">")
                .append(time ? "<time datetime=\"" + s.published() + "\">" + visibleDate(p) + "</time>"
                        : visibleDate(p))
                .append("</span></div></footer>\n<div class=\"node__content\"><div class=\"field field--name-field-"
                        + "image field--type-image field--label-hidden field__item\"><img src=\"/sites/default/files/"
                        + "lead.jpg\" alt=\"\"></div>\n<div class=\"clearfix text-formatted field field--name-body"
                        + " field--type-text-with-summary field--label-hidden field__item\"")
                .append(p.microdata ? " itemprop=\"articleBody\"" : "").append(">\n");
        h.append(body(p, b -> blocks(b, "", "", "", ""),
                () -> "<figure role=\"group\" class=\"caption caption-img align-center\"><img src=\"/sites/default/"
                        + "files/inline.jpg\" alt=\"\"><figcaption>" + esc(p.caption()) + "</figcaption></figure>\n",
                () -> "<p><em>See also: " + p.link(p.headlines(1).get(0)) + "</em></p>\n",
                () -> "<div class=\"ad-slot ad-slot--inline\" data-ad-unit=\"inline\"><span class=\"ad-slot__label\">"
                        + "Advertisement</span></div>\n",
                () -> "<div class=\"newsletter-promo\"><p><strong>Newsletter:</strong> " + p.newsletterText()
                        + "</p></div>\n"));
        h.append("</div>\n<div class=\"field field--name-field-tags field--type-entity-reference field--label-above\">"
                + "<div class=\"field__label\">Tags</div><div class=\"field__items\"><div class=\"field__item\">")
                .append(p.link("council")).append("</div><div class=\"field__item\">").append(p.link(s.section()))
                .append("</div></div></div>\n");
        if (p.comments > 0) {
            h.append("<section class=\"field field--name-comment field--type-comment field--label-above comment-"
                    + "wrapper\"><h2 class=\"title comment-form__title\">Comments</h2>");
            for (int i = 0; i < p.comments; i++) {
                h.append("<article role=\"article\" class=\"comment js-comment by-anonymous clearfix\"><footer class="
                        + "\"comment__meta\"><p class=\"comment__submitted\">Submitted by ").append(esc(p.prose.person()))
                        .append(" on ").append(visibleDate(p)).append("</p></footer><div class=\"content\"><div class="
                                + "\"clearfix text-formatted field field--name-comment-body field--type-text-long field"
                                + "--label-hidden field__item\"><p>").append(esc(p.comment())).append("</p></div></div>"
                                + "</article>");
            }
            h.append("</section>\n");
        }
        h.append("</div></article></div>\n");
        if (p.teasers) {
            h.append("<div class=\"views-element-container block block-views block-views-blockrelated-content-block-1"
                    + "\"><h2>Related content</h2><div><div class=\"view view-related-content\"><div class=\"view-"
                    + "content\">");
            for (String other : p.headlines(3)) {
                h.append("<div class=\"views-row\"><div class=\"views-field views-field-title\"><span class=\"field-"
                        + "content\">").append(p.link(other)).append("</span></div><div class=\"views-field views-"
                                + "field-body\"><div class=\"field-content\"><p>").append(esc(p.comment()))
                        .append("</p></div></div></div>");
            }
            h.append("</div></div></div></div>\n");
        }
        h.append("</div></div>\n<aside class=\"layout-sidebar-first\" role=\"complementary\"><div class=\"block block-"
                + "views\"><h2>Most read</h2>").append(list(p, 5, "", "")).append("</div></aside></main>\n"
                        + "<footer role=\"contentinfo\"><div class=\"region region-footer\"><div class=\"block\"><p>")
                .append(esc(p.footerText())).append("</p></div></div></footer></div></div>\n</body>\n</html>\n");
        return h.toString();
    }

    private static String ghost(PageParts p) {
        Story s = p.story;
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n");
        h.append(p.head("<meta property=\"article:published_time\" content=\"" + s.published().toInstant() + "\">\n"
                + (s.modified() == null ? "" : "<meta property=\"article:modified_time\" content=\""
                        + s.modified().toInstant() + "\">\n") + "<meta name=\"generator\" content=\"Ghost 5.82\">\n"));
        h.append("</head>\n<body class=\"post-template tag-").append(s.section().toLowerCase()).append("\"><div class="
                + "\"viewport\">\n<header id=\"gh-head\" class=\"gh-head outer\"><div class=\"gh-head-inner inner\">"
                + "<div class=\"gh-head-brand\"><a class=\"gh-head-logo\" href=\"/\">").append(esc(p.site))
                .append("</a></div><nav class=\"gh-head-menu\">").append(menu(p)).append("</nav><div class=\"gh-head-"
                        + "actions\"><a class=\"gh-head-button\" href=\"#/portal/signup\">Subscribe</a></div></div>"
                        + "</header>\n<div class=\"site-content\"><main id=\"site-main\" class=\"site-main\">\n"
                        + "<article class=\"article post tag-").append(s.section().toLowerCase()).append("\">\n"
                        + "<header class=\"article-header gh-canvas\"><div class=\"article-tag post-card-tags\"><span"
                        + " class=\"post-card-primary-tag\">").append(p.link(s.section())).append("</span></div><h1"
                        + " class=\"article-title\">").append(esc(s.headline())).append("</h1><div class=\"article-"
                        + "byline\"><section class=\"article-byline-content\"><div class=\"article-byline-meta\"><h4"
                        + " class=\"author-name\">").append(p.link(s.author())).append("</h4><div class=\"byline-meta-"
                        + "content\"><time class=\"byline-meta-date\" datetime=\"").append(s.published().toLocalDate())
                .append("\">").append(visibleDate(p)).append("</time><span class=\"byline-reading-time\"><span class="
                        + "\"bull\">&bull;</span> 4 min read</span></div></div></section></div>\n<figure class="
                        + "\"article-image\"><img src=\"/content/images/lead.jpg\" alt=\"\"><figcaption>")
                .append(esc(p.caption())).append("</figcaption></figure></header>\n<section class=\"gh-content"
                        + " gh-canvas\"").append(p.microdata ? " itemprop=\"articleBody\"" : "").append(">\n");
        h.append(body(p, b -> blocks(b, "", " id=\"section\"", "", ""),
                () -> "<figure class=\"kg-card kg-image-card kg-card-hascaption\"><img class=\"kg-image\" src=\"/"
                        + "content/images/c.jpg\" alt=\"\"><figcaption><span style=\"white-space: pre-wrap;\">"
                        + esc(p.caption()) + "</span></figcaption></figure>\n",
                () -> "<figure class=\"kg-card kg-bookmark-card\"><a class=\"kg-bookmark-container\" href=\"#\"><div"
                        + " class=\"kg-bookmark-content\"><div class=\"kg-bookmark-title\">" + esc(p.headlines(1).get(0))
                        + "</div><div class=\"kg-bookmark-description\">" + esc(p.comment()) + "</div><div class="
                        + "\"kg-bookmark-metadata\"><span class=\"kg-bookmark-author\">" + esc(p.site) + "</span>"
                        + "</div></div></a></figure>\n",
                () -> "<div class=\"kg-card kg-callout-card kg-callout-card-grey\"><div class=\"kg-callout-emoji\">"
                        + "&#128161;</div><div class=\"kg-callout-text\">Members get every story a day early and"
                        + " support independent reporting. <a href=\"#/portal/signup\">Become a member</a></div></div>\n",
                () -> "<div class=\"kg-card kg-signup-card\"><h2 class=\"kg-signup-card-heading\">Sign up for "
                        + esc(p.site) + "</h2><p class=\"kg-signup-card-subheading\">" + p.newsletterText() + "</p>"
                        + "<form><input type=\"email\"><button>Subscribe</button></form></div>\n"));
        h.append("</section>\n");
        if (p.comments > 0) {
            h.append("<section class=\"article-comments gh-canvas\"><div id=\"ghost-comments-root\"></div></section>\n");
        }
        h.append("</article></main>\n");
        if (p.teasers) {
            h.append("<aside class=\"read-more-wrap outer\"><div class=\"read-more inner\">");
            for (String other : p.headlines(3)) {
                h.append("<article class=\"post-card post\"><div class=\"post-card-content\"><a class=\"post-card-"
                        + "content-link\" href=\"#\"><header class=\"post-card-header\"><h2 class=\"post-card-title\">")
                        .append(esc(other)).append("</h2></header><div class=\"post-card-excerpt\">")
                        .append(esc(p.comment())).append("</div></a><footer class=\"post-card-meta\"><time>")
                        .append(visibleDate(p)).append("</time></footer></div></article>");
            }
            h.append("</div></aside>\n");
        }
        if (p.cookieBanner) {
            h.append("<div class=\"cookie-notice\" role=\"dialog\"><p>").append(p.cookieText()).append(" <a href=\"/"
                    + "privacy\">Privacy policy</a></p><button>Got it</button></div>\n");
        }
        h.append("<footer class=\"site-footer outer\"><div class=\"inner\"><section class=\"copyright\"><a href=\"/\">")
                .append(esc(p.site)).append("</a> &copy; 2026</section><nav class=\"site-footer-nav\"><ul><li><a"
                        + " href=\"#\">Sign up</a></li><li><a href=\"#\">About</a></li></ul></nav><div class=\"gh-"
                        + "powered-by\"><a href=\"https://ghost.org/\">Powered by Ghost</a></div></div></footer></div>"
                        + "\n</div>\n</body>\n</html>\n");
        return h.toString();
    }

    private static String custom(PageParts p) {
        Story s = p.story;
        boolean breaks = p.prose.random().nextBoolean();
        boolean time = p.prose.random().nextBoolean();
        StringBuilder h = new StringBuilder("<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n"
                + "<html lang=\"en\">\n<head>\n");
        h.append(p.head(""));
        h.append("</head>\n<body bgcolor=\"#ffffff\"><div id=\"wrapper\"><div id=\"top\"><div class=\"logo\"><a href="
                + "\"/\">").append(esc(p.site)).append("</a></div><div class=\"topmenu\">");
        for (String section : List.of("Home", "News", "Sport", "Business", "Weather", "Letters", "Jobs")) {
            h.append("<a href=\"#\">").append(section).append("</a> | ");
        }
        h.append("</div></div>\n<div id=\"ticker\"><b>LATEST:</b> ");
        for (String other : p.headlines(3)) {
            h.append(p.link(other)).append(" +++ ");
        }
        h.append("</div>\n");
        if (p.cookieBanner) {
            h.append("<div id=\"cookiebar\">").append(p.cookieText()).append(" <a href=\"#\">OK</a></div>\n");
        }
        h.append("<table width=\"100%\" class=\"layout\" cellpadding=\"0\" cellspacing=\"0\"><tr><td class=\"leftcol\""
                + " valign=\"top\">\n<div class=\"headline\"><h1>").append(esc(s.headline())).append("</h1></div>\n"
                        + "<div class=\"dateline\">By ").append(esc(s.author())).append(" | ")
                .append(time ? "<time datetime=\"" + s.published().toLocalDateTime() + "\">" + visibleDate(p) + "</time>"
                        : visibleDate(p)).append("</div>\n");
        if (breaks) {
            h.append("<div class=\"storytext\">\n");
            h.append(body(p, Cms::brokenLines,
                    () -> "<div class=\"pic\"><img src=\"/img/p.jpg\" alt=\"\"><br><i>" + esc(p.caption())
                            + "</i></div>\n",
                    () -> "<b>Read more:</b> " + p.link(p.headlines(1).get(0)) + "<br><br>\n",
                    () -> "<div class=\"adbox\">Advertisement</div>\n",
                    () -> "<div class=\"nlbox\"><b>Free newsletter!</b> " + p.newsletterText() + " <a href=\"#\">"
                            + "Sign up here</a></div>\n"));
            h.append("</div>\n");
        } else {
            h.append("<div id=\"article-text\">\n");
            h.append(body(p, b -> blocks(b, " class=\"text\"", "", "", ""),
                    () -> "<div class=\"pic\"><img src=\"/img/p.jpg\" alt=\"\"><p class=\"caption\">" + esc(p.caption())
                            + "</p></div>\n",
                    () -> "<p class=\"text\"><b>Read more:</b> " + p.link(p.headlines(1).get(0)) + "</p>\n",
                    () -> "<div class=\"adbox\">Advertisement</div>\n",
                    () -> "<div class=\"nlbox\"><p><b>Free newsletter!</b> " + p.newsletterText() + " <a href=\"#\">"
                            + "Sign up here</a></p></div>\n"));
            h.append("</div>\n");
        }
        if (p.comments > 0) {
            h.append("<div class=\"comments\"><h3>Reader comments (").append(p.comments).append(")</h3>");
            for (int i = 0; i < p.comments; i++) {
                h.append("<div class=\"comment\"><div class=\"cname\">").append(esc(p.prose.person()))
                        .append(" wrote:</div><div class=\"ctext\">").append(esc(p.comment())).append("</div></div>");
            }
            h.append("</div>\n");
        }
        if (p.teasers) {
            h.append("<div class=\"morestories\"><h3>More news</h3>");
            for (String other : p.headlines(4)) {
                h.append("<div class=\"teaser\"><a class=\"tlink\" href=\"#\">").append(esc(other))
                        .append("</a><div class=\"tdesc\">").append(esc(p.comment())).append("</div></div>");
            }
            h.append("</div>\n");
        }
        h.append("</td><td class=\"rightcol\" width=\"300\" valign=\"top\"><div class=\"box\"><h3>Most read</h3><ol>");
        for (String other : p.headlines(5)) {
            h.append("<li>").append(p.link(other)).append("</li>");
        }
        h.append("</ol></div><div class=\"box\"><h3>Weather</h3>Sunny intervals, 14&deg;C, a light breeze from the"
                + " west. Tomorrow: rain spreading from the north by the afternoon.</div></td></tr></table>\n<div"
                + " id=\"bottom\">").append(esc(p.footerText())).append("<br><a href=\"#\">Imprint</a> | <a href=\"#\">"
                        + "Privacy</a></div></div>\n</body>\n</html>\n");
        return h.toString();
    }
}
