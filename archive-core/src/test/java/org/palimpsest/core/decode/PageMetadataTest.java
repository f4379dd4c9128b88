package org.palimpsest.core.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageMetadataTest {
    static PageMetadata page(String html) {
        return Extractor.extract(html.getBytes(StandardCharsets.UTF_8), CaptureMediaType.parse("text/html")).page();
    }

    @Test
    void structuredDataInAGraphIsReadFirstWithWhereEachFactCameFrom() {
        PageMetadata page = page("""
                <html lang="en-GB"><head><title>Council votes | The Harbour Times</title>
                <link rel="canonical" href="https://harbour.example/news/council-votes">
                <meta property="og:title" content="Council votes on the budget">
                <meta property="article:published_time" content="2025-05-11T08:00:00Z">
                <script type="application/ld+json">{not json at all</script>
                <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
                  {"@type": "WebPage", "headline": "The page", "url": "https://harbour.example/p"},
                  {"@type": ["NewsArticle"], "headline": "Council votes on the harbour budget",
                   "datePublished": "2025-05-11T09:30:00+01:00", "dateModified": "2025-05-12T10:00:00+01:00",
                   "author": [{"@type": "Person", "name": "Ann Reporter"}, {"@type": "Person", "name": "Bo Writer"}],
                   "articleSection": ["Local"]}]}</script>
                </head><body><h1>Council votes</h1><p>The council voted.</p></body></html>""");
        assertEquals(new PageMetadata.Fact("Council votes on the harbour budget", "json-ld headline"), page.headline());
        assertEquals(new PageMetadata.Fact("2025-05-11T09:30:00+01:00", "json-ld datePublished"), page.datePublished());
        assertEquals(new PageMetadata.Fact("2025-05-12T10:00:00+01:00", "json-ld dateModified"), page.dateModified());
        assertEquals(new PageMetadata.Authors(List.of("Ann Reporter", "Bo Writer"), "json-ld author"), page.authors());
        assertEquals(new PageMetadata.Fact("en-GB", "html[lang]"), page.language());
        assertEquals(new PageMetadata.Fact("https://harbour.example/news/council-votes", "link[rel=canonical][href]"),
                page.canonicalUrl());
        assertEquals(new PageMetadata.Fact("Local", "json-ld articleSection"), page.section());
    }

    @Test
    void withoutStructuredDataOpenGraphAndArticleMetaAreRead() {
        PageMetadata page = page("""
                <html><head><meta property="og:title" content="River rises">
                <meta property="og:url" content="https://river.example/rises">
                <meta property="article:published_time" content="2025-06-01T06:00:00Z">
                <meta property="article:modified_time" content="2025-06-01T07:15:00Z">
                <meta property="article:section" content="Weather">
                <meta name="author" content="Cy Columnist">
                </head><body><h1>The river rises</h1><p>Two metres overnight.</p></body></html>""");
        assertEquals(new PageMetadata.Fact("River rises", "meta[property=og:title]"), page.headline());
        assertEquals(new PageMetadata.Fact("2025-06-01T06:00:00Z", "meta[property=article:published_time]"),
                page.datePublished());
        assertEquals(new PageMetadata.Fact("2025-06-01T07:15:00Z", "meta[property=article:modified_time]"),
                page.dateModified());
        assertEquals(new PageMetadata.Authors(List.of("Cy Columnist"), "meta[name=author]"), page.authors());
        assertEquals(new PageMetadata.Fact("https://river.example/rises", "meta[property=og:url]"), page.canonicalUrl());
        assertEquals(new PageMetadata.Fact("Weather", "meta[property=article:section]"), page.section());
        assertNull(page.language());
    }

    @Test
    void aPlainPageGivesWhatItsElementsSayAndNothingIsGuessed() {
        PageMetadata page = page("<html><body><article><h1>Bridge opens</h1><p>By <a rel=\"author\">Di Local</a></p>"
                + "<time datetime=\"2025-07-04\">4 July</time><p>The bridge opened.</p></article></body></html>");
        assertEquals(new PageMetadata.Fact("Bridge opens", "h1"), page.headline());
        assertEquals(new PageMetadata.Fact("2025-07-04", "article time[datetime]"), page.datePublished());
        assertEquals(new PageMetadata.Authors(List.of("Di Local"), "rel=author"), page.authors());
        assertNull(page.dateModified());
        assertNull(page.canonicalUrl());
        assertNull(page.section());
        assertNull(Extractor.extract("Plain text\n\nBody.".getBytes(StandardCharsets.UTF_8),
                CaptureMediaType.parse("text/plain")).page());
    }

    @Test
    void aTitleThatAppendsTheSiteNameGivesTheHeadlineWithoutIt() {
        PageMetadata named = page("""
                <html><head><meta property="og:site_name" content="Valley Courier">
                <meta property="og:title" content="Dam repairs start in May - Valley Courier">
                </head><body><h1>Dam repairs start</h1><p>Work begins.</p></body></html>""");
        assertEquals(new PageMetadata.Fact("Dam repairs start in May",
                "meta[property=og:title] less the site's name"), named.headline());
        PageMetadata unnamed = page("""
                <html><head><meta property="og:title" content="Dam repairs start in May | VC Online">
                </head><body><h1>Dam repairs start in May</h1><p>Work begins.</p></body></html>""");
        assertEquals(new PageMetadata.Fact("Dam repairs start in May", "h1"), unnamed.headline());
    }

    @Test
    void aTimeElementAnywhereDatesAPageThatStatesNothingElse() {
        PageMetadata page = page("""
                <html><head><title>Ferry timetable changes</title></head><body><div class="story">
                <h1>Ferry timetable changes</h1><div class="dateline">By Di Desk |
                <time datetime="2025-08-10T06:12">10 August 2025, 06:12</time></div>
                <p>The winter timetable starts on Monday.</p></div></body></html>""");
        assertEquals(new PageMetadata.Fact("2025-08-10T06:12", "time[datetime]"), page.datePublished());
    }
}
