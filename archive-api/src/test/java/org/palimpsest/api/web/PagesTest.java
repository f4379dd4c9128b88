package org.palimpsest.api.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palimpsest.api.TestArchive.bytes;
import static org.palimpsest.api.TestArchive.post;
import static org.palimpsest.api.TestArchive.samples;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The pages as HTML: what they show, that every control has a label, and failures as pages with advice. */
@QuarkusTest
class PagesTest {

    static Document page(String path, int status) {
        String html = given().get(path).then().statusCode(status).contentType("text/html").extract().asString();
        return Jsoup.parse(html);
    }

    /** Every visible form control is named by a label, so that screen readers and keyboard users can find it. */
    static void everyControlIsLabelled(Document doc) {
        for (Element control : doc.select("input:not([type=hidden]), select")) {
            String id = control.id();
            boolean labelled = (!id.isEmpty() && !doc.select("label[for=" + id + "]").isEmpty())
                    || control.closest("label") != null;
            assertTrue(labelled, "no label for " + control);
        }
        assertEquals("#content", doc.selectFirst("a.skip").attr("href"));
        assertEquals(1, doc.select("main#content").size());
    }

    @Test
    void theArticlePageShowsEveryVersionItsCapturesAndWhatChanged() {
        String source = uniqueSource("pages");
        String base = new String(bytes(samples().get(0)), StandardCharsets.UTF_8);
        String v1 = post(source, base.getBytes(StandardCharsets.UTF_8), "text/plain", "2025-05-11T10:00:00Z")
                .statusCode(201).extract().path("versionId");
        String article = post(source, base.replace("fourth overall", "fourth in all").getBytes(StandardCharsets.UTF_8),
                "text/plain", "2025-05-12T10:00:00Z").statusCode(201).extract().path("articleId");
        post(source, base.getBytes(StandardCharsets.UTF_8), "text/plain", "2025-05-13T10:00:00Z").statusCode(201);

        Document doc = page("/articles/" + article, 200);
        everyControlIsLabelled(doc);
        assertEquals("Zelensky, Biden discuss security, diplomacy, aid to Ukraine", doc.selectFirst("h1").text());
        assertEquals(List.of("Version 1", "Version 2"), doc.select("ol.versions > li > h3").eachText());
        // Version 1 was held twice (A→B→A): two bands on its row, one on version 2's, and a dot per capture.
        assertEquals(3, doc.select("svg.timeline rect").size());
        assertEquals(3, doc.select("svg.timeline circle").size());
        assertEquals("2 versions and 3 captures from 2025-05-11 10:00 to 2025-05-13 10:00 UTC",
                doc.selectFirst("svg.timeline > title").text());
        assertEquals(List.of("removed overall.", "added in all."), doc.select("#v2 ul li").eachText());
        assertEquals("/diff?from=" + v1 + "&to=" + doc.select("select#cmp-to option[selected]").attr("value"),
                doc.selectFirst("#v2 a[href^=/diff]").attr("href"));
        assertEquals("Text of version 1, as the archive holds it now", doc.select("h2").last().text());
    }

    @Test
    void theCapturePageShowsProvenanceAndLinksTheRawBytes() {
        String source = uniqueSource("pages-capture");
        var capture = post(source, bytes(samples().get(1)), "text/plain", "2025-05-11T10:00:00Z").statusCode(201)
                .extract().jsonPath();
        Document doc = page("/captures/" + capture.getString("captureId"), 200);
        assertEquals("/api/captures/" + capture.getString("captureId") + "/raw",
                doc.selectFirst("a:contains(the exact bytes as captured)").attr("href"));
        assertTrue(doc.text().contains("sha256:" + capture.getString("rawSha256")), doc.text());
        assertEquals(capture.getList("provenance.removedLines").size(),
                doc.select("table[aria-labelledby=removed-heading] tbody tr").size());
        assertEquals("a new version — version 1", doc.select("dt:contains(Version) + dd").text());
    }

    @Test
    void searchAndExportPagesCarryTheQueryAcrossAndLabelEveryControl() {
        Document search = page("/search?q=Stoltenberg&source=nowhere-" + UUID.randomUUID().toString().substring(0, 6)
                + "&asOf=2025-05-11T12:30", 200);
        everyControlIsLabelled(search);
        assertEquals("0 matches", search.selectFirst("#results-heading").text());
        assertEquals("2025-05-11T12:30:00", search.selectFirst("input#asOf").val());

        Document export = page("/export?q=Stoltenberg&source=kyiv&asOf=2025-05-11T12:30", 200);
        everyControlIsLabelled(export);
        assertEquals("/api/exports", export.selectFirst("form").attr("action"));
        assertEquals(List.of("q=Stoltenberg", "source=kyiv", "asOf=2025-05-11T12:30:00Z"),
                export.select("form input[type=hidden]").stream().map(e -> e.attr("name") + "=" + e.val()).toList());
    }

    @Test
    void failuresArePagesThatSayWhatToFix() {
        UUID missing = UUID.randomUUID();
        Document notFound = page("/articles/" + missing, 404);
        assertEquals("no article " + missing + " in the archive", notFound.selectFirst(".error p").text());
        Document badId = page("/diff?from=v1&to=" + missing, 400);
        assertEquals("from 'v1' is not an id: give a version or capture id (a UUID)",
                badId.selectFirst(".error p").text());
        Document badQuery = page("/search?q=x&asOf=yesterday", 400);
        assertTrue(badQuery.selectFirst(".error p").text().startsWith("asOf"), badQuery.text());
    }
}
