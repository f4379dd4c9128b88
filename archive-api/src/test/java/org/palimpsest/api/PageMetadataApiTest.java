package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A captured page's own metadata is kept in the capture's provenance with where each fact came from, and a version
 * whose content changed while the page's own dateModified did not says so beside its change.
 */
@QuarkusTest
class PageMetadataApiTest {
    static String page(String modified, String figure) {
        return "<html lang=\"en\"><head><title>Budget | Harbour Times</title>"
                + "<link rel=\"canonical\" href=\"https://harbour.example/news/budget\">"
                + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
                + "\"headline\":\"Council passes the harbour budget\",\"datePublished\":\"2025-05-11T08:00:00Z\","
                + "\"dateModified\":\"" + modified + "\",\"author\":{\"@type\":\"Person\",\"name\":\"Ann Reporter\"},"
                + "\"articleSection\":\"Local\"}</script></head><body><article><h1>Council passes the harbour budget</h1>"
                + "<p>The council passed a budget of " + figure + " pounds for the harbour on Monday.</p>"
                + "<p>The vote was seven to four after a long debate.</p></article></body></html>";
    }

    static String capture(String source, String at, String html) {
        return given().header("Authorization", ARCHIVIST).contentType("text/html; charset=utf-8")
                .queryParam("source", source).queryParam("url", "https://harbour.example/news/budget?utm_source=x")
                .queryParam("capturedAt", at).body(html.getBytes(StandardCharsets.UTF_8)).post("/api/captures")
                .then().statusCode(201).extract().path("captureId");
    }

    @Test
    void thePagesOwnMetadataIsInTheProvenanceAndAnEditUnderAnUnchangedDateModifiedIsFlagged() {
        String source = uniqueSource("page-metadata");
        String first = capture(source, "2025-05-11T09:00:00Z", page("2025-05-11T08:00:00Z", "120,000"));
        capture(source, "2025-05-11T12:00:00Z", page("2025-05-11T08:00:00Z", "127,000")); // a silent edit
        capture(source, "2025-05-12T12:00:00Z", page("2025-05-12T11:00:00Z", "130,000")); // an edit that says so

        JsonPath provenance = given().get("/api/captures/" + first).then().statusCode(200).extract().jsonPath();
        assertEquals("Council passes the harbour budget", provenance.getString("provenance.page.headline.value"));
        assertEquals("json-ld headline", provenance.getString("provenance.page.headline.from"));
        assertEquals("2025-05-11T08:00:00Z", provenance.getString("provenance.page.datePublished.value"));
        assertEquals(List.of("Ann Reporter"), provenance.getList("provenance.page.authors.names"));
        assertEquals("en", provenance.getString("provenance.page.language.value"));
        assertEquals("https://harbour.example/news/budget", provenance.getString("provenance.page.canonicalUrl.value"));
        assertEquals("link[rel=canonical][href]", provenance.getString("provenance.page.canonicalUrl.from"));
        assertEquals("Local", provenance.getString("provenance.page.section.value"));
        assertEquals("whole-page", provenance.getString("provenance.body.rule")); // two short paragraphs stand out less
        assertEquals(List.of("body"), provenance.getList("provenance.body.elements"));

        String article = given().queryParam("source", source).get("/api/articles").path("items[0].articleId");
        JsonPath timeline = given().get("/api/articles/" + article).then().statusCode(200).extract().jsonPath();
        assertEquals(3, timeline.getList("timeline").size());
        assertNull(timeline.get("timeline[0].change"));
        assertEquals(List.of("lede", "figures"), timeline.getList("timeline[1].change.kinds"));
        assertEquals(true, timeline.getBoolean("timeline[1].change.dateModifiedUnchanged"));
        assertEquals(false, timeline.getBoolean("timeline[2].change.dateModifiedUnchanged"));

        // the same captures in reverse order: each lands before the others and its article is derived again whole
        String reversed = uniqueSource("page-metadata-reversed");
        capture(reversed, "2025-05-12T12:00:00Z", page("2025-05-12T11:00:00Z", "130,000"));
        capture(reversed, "2025-05-11T12:00:00Z", page("2025-05-11T08:00:00Z", "127,000"));
        capture(reversed, "2025-05-11T09:00:00Z", page("2025-05-11T08:00:00Z", "120,000"));
        String again = given().queryParam("source", reversed).get("/api/articles").path("items[0].articleId");
        JsonPath same = given().get("/api/articles/" + again).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(true, false), List.of(same.getBoolean("timeline[1].change.dateModifiedUnchanged"),
                same.getBoolean("timeline[2].change.dateModifiedUnchanged")));
    }
}
