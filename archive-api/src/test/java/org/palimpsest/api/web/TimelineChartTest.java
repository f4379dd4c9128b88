package org.palimpsest.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.palimpsest.core.article.ArticleView;
import org.palimpsest.core.article.VersionView;
import org.palimpsest.core.provenance.Interval;

class TimelineChartTest {
    static final Instant T0 = Instant.parse("2025-05-11T00:00:00Z");
    static final Instant T1 = Instant.parse("2025-05-12T00:00:00Z");
    static final Instant T2 = Instant.parse("2025-05-13T00:00:00Z");

    static VersionView version(int number, List<Interval> intervals, Instant... captures) {
        UUID id = UUID.randomUUID();
        return new VersionView(id, UUID.randomUUID(), number, "d" + number, "Headline <" + number + ">", List.of(),
                intervals.get(0).from(), intervals.get(intervals.size() - 1).to(), intervals,
                java.util.Arrays.stream(captures).map(t -> new VersionView.CaptureRef(UUID.randomUUID(), t, "r", null,
                        true)).toList(), null, null, null, List.of());
    }

    @Test
    void aRevertedArticleDrawsTwoBandsOnItsFirstRowAndADotPerCapture() {
        VersionView a = version(1, List.of(new Interval(T0, T1), new Interval(T2, null)), T0, T2);
        VersionView b = version(2, List.of(new Interval(T1, T2)), T1);
        ArticleView article = new ArticleView(UUID.randomUUID(), "s", "h", null, null, T0, T2, 2, 3, List.of(a, b),
                null);
        Document svg = Jsoup.parse(TimelineChart.svg(article), "", Parser.xmlParser());

        assertEquals("2 versions and 3 captures from 2025-05-11 00:00 to 2025-05-13 00:00 UTC",
                svg.selectFirst("svg > title").text());
        assertEquals(List.of("48.0", "744.0", "396.0"), svg.select("rect").eachAttr("x"));
        assertEquals(List.of("348.0", "2.0", "348.0"), svg.select("rect").eachAttr("width"));
        assertEquals(List.of("48.0", "744.0", "396.0"), svg.select("circle").eachAttr("cx"));
        assertEquals("/captures/" + a.captures().get(0).captureId(), svg.selectFirst("a").attr("href"));
        assertEquals(List.of("v1", "v2", "2025-05-11 00:00", "2025-05-13 00:00"), svg.select("text").eachText());
    }

    @Test
    void anArticleCapturedOnceStillHasATimeAxis() {
        VersionView a = version(1, List.of(new Interval(T0, null)), T0);
        ArticleView article = new ArticleView(UUID.randomUUID(), "s", "h", null, null, T0, T0, 1, 1, List.of(a), null);
        Document svg = Jsoup.parse(TimelineChart.svg(article), "", Parser.xmlParser());
        assertEquals(List.of("396.0"), svg.select("circle").eachAttr("cx"));
        assertTrue(svg.selectFirst("rect > title").text().startsWith("version 1 held from 2025-05-11 00:00"));
    }
}
