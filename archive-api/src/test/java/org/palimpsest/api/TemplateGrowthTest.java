package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.palimpsest.api.TestArchive.ADMIN;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.uniqueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A capture that makes a line reach a template threshold, in a source whose articles are all found by URL: the
 * articles holding the line are re-assembled and the rest of the source is left alone — with the same result as
 * re-deriving the whole source. Captures posted in one batch are placed with what is read ahead for their group;
 * they reach what the same captures posted one by one reach.
 */
@QuarkusTest
class TemplateGrowthTest {
    @Inject
    DataSource db;

    static final String PROMO = "Subscribe to our newsletter for the top stories of the day.";

    private static final List<String[]> STORIES = List.of(
            new String[] {"Harbour wall repair approved by the council",
                    "Councillors voted to rebuild the crumbling harbour wall before the autumn gales arrive.",
                    "Fishermen welcomed the decision after two winters of flooded moorings and broken nets."},
            new String[] {"Library reopens with a new reading garden",
                    "The old library opened its doors again after a year of careful restoration work.",
                    "Children planted herbs and sunflowers in the courtyard that once held rusting bicycles."},
            new String[] {"Rail strike halts morning commuter trains",
                    "Drivers walked out at dawn over pay, leaving platforms empty across the valley line.",
                    "Bus operators added extra coaches but queues stretched past the station car park."},
            new String[] {"Orchestra announces a summer festival programme",
                    "Violinists and choirs from four countries will perform in the cathedral cloisters.",
                    "Tickets for the opening concert sold out within an hour of the box office opening."},
            new String[] {"Ferry timetable changes for the winter season",
                    "Crossings to the islands will run twice a day from November until the spring.",
                    "Islanders asked for a later evening sailing so that commuters can get home."});

    /** A page of story {@code n}; with the promotion line inside its body when {@code promo}. */
    static String page(int n, boolean promo) {
        String[] story = STORIES.get(n);
        return story[0] + "\n\n" + story[1] + "\n" + (promo ? PROMO + "\n" : "") + story[2] + "\n";
    }

    private static String post(String source, int story, boolean promo, String capturedAt) {
        return given().header("Authorization", ARCHIVIST).contentType("text/plain").queryParam("source", source)
                .queryParam("url", "https://harbour.example/news/story-" + story).queryParam("capturedAt", capturedAt)
                .body(page(story, promo).getBytes(StandardCharsets.UTF_8)).post("/api/captures").then()
                .statusCode(201).extract().header("Palimpsest-Derived");
    }

    @Test
    void aLineLearnedByOneCaptureReassemblesOnlyTheArticlesHoldingItAndAgreesWithAFullRederivation() {
        String source = uniqueSource("growth");
        assertEquals("source", post(source, 0, false, "2025-05-11T10:00:00Z"), "the first capture derives the source");
        assertEquals("article", post(source, 1, true, "2025-05-11T10:01:00Z"));
        assertEquals("article", post(source, 2, true, "2025-05-11T10:02:00Z"));
        assertEquals("article", post(source, 3, false, "2025-05-11T10:03:00Z"));
        Map<String, String> before = ArchiveShapes.versionIds(source);

        // The third article born with the promotion makes it body template (three articles).
        assertEquals("article", post(source, 4, true, "2025-05-11T10:04:00Z"),
                "the grown template re-assembles the articles holding the line, not the source");
        assertEquals(3, given().get("/api/sources/" + source + "/template").then().statusCode(200).extract()
                .jsonPath().getInt("bodyLines.find { it.text == '" + PROMO + "' }.articles"));
        // Story 0 gains it later: it is template now, so this is no edit of story 0.
        assertEquals("article", post(source, 0, true, "2025-05-11T10:05:00Z"));

        JsonPath template = given().get("/api/sources/" + source + "/template").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(4, template.getInt("bodyLines.find { it.text == '" + PROMO + "' }.articles"));
        Map<String, String> shape = ArchiveShapes.archiveShape(source, 6);
        Map<String, String> ids = ArchiveShapes.versionIds(source);
        assertEquals(shape.get("2025-05-11T10:00:00Z").split("\\|")[1], shape.get("2025-05-11T10:05:00Z").split("\\|")[1],
                "without the promotion, story 0 captured again is the same version");
        assertNotEquals(before.get(firstCaptureOf(source, 1)), ids.get(firstCaptureOf(source, 1)),
                "story 1 holds the promotion: its version is re-digested without it");
        assertEquals(before.get(firstCaptureOf(source, 3)), ids.get(firstCaptureOf(source, 3)),
                "story 3 never held the line and keeps its version");
        String story1 = firstCaptureOf(source, 1); // versionIds: capture id -> "article id/version id"
        given().get("/api/articles/" + before.get(story1).replace("/", "/versions/")).then().statusCode(200)
                .body("supersededBy", equalTo(ids.get(story1).split("/")[1]));
        for (String article : given().queryParam("source", source).get("/api/articles").jsonPath()
                .<String>getList("items.articleId")) {
            JsonPath timeline = given().get("/api/articles/" + article).jsonPath();
            assertEquals(timeline.getInt("versionCount"), timeline.getList("timeline").size(),
                    "every live version of " + article + " is on its timeline");
            assertEquals(List.of(), timeline.<List<?>>getList("timeline.captures").stream().filter(List::isEmpty)
                    .toList(), "no live version of " + article + " without captures");
        }

        given().header("Authorization", ADMIN).post("/api/admin/sources/" + source + "/rederive").then()
                .statusCode(204);
        assertEquals(shape, ArchiveShapes.archiveShape(source, 6), "a full re-derivation agrees");
        assertEquals(ids, ArchiveShapes.versionIds(source), "and keeps every article and version id");
    }

    @Test
    void anArticleHoldingNoLearnedLineIsStillAppendedToAfterTheTemplateGrowsAndAgreesWithAFullRederivation() {
        String source = uniqueSource("growth-append");
        post(source, 0, false, "2025-05-11T10:00:00Z");
        post(source, 1, true, "2025-05-11T10:01:00Z");
        post(source, 2, true, "2025-05-11T10:02:00Z");
        post(source, 3, false, "2025-05-11T10:03:00Z");
        post(source, 4, true, "2025-05-11T10:04:00Z"); // the promotion becomes template: version 2
        long appended = placements("append");
        long assembled = placements("assemble");

        // Story 3 was read with template version 1 and never held the promotion: version 2 reads it the same.
        assertEquals("article", post(source, 3, false, "2025-05-11T10:05:00Z"));
        assertEquals(appended + 1, placements("append"), "appended to, from its captures' stored provenance");
        assertEquals(assembled, placements("assemble"), "not re-assembled from its captures");
        for (String provenance : story(source, 3).values()) {
            assertEquals(given().get("/api/sources/" + source + "/template").jsonPath().getInt("templateVersion"),
                    JsonPath.from(provenance).getInt("provenance.templateVersion"),
                    "every capture of story 3 says the template it is read with now");
        }
        assertAFullRederivationWritesTheSame(source, 3);
    }

    @Test
    void anEarlierCaptureArrivingLateReassemblesItsArticleNotTheSourceAndAgreesWithAFullRederivation() {
        String source = uniqueSource("growth-early");
        post(source, 0, false, "2025-05-11T10:00:00Z");
        post(source, 1, true, "2025-05-11T10:01:00Z");
        post(source, 2, false, "2025-05-11T10:02:00Z");
        post(source, 3, false, "2025-05-11T10:03:00Z");
        post(source, 1, false, "2025-05-11T10:06:00Z"); // story 1 without the promotion: an edit
        long wholeSources = placements("source");

        // Story 1 was captured before its first capture too (another crawler's copy, imported late).
        assertEquals("article", post(source, 1, false, "2025-05-11T09:58:00Z"),
                "the article is re-assembled with its new first capture; the source is not re-derived");
        assertEquals(wholeSources, placements("source"));
        JsonPath story1 = given().get("/api/articles/" + articleOf(source, 1)).jsonPath();
        assertEquals("2025-05-11T09:58:00Z", story1.getString("timeline[0].captures[0].capturedAt"));
        assertAFullRederivationWritesTheSame(source, 1);
    }

    @Test
    void aLineThreeArticlesGainedAsEditsWithAnotherArticleCapturedBetweenStaysTheirsWithoutReDerivingTheSource() {
        String source = uniqueSource("growth-edits");
        for (int story = 0; story < 5; story++) {
            post(source, story, false, "2025-05-11T10:0" + story + ":00Z");
        }
        post(source, 1, true, "2025-05-11T10:05:00Z"); // story 1 gains the promotion: an edit
        post(source, 3, false, "2025-05-11T10:06:00Z"); // another article without it, captured between
        post(source, 2, true, "2025-05-11T10:07:00Z");
        long wholeSources = placements("source");

        // The third article to gain the line, none born with it: template only if every capture of the source from
        // the first holding it on holds it, and story 3's capture at 10:06 does not.
        assertEquals("article", post(source, 0, true, "2025-05-11T10:09:00Z"),
                "the line is an edit of three articles: placed without re-deriving the source");
        assertEquals(wholeSources, placements("source"));
        assertEquals(List.of(), templateLines(source));
        Map<String, String> shape = ArchiveShapes.archiveShape(source, 9);
        assertNotEquals(shape.get("2025-05-11T10:00:00Z"), shape.get("2025-05-11T10:09:00Z"),
                "story 0 with the promotion is a new version of it");
        ArchiveShapes.assertAFullRederivationAgrees(source, 9);
    }

    @Test
    void aLineEveryCaptureHoldsFromItsFirstOnIsStillLearnedAsASiteWideInsertion() {
        String source = uniqueSource("growth-insertion");
        for (int story = 0; story < 5; story++) {
            post(source, story, false, "2025-05-11T10:0" + story + ":00Z");
        }
        post(source, 1, true, "2025-05-11T10:05:00Z"); // from here on every capture holds the promotion
        post(source, 2, true, "2025-05-11T10:06:00Z");

        assertEquals("source", post(source, 0, true, "2025-05-11T10:07:00Z"),
                "no capture without the line lies between: only the whole source tells");
        assertEquals(List.of(PROMO + " x3"), templateLines(source), "a site-wide insertion is template");
    }

    /** A capture of a story for {@link #postEach} and {@link #postBatch}: {@code url} false for one without a URL. */
    private record Story(int story, boolean promo, String capturedAt, boolean url) {
    }

    private static void postEach(String source, List<Story> stories) {
        for (Story s : stories) {
            var request = given().header("Authorization", ARCHIVIST).contentType("text/plain")
                    .queryParam("source", source).queryParam("capturedAt", s.capturedAt());
            if (s.url()) {
                request.queryParam("url", "https://harbour.example/news/story-" + s.story());
            }
            request.body(page(s.story(), s.promo()).getBytes(StandardCharsets.UTF_8)).post("/api/captures").then()
                    .statusCode(201);
        }
    }

    /** Posts the stories in one batch: one group of the source, placed with what is read ahead for it. */
    private static void postBatch(String source, List<Story> stories) {
        ObjectMapper json = new ObjectMapper();
        StringBuilder ndjson = new StringBuilder();
        for (Story s : stories) {
            var line = json.createObjectNode().put("source", source).put("capturedAt", s.capturedAt())
                    .put("contentType", "text/plain").put("content", page(s.story(), s.promo()));
            if (s.url()) {
                line.put("url", "https://harbour.example/news/story-" + s.story());
            }
            ndjson.append(line).append('\n');
        }
        assertEquals(List.of(201), given().header("Authorization", ARCHIVIST).contentType("application/x-ndjson")
                .body(ndjson.toString().getBytes(StandardCharsets.UTF_8)).post("/api/captures/batch").then()
                .statusCode(200).extract().asString().lines().map(l -> JsonPath.from(l).getInt("status")).distinct()
                .toList());
    }

    /**
     * Posts story 0 (the source's first capture) to both sources, then {@code batch} to {@code batched} in one batch
     * and to {@code oneByOne} one by one; answers how many whole-source re-derivations the batch took.
     */
    private static long postBothWays(String batched, String oneByOne, List<Story> batch) {
        List<Story> first = List.of(new Story(0, false, "2025-05-11T10:00:00Z", true));
        postEach(batched, first);
        long wholeSources = placements("source");
        postBatch(batched, batch);
        long rederived = placements("source") - wholeSources;
        postEach(oneByOne, first);
        postEach(oneByOne, batch);
        return rederived;
    }

    /** The source's template lines with the articles counted for each, as served. */
    private static List<String> templateLines(String source) {
        JsonPath template = given().get("/api/sources/" + source + "/template").then().statusCode(200).extract()
                .jsonPath();
        return template.<Map<String, Object>>getList("bodyLines").stream()
                .map(l -> l.get("text") + " x" + l.get("articles")).toList();
    }

    @Test
    void aLineLearnedWithinOneBatchIsLearnedAsWhenTheCapturesArePostedOneByOne() {
        String batched = uniqueSource("growth-batch");
        String oneByOne = uniqueSource("growth-each");
        // Three articles born with the promotion, all in one batch: the third makes it template only if the batch
        // counts the lines its own earlier captures added.
        List<Story> batch = List.of(new Story(1, true, "2025-05-11T10:01:00Z", true),
                new Story(2, true, "2025-05-11T10:02:00Z", true), new Story(3, false, "2025-05-11T10:03:00Z", true),
                new Story(4, true, "2025-05-11T10:04:00Z", true), new Story(0, true, "2025-05-11T10:05:00Z", true));
        assertEquals(0, postBothWays(batched, oneByOne, batch), "the batch grows the template without re-deriving");

        assertEquals(List.of(PROMO + " x4"), templateLines(oneByOne));
        assertEquals(templateLines(oneByOne), templateLines(batched));
        assertEquals(ArchiveShapes.archiveShape(oneByOne, 6), ArchiveShapes.archiveShape(batched, 6));
    }

    @Test
    void aCaptureWithoutUrlFindsTheVersionAnEarlierCaptureOfItsBatchCreated() {
        String batched = uniqueSource("similar-batch");
        String oneByOne = uniqueSource("similar-each");
        List<Story> batch = List.of(new Story(1, false, "2025-05-11T10:01:00Z", true),
                new Story(2, false, "2025-05-11T10:02:00Z", false), new Story(2, false, "2025-05-11T10:03:00Z", false));
        assertEquals(0, postBothWays(batched, oneByOne, batch), "placed without re-deriving the source, as one by one");

        Map<String, String> shape = ArchiveShapes.archiveShape(oneByOne, 4);
        assertEquals(3, given().queryParam("source", oneByOne).get("/api/articles").jsonPath().getList("items").size(),
                "story 2's second capture joins the article its first made");
        assertEquals(shape, ArchiveShapes.archiveShape(batched, 4));
        assertEquals(3, given().queryParam("source", batched).get("/api/articles").jsonPath().getList("items").size());
    }

    @Test
    void aCaptureAppendedToItsArticleIsWrittenOnceWithItsPlacementAndNeverUpdated() throws Exception {
        String source = uniqueSource("written-once");
        postEach(source, List.of(new Story(0, false, "2025-05-11T10:00:00Z", true))); // derives the source
        long appends = placements("append");
        String trigger = "count_updates_" + source.replaceAll("[^a-z0-9]", "_");
        TestArchive.asOwner("create table if not exists capture_update_seen (source text, id uuid)");
        TestArchive.asOwner("grant select on capture_update_seen to public");
        TestArchive.asOwner("create or replace function capture_update_seen() returns trigger language plpgsql security definer as"
                + " $$ begin insert into capture_update_seen values (new.source, new.id); return new; end $$");
        TestArchive.asOwner("create trigger " + trigger + " after update on capture for each row when (new.source = '" + source
                + "') execute function capture_update_seen()");
        try {
            postEach(source, List.of(new Story(1, false, "2025-05-11T10:01:00Z", true),
                    new Story(0, false, "2025-05-11T10:02:00Z", true)));
            // In one batch: a new article captured twice (the second finds the first's row), and a new version.
            postBatch(source, List.of(new Story(2, false, "2025-05-11T10:03:00Z", true),
                    new Story(2, false, "2025-05-11T10:04:00Z", true), new Story(0, true, "2025-05-11T10:05:00Z", true)));
        } finally {
            TestArchive.asOwner("drop trigger " + trigger + " on capture");
        }

        assertEquals(5, placements("append") - appends, "each capture after the first was appended");
        assertEquals(0, TestArchive.count(db, "select count(*) from capture_update_seen where source = ?", source),
                "no appended capture's row was updated after it was written");
        assertEquals(0, TestArchive.count(db, "select count(*) from capture where source = ? and (article_id is null"
                + " or version_id is null or derivation is null)", source), "every row was written with its placement");
        Map<String, String> shape = ArchiveShapes.archiveShape(source, 6);
        assertEquals(List.of("v1", "v1", "v1", "v1", "v1", "v2"),
                shape.values().stream().map(v -> v.substring(v.lastIndexOf('|') + 1)).toList());
        assertAFullRederivationWritesTheSame(source, 0);
        assertAFullRederivationWritesTheSame(source, 2);
    }

    /** Re-derives the source (six capture times) and finds every capture placed and the story's provenance as they were. */
    private static void assertAFullRederivationWritesTheSame(String source, int story) {
        Map<String, String> captures = story(source, story);
        ArchiveShapes.assertAFullRederivationAgrees(source, 6);
        assertEquals(captures, story(source, story), "and writes the story's provenance the same");
    }

    /** Captures this node has placed along {@code path}, from {@code /q/metrics}. */
    static long placements(String path) {
        return TestArchive.counter("palimpsest_placements_total", "path=\"" + path + "\"");
    }

    private static String articleOf(String source, int n) {
        return given().queryParam("source", source).get("/api/articles").jsonPath()
                .<String>getList("items.findAll { it.url == 'https://harbour.example/news/story-" + n + "' }.articleId")
                .get(0);
    }

    /** Story {@code n}'s captures as served (with their provenance), by id. */
    private static Map<String, String> story(String source, int n) {
        Map<String, String> captures = new TreeMap<>();
        for (String capture : given().get("/api/articles/" + articleOf(source, n)).jsonPath()
                .<String>getList("timeline.captures.flatten().captureId")) {
            captures.put(capture, given().get("/api/captures/" + capture).asString());
        }
        return captures;
    }

    @Test
    void aSourceWithAnArticleFoundBySimilarityIsStillReDerivedWhole() {
        String source = uniqueSource("growth-sim");
        post(source, 0, false, "2025-05-11T10:00:00Z");
        given().header("Authorization", ARCHIVIST).contentType("text/plain").queryParam("source", source)
                .queryParam("capturedAt", "2025-05-11T10:01:00Z").body(page(1, true).getBytes(StandardCharsets.UTF_8))
                .post("/api/captures").then().statusCode(201);
        post(source, 2, true, "2025-05-11T10:02:00Z");
        assertEquals("source", post(source, 0, true, "2025-05-11T10:04:00Z"));
    }

    /** The id of the first capture of story {@code n} in the source. */
    private static String firstCaptureOf(String source, int n) {
        return given().queryParam("source", source).get("/api/articles").jsonPath()
                .<String>getList("items.findAll { it.url == 'https://harbour.example/news/story-" + n
                        + "' }.articleId").stream()
                .map(article -> given().get("/api/articles/" + article).jsonPath().getString("timeline[0].captures[0].captureId"))
                .findFirst().orElseThrow();
    }
}
