package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.bytes;
import static org.palimpsest.api.TestArchive.post;
import static org.palimpsest.api.TestArchive.samples;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaptureStoreTest {
    @Inject
    DataSource db;

    @Test
    void rawBytesComeBackBitForBitWithTheirDigest() throws Exception {
        String source = uniqueSource("raw");
        for (Path sample : samples()) {
            byte[] original = bytes(sample);
            String id = post(source, original, "text/plain; charset=utf-8", "2025-05-11T10:00:00Z")
                    .statusCode(201)
                    .body("rawSha256", equalTo(sha256Hex(original)))
                    .body("rawSize", equalTo(original.length))
                    .extract().path("captureId");
            Response raw = given().get("/api/captures/" + id + "/raw");
            assertEquals(200, raw.statusCode());
            assertArrayEquals(original, raw.asByteArray(), sample + " came back changed");
            assertEquals("sha-256=:" + Base64.getEncoder().encodeToString(sha256(raw.asByteArray())) + ":",
                    raw.header("Repr-Digest"));
            assertEquals("text/plain; charset=utf-8", raw.contentType());
        }
    }

    @Test
    void repeatedCaptureGivesTheSameCaptureWithoutASecondRow() throws Exception {
        String source = uniqueSource("repeat");
        byte[] body = bytes(samples().get(0));
        String first = post(source, body, "text/plain", "2025-05-11T10:00:00Z").statusCode(201)
                .extract().path("captureId");
        String again = post(source, body, "text/plain", "2025-05-11T10:00:00Z").statusCode(200)
                .extract().path("captureId");
        assertEquals(first, again);
        assertEquals(1, count("select count(*) from capture where source = ?", source));
    }

    @Test
    void aBatchRepeatingAStoredCaptureAndItsOwnLinesAnswersTheFirstIdsAndWritesOneRowEach() throws Exception {
        String source = uniqueSource("batch-repeat");
        String a = "First headline\n\nThe first body.\n";
        String b = "Second headline\n\nThe second body.\n";
        String c = "Third headline\n\nThe third body, captured without a time.\n";
        String stored = batch(source, new String[][] {{a, "2025-05-11T10:00:00Z"}}).get(0).getString("captureId");
        String later = "2025-05-11T11:00:00Z";
        List<io.restassured.path.json.JsonPath> lines = batch(source, new String[][] {{a, "2025-05-11T10:00:00Z"},
                {b, later}, {b, later}, {c, null}, {c, null}, {a, later}});

        assertEquals(List.of(200, 201, 200, 201, 200, 201), lines.stream().map(l -> l.getInt("status")).toList());
        assertEquals(stored, lines.get(0).getString("captureId"), "a repeat of a stored capture is that capture");
        assertEquals(lines.get(1).getString("captureId"), lines.get(2).getString("captureId"));
        assertEquals(lines.get(3).getString("captureId"), lines.get(4).getString("captureId"),
                "repeats without a capture time are one capture");
        assertEquals(4, count("select count(*) from capture where source = ?", source));
        assertEquals(lines.get(3).getString("captureId"), batch(source, new String[][] {{c, null}}).get(0)
                .getString("captureId"), "and stay one when sent again");
        assertEquals(4, count("select count(*) from capture where source = ? and article_id is not null", source));
    }

    /** Posts {content, capturedAt or null} pairs in one batch to the source; answers its lines. */
    private static List<io.restassured.path.json.JsonPath> batch(String source, String[][] captures) {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        StringBuilder ndjson = new StringBuilder();
        for (String[] capture : captures) {
            var line = json.createObjectNode().put("source", source).put("url", "https://repeat.example/story")
                    .put("contentType", "text/plain").put("content", capture[0]);
            if (capture[1] != null) {
                line.put("capturedAt", capture[1]);
            }
            ndjson.append(line).append('\n');
        }
        return given().header("Authorization", ARCHIVIST).contentType("application/x-ndjson")
                .body(ndjson.toString().getBytes(StandardCharsets.UTF_8)).post("/api/captures/batch").then()
                .statusCode(200).extract().asString().lines().map(io.restassured.path.json.JsonPath::from).toList();
    }

    @Test
    void aBatchStoresTheSourcesWhoseLockIsFreeWhileAnotherTransactionHoldsOneSourcesLock() throws Exception {
        String locked = uniqueSource("locked");
        String free = uniqueSource("free");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        StringBuilder ndjson = new StringBuilder();
        for (String source : List.of(locked, free)) { // the locked source first, as the batch orders them
            ndjson.append(json.createObjectNode().put("source", source).put("url", "https://lock.example/story")
                    .put("capturedAt", "2025-05-11T10:00:00Z").put("contentType", "text/plain")
                    .put("content", "A headline\n\nA body of " + source + ".\n")).append('\n');
        }
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<String> answer;
        try (var holder = db.getConnection()) {
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "source:" + locked); // as SourceLock names it
                lock.executeQuery().close();
            }
            answer = pool.submit(() -> given().header("Authorization", ARCHIVIST).contentType("application/x-ndjson")
                    .body(ndjson.toString().getBytes(StandardCharsets.UTF_8)).post("/api/captures/batch").then()
                    .statusCode(200).extract().asString());
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (count("select count(*) from capture where source = ?", free) == 0) {
                if (System.nanoTime() > deadline || answer.isDone()) {
                    throw new AssertionError("the free source's capture was not stored while the other source's"
                            + " lock was held" + (answer.isDone() ? ": " + answer.get() : ""));
                }
                Thread.sleep(50);
            }
            assertEquals(0, count("select count(*) from capture where source = ?", locked));
            holder.rollback(); // releases the lock
        } finally {
            pool.shutdown();
        }
        List<Integer> statuses = answer.get(60, java.util.concurrent.TimeUnit.SECONDS).lines()
                .map(l -> io.restassured.path.json.JsonPath.from(l).getInt("status")).toList();
        assertEquals(List.of(201, 201), statuses, "answered in the batch's order");
        assertEquals(1, count("select count(*) from capture where source = ?", locked));
    }

    @Test
    void sixteenConcurrentIdenticalRequestsMakeOneCapture() throws Exception {
        String source = uniqueSource("concurrent");
        byte[] body = bytes(samples().get(1));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(() -> given().header("Authorization", ARCHIVIST).contentType("text/plain").body(body)
                    .queryParam("source", source).queryParam("capturedAt", "2025-05-11T10:00:00Z")
                    .post("/api/captures"));
        }
        Set<String> ids = new HashSet<>();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Response> f : pool.invokeAll(calls)) {
            statuses.add(f.get().statusCode());
            ids.add(f.get().path("captureId"));
        }
        pool.shutdown();
        assertEquals(1, ids.size());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count());
        assertEquals(15, statuses.stream().filter(s -> s == 200).count());
        assertEquals(1, count("select count(*) from capture where source = ?", source));
    }

    @Test
    void captureTimeComesFromTheHeaderInsideTheCaptureWhenNotGiven() {
        String source = uniqueSource("header");
        byte[] seed003 = bytes(samples().get(3));
        post(source, seed003, "text/plain", null).statusCode(201)
                .body("capturedAt", equalTo("2025-05-11T00:00:00Z"))
                .body("provenance.capturedAtOrigin", equalTo("HEADER"));
    }

    @Test
    void undatedRepeatIsTheSameCapture() throws Exception {
        String source = uniqueSource("undated");
        byte[] body = "Headline\n\nA body that carries no date header.\n".getBytes(StandardCharsets.UTF_8);
        String first = post(source, body, "text/plain", null).statusCode(201).extract().path("captureId");
        String again = post(source, body, "text/plain", null).statusCode(200).extract().path("captureId");
        assertEquals(first, again);
    }

    @Test
    void batchAnswersEveryLineInOrderAndABadLineSpoilsNoOther() throws Exception {
        String source = uniqueSource("batch");
        String good = new String(bytes(samples().get(0)), StandardCharsets.UTF_8);
        String ndjson = String.join("\n",
                json(source, "2025-05-11T10:00:00Z", "text/plain", good),
                "{not json",
                json("Bad Source!", "2025-05-11T10:00:00Z", "text/plain", "Headline\n\nBody."),
                "{\"source\":\"" + source + "\",\"capturedAt\":\"2025-05-12T10:00:00Z\",\"contentType\":\"text/plain\","
                        + "\"contentBase64\":\"" + Base64.getEncoder().encodeToString(bytes(samples().get(2))) + "\"}",
                json(source, "2025-05-11T10:00:00Z", "text/plain", good));
        String[] lines = given().header("Authorization", ARCHIVIST).contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8))
                .post("/api/captures/batch").then().statusCode(200).extract().asString().split("\n");
        assertEquals(5, lines.length);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var results = new ArrayList<com.fasterxml.jackson.databind.JsonNode>();
        for (String line : lines) {
            results.add(json.readTree(line));
        }
        assertEquals(201, results.get(0).get("status").asInt());
        assertEquals(400, results.get(1).get("status").asInt());
        assertEquals(2, results.get(1).get("line").asInt());
        assertEquals(400, results.get(2).get("status").asInt());
        assertEquals("line 3: source 'Bad Source!' is not a site key: use 1 to 64 lower-case letters, digits and"
                + " hyphens, not starting or ending with a hyphen, e.g. kyiv-independent",
                results.get(2).get("detail").asText());
        assertEquals(201, results.get(3).get("status").asInt());
        assertEquals(sha256Hex(bytes(samples().get(2))), results.get(3).get("rawSha256").asText());
        assertEquals(200, results.get(4).get("status").asInt());
        assertEquals(results.get(0).get("captureId").asText(), results.get(4).get("captureId").asText());
        assertEquals(2, count("select count(*) from capture where source = ?", source));
    }

    @Test
    void aCaptureHoldingNulCharactersIsStoredBesideTheOtherLinesOfItsBatch() throws Exception {
        String source = uniqueSource("nul");
        String ndjson = String.join("\n",
                json(source, "2025-05-11T10:00:00Z", "text/plain", "First headline\n\nA first body."),
                json(source, "2025-05-11T11:00:00Z", "text/plain", "Second headline\n\nA body with a \u0000 in it."),
                json(source, "2025-05-11T12:00:00Z", "text/plain", "Third headline\n\nA third body."));
        String[] lines = given().header("Authorization", ARCHIVIST).contentType("application/x-ndjson")
                .body(ndjson.getBytes(StandardCharsets.UTF_8)).post("/api/captures/batch").then().statusCode(200)
                .extract().asString().split("\n");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<Integer> statuses = new ArrayList<>();
        for (String line : lines) {
            statuses.add(json.readTree(line).get("status").asInt());
        }
        assertEquals(List.of(201, 201, 201), statuses);
        String id = json.readTree(lines[1]).get("captureId").asText();
        byte[] raw = given().get("/api/captures/" + id + "/raw").then().statusCode(200).extract().asByteArray();
        assertEquals("Second headline\n\nA body with a \u0000 in it.", new String(raw, StandardCharsets.UTF_8));
        assertEquals(3, count("select count(*) from capture where source = ?", source));
    }

    @Test
    void singleCapturesSentAtOnceAreEachAnsweredWithTheirOwnCaptureAndOneTheDatabaseRefusesFailsAlone()
            throws Exception {
        String[] sources = {uniqueSource("at-once-a"), uniqueSource("at-once-b")};
        String poison = "https://poison.example/" + sources[0];
        TestArchive.asOwner("create function refuse_single() returns trigger language plpgsql as $$ begin"
                + " if new.url = '" + poison + "' then raise exception 'refused by the test'; end if;"
                + " return new; end $$");
        TestArchive.asOwner("create trigger refuse_single before insert on capture for each row execute function refuse_single()");
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<String> urls = new ArrayList<>();
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String source = sources[i % 2];
                String url = i == 5 ? poison : "https://at-once.example/" + source + "/" + i;
                String capturedAt = i == 7 ? "yesterday" : "2025-05-11T10:" + String.format("%02d", i) + ":00Z";
                byte[] body = ("Headline " + i + "\n\nThe body of capture " + i + ".\n").getBytes(StandardCharsets.UTF_8);
                urls.add(url);
                calls.add(() -> given().header("Authorization", ARCHIVIST).contentType("text/plain").body(body)
                        .queryParam("source", source).queryParam("url", url).queryParam("capturedAt", capturedAt)
                        .post("/api/captures"));
            }
            List<Future<Response>> answers = pool.invokeAll(calls);
            for (int i = 0; i < 24; i++) {
                Response r = answers.get(i).get();
                if (i == 5) {
                    assertEquals(500, r.statusCode(), r.asString());
                } else if (i == 7) {
                    assertEquals(400, r.statusCode(), r.asString());
                } else {
                    assertEquals(201, r.statusCode(), r.asString());
                    assertEquals(urls.get(i), r.path("url"));
                    assertEquals(sources[i % 2], r.path("source"));
                    given().get("/api/captures/" + r.path("captureId") + "/raw").then().statusCode(200)
                            .body(equalTo("Headline " + i + "\n\nThe body of capture " + i + ".\n"));
                }
            }
        } finally {
            pool.shutdown();
            TestArchive.asOwner("drop trigger refuse_single on capture");
            TestArchive.asOwner("drop function refuse_single()");
        }
        assertEquals(12, count("select count(*) from capture where source = ?", sources[0]));
        assertEquals(10, count("select count(*) from capture where source = ?", sources[1])); // less the refused and the poisoned
    }

    @Test
    void aLineTheDatabaseRefusesFailsAloneAndTheOtherLinesOfItsSourceAreStored() throws Exception {
        String source = uniqueSource("fallback"); // a new source: the batch's own transaction creates it
        String poison = "https://poison.example/" + source;
        TestArchive.asOwner("create function refuse_poison() returns trigger language plpgsql as $$ begin"
                + " if new.url = '" + poison + "' then raise exception 'refused by the test'; end if;"
                + " return new; end $$");
        TestArchive.asOwner("create trigger refuse_poison before insert on capture for each row execute function refuse_poison()");
        try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            String ndjson = String.join("\n",
                    json(source, "2025-05-11T10:00:00Z", "text/plain", "First headline\n\nA first body."),
                    mapper.createObjectNode().put("source", source).put("url", poison)
                            .put("capturedAt", "2025-05-11T11:00:00Z").put("contentType", "text/plain")
                            .put("content", "Second headline\n\nA second body.").toString(),
                    json(source, "2025-05-11T12:00:00Z", "text/plain", "Third headline\n\nA third body."));
            String[] lines = given().header("Authorization", ARCHIVIST).contentType("application/x-ndjson")
                    .body(ndjson.getBytes(StandardCharsets.UTF_8)).post("/api/captures/batch").then().statusCode(200)
                    .extract().asString().split("\n");
            List<String> results = new ArrayList<>();
            for (String line : lines) {
                var node = mapper.readTree(line);
                results.add(node.get("status").asInt() + " " + node.get("line").asInt());
            }
            assertEquals(List.of("201 1", "500 2", "201 3"), results);
            assertEquals("line 2: this line was not stored; try it again", mapper.readTree(lines[1]).get("detail").asText());
        } finally {
            TestArchive.asOwner("drop trigger refuse_poison on capture");
            TestArchive.asOwner("drop function refuse_poison()");
        }
        assertEquals(2, count("select count(*) from capture where source = ?", source));
        post(source, "Fourth headline\n\nA fourth body.".getBytes(StandardCharsets.UTF_8), "text/plain",
                "2025-05-11T13:00:00Z").statusCode(201);
    }

    @Test
    void unknownCaptureIsAProblem() {
        given().get("/api/captures/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("no capture 00000000-0000-0000-0000-000000000000 in the archive"));
    }

    private static String json(String source, String capturedAt, String contentType, String content) {
        var node = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("source", source).put("capturedAt", capturedAt).put("contentType", contentType)
                .put("content", content);
        return node.toString();
    }

    long count(String sql, String param) throws Exception {
        try (var c = db.getConnection(); var s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(sha256(bytes));
    }
}
