package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palimpsest.api.ArchiveShapes.archiveShape;
import static org.palimpsest.api.ArchiveShapes.text;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.ChangesTest.Capture;

/**
 * Through the API, in every order of ingestion: a body line each article gains as an edit at its own time (no notice
 * pattern matches it) makes a new version of each; a sign-up line every capture holds from one day on is chrome and
 * makes none.
 */
@QuarkusTest
class EditLinesTest {
    static final String EDIT = "Staff writer Dana Whitfield contributed reporting from the border region.";
    static final String SIGN_UP = "Sign up for our morning briefing to get the day's top stories in your inbox.";

    /** Sample i on day 0 and on days 1 to 5; the sign-up line from day 1 on, the edit in sample i from day i + 1 on. */
    static List<Capture> scenario() {
        List<Capture> out = new ArrayList<>();
        for (int day = 0; day <= 5; day++) {
            for (int i = 0; i < 5; i++) {
                String text = text(i);
                if (day >= i + 1) {
                    text = ChangesTest.withLine(text, EDIT);
                }
                if (day >= 1) {
                    text = ChangesTest.withLine(text, SIGN_UP);
                }
                out.add(new Capture(ChangesTest.at(day, i), text));
            }
        }
        return out;
    }

    @Test
    void anEditEachArticleGainsIsANewVersionAndASiteWideSignUpLineIsChromeInEveryOrder() {
        List<Capture> captures = scenario();
        List<Capture> reversed = new ArrayList<>(captures);
        Collections.reverse(reversed);
        List<Capture> shuffled = new ArrayList<>(captures);
        Collections.shuffle(shuffled, new Random(11));
        Map<String, String> shape = null;
        for (Object[] order : List.of(new Object[] {"chrono", captures, false}, new Object[] {"reverse", reversed, false},
                new Object[] {"shuffled", shuffled, false}, new Object[] {"batch", shuffled, true})) {
            String source = uniqueSource("edit-lines-" + order[0]);
            @SuppressWarnings("unchecked")
            List<Capture> in = (List<Capture>) order[1];
            ChangesTest.ingest(source, in, (Boolean) order[2]);
            List<String> articles = given().queryParam("source", source).get("/api/articles").path("items.articleId");
            assertEquals(5, articles.size(), (String) order[0]);
            for (String article : articles) {
                JsonPath a = given().get("/api/articles/" + article).jsonPath();
                assertEquals(2, a.getInt("versionCount"), order[0] + ": " + a.getString("headline"));
                List<String> edited = a.getList("timeline[1].paragraphs");
                assertEquals(EDIT, edited.get(edited.size() - 1), (String) order[0]);
                assertFalse(edited.contains(SIGN_UP), order[0] + ": the sign-up line is chrome");
                assertEquals(List.of("added"), a.getList("timeline[1].change.kinds"), (String) order[0]);
            }
            String template = given().get("/api/sources/" + source + "/template").then().statusCode(200).extract().asString();
            assertFalse(template.contains("Dana Whitfield"), order[0] + ": the edit is not in the template");
            assertTrue(template.contains("morning briefing"), order[0] + ": the sign-up line is");
            if (shape == null) {
                shape = archiveShape(source, 30);
            } else {
                assertEquals(shape, archiveShape(source, 30), "same articles, digests and mapping, " + order[0]);
            }
        }
    }
}
