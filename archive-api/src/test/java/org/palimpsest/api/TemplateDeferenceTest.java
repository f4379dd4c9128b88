package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The learned template never removes what the page's own markup declares as the article body
 * ({@code itemprop="articleBody"}): a line every article of a source carries in its declared body is learned as
 * template, and removed from a page whose body the extractor had to find by scoring, yet kept where it is declared.
 */
@QuarkusTest
class TemplateDeferenceTest {
    static final String PLEDGE = "Readers fund this newsroom: every contribution keeps the reporting free to read.";

    static String page(String slug, String headline, String first, String second, boolean declared) {
        String open = declared ? "<div itemprop=\"articleBody\">" : "<div class=\"story\">";
        return "<html><head><title>" + headline + "</title></head><body><article><h1>" + headline + "</h1>" + open
                + "<p>" + first + "</p><p>" + PLEDGE + "</p><p>" + second + "</p></div></article></body></html>";
    }

    static String articleOf(String captureId) {
        return given().get("/api/captures/" + captureId).then().statusCode(200).extract().path("articleId");
    }

    static List<String> latestParagraphs(String captureId) {
        String article = articleOf(captureId);
        JsonPath timeline = given().get("/api/articles/" + article).then().statusCode(200).extract().jsonPath();
        String version = timeline.getString("timeline[-1].versionId");
        return given().get("/api/articles/" + article + "/versions/" + version).then().statusCode(200).extract()
                .jsonPath().getList("paragraphs");
    }

    @Test
    void aTemplateLineInsideADeclaredArticleBodyStaysWhileTheSameLineInAScoredBodyGoes() {
        String source = uniqueSource("deference");
        String[][] stories = {
            {"harbour-dredging", "Harbour dredging to start in June", "Dredgers will deepen the outer channel from"
                    + " June so that larger ships can berth at high tide.", "The work will take eight weeks, and the"
                    + " ferry will keep its timetable throughout."},
            {"library-hours", "Library opens on Sundays from next month", "The central library will open from noon"
                    + " to five on Sundays, the council said on Tuesday.", "Staff will be paid overtime, and the"
                    + " reading rooms will close an hour early on Mondays."},
            {"bridge-repairs", "Old bridge closes for repairs", "The old bridge will close to traffic for three"
                    + " weeks while its bearings are replaced.", "Buses will be diverted over the ring"
                    + " road, adding ten minutes to most journeys."},
            {"market-square", "Market square trees to be replanted", "Twelve lime trees felled in the storm will be"
                    + " replaced with saplings grown in the town nursery.", "Planting begins in the autumn, once"
                    + " the ground has been cleared and drained."},
        };
        String[] captures = new String[stories.length];
        for (int i = 0; i < stories.length; i++) {
            String[] s = stories[i];
            boolean declared = i < 3;
            captures[i] = CanonicalIdentityTest.capture(source, "https://harbour.example/news/" + s[0],
                    "2025-06-0" + (i + 1) + "T09:00:00Z", page(s[0], s[1], s[2], s[3], declared));
        }

        List<String> template = given().get("/api/sources/" + source + "/template").then().statusCode(200).extract()
                .jsonPath().getList("bodyLines.text");
        assertEquals(List.of(PLEDGE), template, "the line every article carries is learned as template");
        for (int i = 0; i < 3; i++) {
            assertEquals("declared", given().get("/api/captures/" + captures[i]).then().extract()
                    .path("provenance.body.rule"), "rule of " + stories[i][0]);
            assertEquals(List.of(stories[i][2], PLEDGE, stories[i][3]), latestParagraphs(captures[i]),
                    "declared body of " + stories[i][0]);
        }
        assertEquals(List.of(stories[3][2], stories[3][3]), latestParagraphs(captures[3]), "scored body");
    }
}
