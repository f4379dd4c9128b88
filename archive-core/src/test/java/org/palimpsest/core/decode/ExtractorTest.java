package org.palimpsest.core.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.palimpsest.core.normalize.NormalizationRules;
import org.palimpsest.core.normalize.NormalizedCapture;
import org.palimpsest.core.normalize.Normalizer;
import org.palimpsest.core.normalize.RemovedLine;
import org.palimpsest.core.normalize.Template;

class ExtractorTest {
    @Test
    void theArticleIsFoundInOnePageAloneAndItsFurnitureIsLeftOut() {
        String html = """
                <html><body><div class="site-wrapper header-style-2">
                <div class="cookie-consent">This site uses cookies to improve your experience, as most sites do.</div>
                <div class="top-bar"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></div>
                <h1>Harbour budget passes after a long night</h1>
                <div class="share-tools"><p>Share this story on every network you use, with your friends.</p></div>
                <figure><img src="x.jpg"><figcaption>The harbour at dawn, seen from the old pier, on Monday.</figcaption></figure>
                <div class="story-body">
                <p>The council passed the harbour budget on Monday night, after a debate of seven hours.</p>
                <p>Councillors voted seven to four, with the mayor, who had opposed it, abstaining in the end.</p>
                <p>Work on the new pier, the largest item, starts in spring and should take two years.</p>
                </div>
                <div class="newsletter-signup"><p>Get the best of the Harbour Times in your inbox, every morning.</p></div>
                <div class="related-links"><ul><li><a href="/a">River rises two metres overnight</a></li>
                <li><a href="/b">School opens a new wing next week</a></li></ul></div>
                <div id="comments"><p>What a waste of money, as usual, and nobody asked us about it at all.</p></div>
                </div></body></html>""";
        Extraction x = Extractor.extract(html.getBytes(StandardCharsets.UTF_8), CaptureMediaType.parse("text/html"));
        assertEquals(List.of("Harbour budget passes after a long night", "",
                "The council passed the harbour budget on Monday night, after a debate of seven hours.",
                "Councillors voted seven to four, with the mayor, who had opposed it, abstaining in the end.",
                "Work on the new pier, the largest item, starts in spring and should take two years."), x.lines());
    }

    private static List<String> lines(String html) {
        return Extractor.extract(html.getBytes(StandardCharsets.UTF_8), CaptureMediaType.parse("text/html")).lines();
    }

    @Test
    void runningTextInADivWithoutParagraphsIsTheArticleSplitAtItsLineBreaksWithItsLinksWords() {
        String html = """
                <html><body><div id="content"><div class="promo-strip"><a href="/a">Deals of the week</a></div>
                <div class="article"><h1 class="title">Tide tables move an hour later this winter</h1>
                <div class="content">The harbour office will publish its winter tide tables an hour later, according
                to a notice cited by the <em><a href="/gazette">Harbour Gazette</a></em>, from the first of November.
                <br><br>Skippers asked for the change, the office said, after two seasons of early morning confusion,
                missed moorings and crowded slipways at the top of the tide.<br><br>The printed tables, as ever, will
                be sold at the office, the chandlery and the ferry kiosk, for two pounds.</div></div>
                <div class="sidebar"><p>Most read this week, all of it about the weather, for some reason.</p></div>
                </div></body></html>""";
        assertEquals(List.of("Tide tables move an hour later this winter", "",
                "The harbour office will publish its winter tide tables an hour later, according to a notice cited by"
                        + " the Harbour Gazette, from the first of November.",
                "Skippers asked for the change, the office said, after two seasons of early morning confusion, missed"
                        + " moorings and crowded slipways at the top of the tide.",
                "The printed tables, as ever, will be sold at the office, the chandlery and the ferry kiosk, for two"
                        + " pounds."), lines(html));
    }

    @Test
    void paragraphsEachInTheirOwnCardAreOneArticle() {
        StringBuilder cards = new StringBuilder();
        for (int i = 1; i <= 4; i++) {
            cards.append("<div class=\"card item\"><div class=\"card-inner\"><p>Paragraph ").append(i)
                    .append(" of the report, which runs on, with a comma or two, for long enough to count.</p></div></div>");
        }
        String html = "<html><body><div class=\"layout\"><div class=\"byline\">By Staff | Monday</div>"
                + "<div class=\"collection\" id=\"article-body\">" + cards + "</div>"
                + "<div class=\"more\"><p><a href=\"/x\">Another story, elsewhere, with a long link text here</a></p></div>"
                + "</div></body></html>";
        assertEquals(List.of(1, 2, 3, 4).stream().map(i -> "Paragraph " + i + " of the report, which runs on, with a"
                + " comma or two, for long enough to count.").toList(), lines(html));
    }

    @Test
    void aPageBuilderThatCallsEveryBlockAWidgetStillGivesItsArticle() {
        String html = """
                <html><body><div class="builder-widget-wrap"><div class="builder-widget-container">
                <p>Focus is what sets apart those who build the business they dream of, and those who only plan it.</p>
                <p>Some people, somehow, come out of nowhere and claim their place before you have had a chance.</p>
                <p>Today we look at why focus matters, and at three habits, each small, that make it last all year.</p>
                <p>The first habit is to write down, every morning, the one task that would make the day a success.</p>
                </div></div>
                <ol class="comment-list"><li><div class="comment-content"><p>Great post, thanks, this came at the right
                time for me, as I was about to start again, after a long, long break.</p></div></li></ol>
                </body></html>""";
        List<String> lines = lines(html);
        assertEquals(4, lines.size(), lines.toString());
        assertEquals("The first habit is to write down, every morning, the one task that would make the day a success.",
                lines.get(3));
    }

    @Test
    void anArticleInsideABlockNamedLikeFurnitureIsFoundWhenNothingElseIs() {
        StringBuilder paragraphs = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            paragraphs.append("<p>Paragraph ").append(i).append(" of the story runs on, with a comma, a clause and")
                    .append(" another, for long enough to be prose that a reader would read.</p>");
        }
        String html = "<html><body><div class=\"page-extra\"><div class=\"inner\">" + paragraphs
                + "</div></div><div class=\"bar\">A short line under it all</div></body></html>";
        List<String> lines = lines(html);
        assertEquals(5, lines.size(), lines.toString());
        assertEquals("Paragraph 5 of the story runs on, with a comma, a clause and another, for long enough to be"
                + " prose that a reader would read.", lines.get(4));
    }

    @Test
    void aBoxOfRelatedLinksInsideTheArticleIsLeftOutAndTheTextAfterItKept() {
        String html = """
                <html><body><h1>Ferry strike called off at the last minute</h1>
                <div class="story-text"><p>The ferry crews called off Friday's strike after a late offer on pay,
                the union said, hours before the first crossing.</p>
                <div class="box two-related-articles"><h3>Related articles</h3><ul>
                <li><a href="/a">Island shops run short of bread</a></li>
                <li><a href="/b">Harbour fees to rise in spring</a></li></ul></div>
                <p>Passengers who had booked other crossings, at extra cost, can claim the difference back from the
                operator, it said.</p><p>The operator, which runs six crossings a day in winter, said timetables would
                be back to normal by Saturday morning.</p></div></body></html>""";
        assertEquals(List.of("Ferry strike called off at the last minute", "",
                "The ferry crews called off Friday's strike after a late offer on pay, the union said, hours before the"
                        + " first crossing.",
                "Passengers who had booked other crossings, at extra cost, can claim the difference back from the"
                        + " operator, it said.",
                "The operator, which runs six crossings a day in winter, said timetables would be back to normal by"
                        + " Saturday morning."), lines(html));
    }

    @Test
    void aLayoutTableCellIsReadThroughItsHeadlineAndParagraphsApartInPageOrder() {
        String html = """
                <html><body><table class="layout"><tr><td class="leftcol">
                <div class="headline"><h1>Ferry timetable changes for the winter</h1></div>
                <div class="dateline">By Di Desk | 10 August 2025</div>
                <div class="storytext">The winter timetable starts on Monday, with two crossings fewer a day, the
                operator said.<br><br><b>Fewer crossings</b><br>The first boat, which used to leave at six, now leaves
                at seven, and the last at nine.<div class="adbox">Advertisement</div>Season tickets bought before
                October, the operator said, stay valid until they run out.<br><br></div>
                </td><td class="rightcol"><div class="box"><h3>Most read</h3><ol><li><a href="/a">Island shops run
                short of bread</a></li><li><a href="/b">Harbour fees to rise in spring</a></li></ol></div></td>
                </tr></table></body></html>""";
        assertEquals(List.of("Ferry timetable changes for the winter", "",
                "The winter timetable starts on Monday, with two crossings fewer a day, the operator said.",
                "Fewer crossings",
                "The first boat, which used to leave at six, now leaves at seven, and the last at nine.",
                "Season tickets bought before October, the operator said, stay valid until they run out."), lines(html));
    }

    @Test
    void commentsTeasersAndTheAuthorsBoxAreNotTheArticleEvenWhenMarkedUpAsArticles() {
        String html = """
                <html><body><main><article class="node node--type-article">
                <h1>Harbour wall to be rebuilt before the storms</h1>
                <p>The harbour wall, breached twice last winter, will be rebuilt before the storm season, the port
                authority said on Tuesday.</p><p>The work, which will close the north quay for six weeks, is expected
                to cost about two million euros, paid from the reserve.</p>
                <div class="author-info"><p>Di Desk covers the port and its business, and has written for the paper
                since 2015, after ten years at a news agency.</p></div>
                <section class="field field--name-comment comment-wrapper"><h2>Comments</h2>
                <article class="comment"><p>About time, too, after all the warnings, the meetings and the promises,
                and the money spent on studies that said the same thing.</p></article>
                <article class="comment"><p>Who pays for the closure of the quay, the fishermen, as always, or the
                authority that let the wall fall apart in the first place?</p></article>
                <article class="comment"><p>Six weeks, they say, but the last repair, on the south quay, took five
                months, cost twice the estimate, and was done again a year later.</p></article>
                <article class="comment"><p>The storms are not new, the breaches are not new, and the excuses, I am
                sorry to say, are not new either, whoever sits on the board.</p></article></section>
                </article>
                <div class="teaser"><a href="/a">Island shops run short of bread</a><div class="tdesc">The island's two
                shops ran out of bread on Sunday, after the ferry, which brings the flour, was cancelled again.</div></div>
                </main></body></html>""";
        assertEquals(List.of("Harbour wall to be rebuilt before the storms", "",
                "The harbour wall, breached twice last winter, will be rebuilt before the storm season, the port"
                        + " authority said on Tuesday.",
                "The work, which will close the north quay for six weeks, is expected to cost about two million euros,"
                        + " paid from the reserve."), lines(html));
    }

    @Test
    void aShortArticleIsNotReadAgainWithTheCommentsAroundIt() {
        String html = """
                <html><body><div class="post"><h1>Beach closed after storm</h1>
                <p>The main beach is closed until Friday after the storm washed debris ashore, the council said.</p>
                <p>Lifeguards will be back at the weekend, weather permitting.</p>
                <div class="comments"><p>Again? This is the third time this summer, and every time, the council
                takes a week to clear what a few volunteers could clear in a morning, if anyone asked them.</p>
                <p>My children were looking forward to it, and now, with the holidays nearly over, we will have to
                drive to the next town, which costs money, time and patience that we do not have.</p>
                <p>The debris is from the building site upriver, as everyone knows, and the council, which approved
                it, should send them the bill, not the taxpayers, for once.</p></div></div></body></html>""";
        assertEquals(List.of("Beach closed after storm", "",
                "The main beach is closed until Friday after the storm washed debris ashore, the council said.",
                "Lifeguards will be back at the weekend, weather permitting."), lines(html));
    }

    @Test
    void theBodySaysWhichRuleFoundItAndInWhichElements() {
        String paragraphs = "<p>The council passed the harbour budget on Monday night, after a debate of seven hours,"
                + " and a vote of seven to four.</p><p>Work on the new pier, the largest item, starts in spring and"
                + " should take two years, the harbour master said.</p><p>The mayor, who had opposed it, abstained"
                + " in the end, to the surprise of her own party.</p>";
        assertEquals(new BodySource(BodySource.Rule.DECLARED, List.of("div.text")), body(
                "<html><body><div class=\"text\" itemprop=\"articleBody\">" + paragraphs + "</div></body></html>"));
        assertEquals(new BodySource(BodySource.Rule.SCORED, List.of("div#story")), body(
                "<html><body><nav><a href=\"/\">Home</a></nav><div id=\"story\" class=\"story-body\">" + paragraphs
                        + "</div><div class=\"comments\"><p>Nobody asked us, as usual, about any of it.</p></div>"
                        + "</body></html>"));
        assertEquals(new BodySource(BodySource.Rule.WHOLE_PAGE, List.of("body")),
                body("<html><body><h1>Short</h1><p>A line.</p></body></html>"));
        assertNull(Extractor.extract("Plain text.".getBytes(StandardCharsets.UTF_8),
                CaptureMediaType.parse("text/plain")).body());
    }

    private static BodySource body(String html) {
        return Extractor.extract(html.getBytes(StandardCharsets.UTF_8), CaptureMediaType.parse("text/html")).body();
    }

    @Test
    void aMediaTypeOfSeparatorsOnlyIsRefusedAsUnsupportedNotAnInternalError() {
        // found by FuzzTest: ";;;" split into no parts at all and failed with an index out of bounds (a 500)
        for (String type : List.of(";;;", ";", " ; charset=utf-8")) {
            org.palimpsest.core.error.ArchiveException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    org.palimpsest.core.error.ArchiveException.class, () -> CaptureMediaType.parse(type));
            assertEquals(org.palimpsest.core.error.ProblemKind.UNSUPPORTED_MEDIA_TYPE, refused.kind(), type);
            assertEquals("Content-Type '' is not archived: send text/plain or text/html", refused.getMessage());
        }
    }

    @Test
    void htmlGivesBlocksWithoutScriptsNavigationAndFooters() {
        String html = """
                <html><head><title>Site | Ignored</title><meta property="og:title" content="OG title">
                <script>var x = 1;</script><style>p{}</style></head><body>
                <nav><a href="/">Home</a> <a href="/news">News</a></nav>
                <div class="ticker">Markets fall again today.</div>
                <h1>Ukraine and allies agree on talks</h1>
                <p>Leaders met in Kyiv on <b>May 10</b>.</p>
                <blockquote><p>"We are ready," he said.</p></blockquote>
                <aside>Most read: something else</aside>
                <footer>Copyright 2025</footer></body></html>""";
        Extraction x = Extractor.extract(html.getBytes(StandardCharsets.UTF_8), CaptureMediaType.parse("text/html"));
        assertEquals("Ukraine and allies agree on talks", x.declaredHeadline());
        assertEquals(List.of("Markets fall again today.", "Ukraine and allies agree on talks", "",
                "Leaders met in Kyiv on May 10.", "\"We are ready,\" he said."), x.lines());
        NormalizedCapture n = new Normalizer(NormalizationRules.DEFAULT).normalize(x, Template.EMPTY);
        assertEquals("Ukraine and allies agree on talks", n.headline());
        assertEquals(List.of("Leaders met in Kyiv on May 10.", "\"We are ready,\" he said."), n.paragraphs());
        assertEquals(RemovedLine.Reason.BEFORE_HEADLINE, n.removed().get(0).reason());
    }

    @Test
    void textThatIsAllTemplateLeavesNoHeadlineOrBodyAndRemovesEachLineOnce() {
        Extraction x = Extractor.extract("Ticker one.\nTicker two.\n".getBytes(StandardCharsets.UTF_8),
                CaptureMediaType.parse("text/plain"));
        Template all = new Template(new java.util.TreeMap<>(java.util.Map.of("Ticker one.", 2, "Ticker two.", 2)),
                new java.util.TreeMap<>());
        NormalizedCapture n = new Normalizer(NormalizationRules.DEFAULT).normalize(x, all);
        assertEquals("", n.headline());
        assertEquals(List.of(), n.paragraphs());
        assertEquals(2, n.removed().size());
    }

    @Test
    void templateLinesInsideADeclaredArticleBodyAreKeptAndRemovedFromAScoredOne() {
        String sailed = "The ferry sailed at noon with two hundred passengers on board, the first crossing since the"
                + " storm closed the harbour.";
        String pledge = "Readers fund this newsroom.";
        String docked = "It docked at six on the far side of the sound, where the harbour master said the quay had"
                + " been repaired overnight.";
        Template template = new Template(new java.util.TreeMap<>(),
                new java.util.TreeMap<>(java.util.Map.of(pledge, 3)));
        String declared = "<html><body><article><h1>Ferry sails</h1><div itemprop=\"articleBody\"><p>" + sailed
                + "</p><p>" + pledge + "</p><p>" + docked + "</p></div></article></body></html>";
        NormalizedCapture kept = new Normalizer(NormalizationRules.DEFAULT).normalize(
                Extractor.extract(declared.getBytes(StandardCharsets.UTF_8), CaptureMediaType.parse("text/html")),
                template);
        assertEquals(List.of(sailed, pledge, docked), kept.paragraphs());
        assertEquals(List.of(sailed, pledge, docked), kept.bodyCanonical(), "template learning still counts the line");

        String scored = declared.replace(" itemprop=\"articleBody\"", "");
        NormalizedCapture removed = new Normalizer(NormalizationRules.DEFAULT).normalize(
                Extractor.extract(scored.getBytes(StandardCharsets.UTF_8), CaptureMediaType.parse("text/html")),
                template);
        assertEquals(List.of(sailed, docked), removed.paragraphs());
        assertEquals(List.of(new RemovedLine(4, pledge, RemovedLine.Reason.TEMPLATE)), removed.removed());
    }

    @Test
    void aDeclaredHeadlineMissingFromTheTextKeepsEveryLineAsBody() {
        String html = "<html><head><title>Only in the title</title></head><body><p>First paragraph.</p>"
                + "<p>Second paragraph.</p></body></html>";
        NormalizedCapture n = new Normalizer(NormalizationRules.DEFAULT).normalize(
                Extractor.extract(html.getBytes(StandardCharsets.UTF_8), CaptureMediaType.parse("text/html")),
                Template.EMPTY);
        assertEquals("Only in the title", n.headline());
        assertEquals(List.of("First paragraph.", "Second paragraph."), n.paragraphs());
    }

    @Test
    void inlineDateHeaderIsTakenOffTheText() {
        Extraction x = Extractor.extract(" date 2025-05-11 First line.\nSecond line.".getBytes(StandardCharsets.UTF_8),
                CaptureMediaType.parse("text/plain"));
        assertEquals("date 2025-05-11", x.header());
        assertEquals(List.of("First line.", "Second line."), x.lines());
    }

    @Test
    void invalidUtf8FallsBackAndDeclaredCharsetFlagsReplacements() {
        byte[] latin1 = "Caf\u00E9 au lait".getBytes(StandardCharsets.ISO_8859_1);
        DecodedText guessed = TextDecoder.decode(latin1, Optional.empty(), false);
        assertEquals("Caf\u00E9 au lait", guessed.text());
        assertEquals("fallback", guessed.charsetSource());
        DecodedText declared = TextDecoder.decode(latin1, Optional.of(StandardCharsets.UTF_8), false);
        assertEquals("Caf\uFFFD au lait", declared.text());
        assertEquals(1, declared.malformedInputs());
    }

    @Test
    void utf8WithAStrayByteStaysUtf8AndTheStrayByteIsCounted() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write("Caf\u00E9 au lait, na\u00EFve r\u00E9sum\u00E9 ".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xFF); // one byte no UTF-8 sequence has
        bytes.write(" \u2014 Kyiv\u2019s view".getBytes(StandardCharsets.UTF_8));
        DecodedText d = TextDecoder.decode(bytes.toByteArray(), Optional.empty(), false);
        assertEquals("Caf\u00E9 au lait, na\u00EFve r\u00E9sum\u00E9 \uFFFD \u2014 Kyiv\u2019s view", d.text());
        assertEquals(StandardCharsets.UTF_8, d.charset());
        assertEquals("utf-8-mostly-valid", d.charsetSource());
        assertEquals(1, d.malformedInputs());
    }

    @Test
    void aLatin1LabelOnValidUtf8IsTakenForTheMislabelItIs() {
        byte[] utf8 = "Ukraine\u2019s Air Force".getBytes(StandardCharsets.UTF_8);
        DecodedText d = TextDecoder.decode(utf8, Optional.of(StandardCharsets.ISO_8859_1), false);
        assertEquals("Ukraine\u2019s Air Force", d.text());
        assertEquals("utf-8-over-declared", d.charsetSource());
        byte[] latin1 = "Caf\u00E9".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("Caf\u00E9", TextDecoder.decode(latin1, Optional.of(StandardCharsets.ISO_8859_1), false).text());
    }

    @Test
    void htmlMetaCharsetIsHonoured() {
        byte[] bytes = "<meta charset=\"windows-1251\"><h1>\u041A\u0438\u0457\u0432</h1><p>\u0422\u0435\u043A\u0441\u0442.</p>"
                .getBytes(Charset.forName("windows-1251"));
        Extraction x = Extractor.extract(bytes, CaptureMediaType.parse("text/html"));
        assertEquals("windows-1251", x.charset());
        assertEquals("\u041A\u0438\u0457\u0432", x.declaredHeadline());
        assertNull(x.header());
    }

    @Test
    void nulCharactersBecomeReplacementCharactersAndAreCounted() {
        DecodedText decoded = TextDecoder.decode("a\u0000b\u0000".getBytes(StandardCharsets.UTF_8), Optional.empty(), false);
        assertEquals("a\uFFFDb\uFFFD", decoded.text());
        assertEquals("utf-8-valid", decoded.charsetSource());
        assertEquals(2, decoded.malformedInputs());
    }
}
