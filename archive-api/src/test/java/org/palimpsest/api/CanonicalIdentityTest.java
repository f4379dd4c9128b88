package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The address a page declares as its own ({@code <link rel="canonical">}) is the article's identity when the capture
 * has no URL, or one that differs from it only by parameters an app or a share button added.
 */
@QuarkusTest
class CanonicalIdentityTest {
    static String page(String headline, String body) {
        return "<html><head><title>" + headline + "</title>"
                + "<link rel=\"canonical\" href=\"https://harbour.example/news/ferry-strike\"></head><body><article><h1>"
                + headline + "</h1>" + body + "</article></body></html>";
    }

    static String capture(String source, String url, String at, String html) {
        RequestSpecification request = given().header("Authorization", ARCHIVIST)
                .contentType("text/html; charset=utf-8").queryParam("source", source).queryParam("capturedAt", at);
        if (url != null) {
            request = request.queryParam("url", url);
        }
        return request.body(html.getBytes(StandardCharsets.UTF_8)).post("/api/captures").then().statusCode(201)
                .extract().path("captureId");
    }

    @Test
    void capturesOfOnePageUnderShareParametersOrWithoutAUrlAreOneArticleByItsCanonicalAddress() {
        String source = uniqueSource("canonical");
        capture(source, "https://harbour.example/news/ferry-strike?share=a81f", "2025-05-11T09:00:00Z",
                page("Ferry crews vote to strike on Friday", "<p>Ferry crews voted to strike on Friday over pay, the"
                        + " union said after a ballot of its members.</p><p>The operator said it would run a reduced"
                        + " timetable with managers on the bridge.</p>"));
        capture(source, "https://harbour.example/news/ferry-strike?share=77c0&ref=app", "2025-05-11T15:00:00Z",
                page("Ferry strike called off after late offer", "<p>A late offer of four per cent ended the dispute"
                        + " on Thursday evening, hours before the first sailing.</p><p>Passengers who rebooked can"
                        + " claim the difference back, the company said.</p>"));
        String third = capture(source, null, "2025-05-12T08:00:00Z",
                page("Ferries sail as normal after strike is called off", "<p>All crossings ran on time on Friday"
                        + " morning, a day after the walkout was averted by a pay deal.</p><p>Union members will"
                        + " vote on the offer next week, their secretary said.</p>"));

        List<String> articles = given().queryParam("source", source).get("/api/articles").then().statusCode(200)
                .extract().jsonPath().getList("items.articleId");
        assertEquals(1, articles.size(), "one article by the page's canonical address");
        JsonPath timeline = given().get("/api/articles/" + articles.get(0)).then().statusCode(200).extract().jsonPath();
        assertEquals(3, timeline.getList("timeline").size());
        JsonPath captured = given().get("/api/captures/" + third).then().statusCode(200).extract().jsonPath();
        assertEquals("https://harbour.example/news/ferry-strike", captured.getString("canonicalUrl"));
        assertEquals("url", captured.getString("provenance.identity.decision"));
        assertEquals("link[rel=canonical][href]", captured.getString("provenance.page.canonicalUrl.from"));
    }
}
