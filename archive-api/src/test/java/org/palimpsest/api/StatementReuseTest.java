package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.uniqueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The statements that store a batch are the same texts whatever the batch's size: a list of values goes to the
 * database as one array parameter, not as a statement with a placeholder (or a literal) a value. A text made for one
 * list is parsed and planned for it alone, by Hibernate and by PostgreSQL, and every one of them was kept in
 * Hibernate's and the driver's statement caches — at 100k captures half of the API's live heap, and full collections
 * a tenth of its CPU.
 */
@QuarkusTest
class StatementReuseTest {
    private static final String[] WORDS = ("harbour council vote river bridge school budget museum garden library"
            + " station market festival storm flood road hospital park orchestra ferry theatre bakery mayor"
            + " election tram tunnel tower canal farm vineyard forest mountain village castle island lighthouse"
            + " stadium airport factory mill quarry chapel bishop choir regatta carnival parade").split(" ");

    @Test
    void aLargerBatchIsStoredWithTheStatementsOfASmallerOne() {
        String source = uniqueSource("statement-reuse");
        for (int story = 0; story < 3; story++) { // the source's first articles, one by one
            post(source, List.of(capture(story, 0, story, "")));
        }
        // Each batch: new stories, stories captured again (appends) and a correction (a new version).
        Set<String> small = statements(source, batch(List.of(3, 4), List.of(0, 1, 2), 2, 1));
        Set<String> large = statements(source, batch(IntStream.range(5, 17).boxed().toList(),
                List.of(0, 1, 3, 4, 0, 1, 3, 4), 3, 2));

        Set<String> onlyInLarge = new TreeSet<>(large);
        onlyInLarge.removeAll(small);
        assertTrue(onlyInLarge.isEmpty(), () -> onlyInLarge.size() + " statement text(s) of the larger batch were"
                + " not sent for the smaller one:\n" + onlyInLarge.stream()
                        .map(s -> s.length() > 300 ? s.substring(0, 300) + "…" : s)
                        .collect(Collectors.joining("\n")));
    }

    /** The lines of a batch sent at {@code round}: the new stories, the revisits, a correction of one story. */
    private static List<String> batch(List<Integer> fresh, List<Integer> again, int corrected, int round) {
        List<String> lines = new ArrayList<>();
        fresh.forEach(s -> lines.add(capture(s, round, lines.size(), "")));
        again.forEach(s -> lines.add(capture(s, round, lines.size(), "")));
        lines.add(capture(corrected, round, lines.size(),
                "A correction: story " + corrected + " gave its figures in euros, not pounds.\n"));
        return lines;
    }

    private static Set<String> statements(String source, List<String> lines) {
        return StatementTexts.during(() -> post(source, lines),
                statuses -> assertEquals(Collections.nCopies(lines.size(), 201), statuses));
    }

    /**
     * Story {@code n}'s page (its own words, seeded by {@code n}) with {@code added} at its end, captured on day
     * {@code round} at {@code minute}, as an NDJSON line.
     */
    private static String capture(int n, int round, int minute, String added) {
        Random random = new Random(n);
        StringBuilder page = new StringBuilder("Story " + n + ": the " + word(random) + " and the " + word(random)
                + "\n\n");
        for (int paragraph = 0; paragraph < 3; paragraph++) {
            for (int w = 0; w < 14; w++) {
                page.append(w == 0 ? "" : " ").append(word(random));
            }
            page.append(".\n");
        }
        page.append(TemplateGrowthTest.PROMO).append('\n').append(added);
        return new ObjectMapper().createObjectNode().put("source", "SOURCE")
                .put("url", "https://harbour.example/news/story-" + n)
                .put("capturedAt", String.format("2025-06-%02dT10:%02d:00Z", 1 + round, minute))
                .put("contentType", "text/plain").put("content", page.toString()).toString();
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)] + random.nextInt(1000);
    }

    /** Posts the lines as one NDJSON batch; answers each line's status. */
    private static List<Integer> post(String source, List<String> lines) {
        String ndjson = String.join("\n", lines).replace("\"SOURCE\"", "\"" + source + "\"") + "\n";
        return given().header("Authorization", ARCHIVIST).contentType("application/x-ndjson")
                .body(ndjson.getBytes(StandardCharsets.UTF_8)).post("/api/captures/batch").then().statusCode(200)
                .extract().asString().lines().map(line -> JsonPath.from(line).getInt("status")).toList();
    }
}
