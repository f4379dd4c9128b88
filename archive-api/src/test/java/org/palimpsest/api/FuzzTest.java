package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.uniqueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

/**
 * Random parameters, bytes, media types and batch lines (drawn with jqwik's generators) at every route: the archive
 * answers each with a result or a 4xx problem, never a server error, and keeps nothing of what it refused. Each
 * failure names the request that caused it. The seed is fixed ({@code palimpsest.fuzz.seed} changes it).
 */
@QuarkusTest
class FuzzTest {
    private static final int PER_ROUTE = 25;
    /** Fixed, so that a run is repeatable; -Dpalimpsest.fuzz.seed=N explores other inputs. */
    private static final long SEED = Long.getLong("palimpsest.fuzz.seed", 20261204L);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource db;

    /** Values a parameter may be given: any text, numbers that overflow, dates that are none, ids, the empty string. */
    static Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(30),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("", " ", "-1", "0", "2147483648", "9223372036854775808", "1e9", "NaN", "2025-02-30",
                        "2025-05-11T10:00:00Z", "2025-05-11T25:61:00Z", "20259999999999", "99999999999999999",
                        "00000000000000", "../../etc/passwd", "%00", "' or 1=1 --", "*", "https://example.org/a",
                        "word", "paragraph", "jsonl", "csv", "warc", "newest", "headline", "correction"),
                Arbitraries.create(UUID::randomUUID).map(UUID::toString));
    }

    /**
     * Values drawn from {@code arbitrary}. jqwik's samples come from its thread's source of randomness, seeded here
     * once a test (outside a property jqwik would seed it at random), so that a run can be repeated.
     */
    static <T> Iterator<T> draw(Arbitrary<T> arbitrary) {
        return arbitrary.sampleStream().iterator();
    }

    static Random seeded(long seed) {
        net.jqwik.engine.SourceOfRandomness.create(String.valueOf(seed));
        return new Random(seed);
    }

    /** Every GET route of the OpenAPI document with the names of its path and query parameters. */
    static Map<String, List<Map<String, Object>>> getRoutes() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").jsonPath().getMap("paths");
        Map<String, List<Map<String, Object>>> routes = new HashMap<>();
        paths.forEach((path, methods) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> get = (Map<String, Object>) methods.get("get");
            if (get != null) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> parameters = (List<Map<String, Object>>) get.getOrDefault("parameters",
                        List.of());
                routes.put(path, parameters);
            }
        });
        return routes;
    }

    @Test
    void everyGetRouteAnswersRandomParametersWithAResultOrAProblemNeverAServerError() {
        Map<String, List<Map<String, Object>>> routes = getRoutes();
        assertTrue(routes.size() > 25, "routes found: " + routes.keySet());
        Random chance = seeded(SEED);
        Iterator<String> values = draw(values());
        List<String> failures = new ArrayList<>();
        new java.util.TreeMap<>(routes).forEach((route, parameters) -> {
            for (int i = 0; i < PER_ROUTE; i++) {
                var request = given().redirects().follow(false);
                Map<String, String> sent = new HashMap<>();
                for (Map<String, Object> p : parameters) {
                    String name = (String) p.get("name");
                    if ("path".equals(p.get("in"))) {
                        String value = values.next();
                        value = value.isEmpty() ? "x" : value;
                        request.pathParam(name, value);
                        sent.put(name, value);
                    } else if ("query".equals(p.get("in")) && chance.nextBoolean()) {
                        String value = values.next();
                        request.queryParam(name, value);
                        sent.put(name, value);
                    }
                }
                Response answer = request.get(route);
                int status = answer.statusCode();
                String type = answer.contentType();
                if (status >= 500 || status >= 400 && route.startsWith("/api/")
                        && !type.startsWith("application/problem+json")) {
                    failures.add("GET " + route + " " + sent + " -> " + status + " " + type);
                }
            }
        });
        assertEquals(List.of(), failures);
    }

    /** Bytes a capture may be: random, text with stray bytes, markup, nothing. */
    static Arbitrary<byte[]> bodies() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(3000),
                Arbitraries.strings().ofMaxLength(3000).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.strings().ofMaxLength(500).map(s -> ("<html><body><h1>" + s + "</h1><p>" + s
                        + " and more words of a story here.</p></body></html>").getBytes(StandardCharsets.UTF_8)),
                Arbitraries.strings().ofMaxLength(500).map(s -> s.getBytes(StandardCharsets.UTF_16)));
    }

    static Arbitrary<String> mediaTypes() {
        return Arbitraries.oneOf(Arbitraries.of("text/html", "text/plain", "text/html; charset=utf-8",
                "text/plain; charset=windows-1252", "text/html; charset=utf-16", "text/html; charset=no-such-charset",
                "application/octet-stream", "image/png", "text/", "/", ";;;", "text/html; charset="),
                Arbitraries.strings().ofMaxLength(30));
    }

    @Test
    void randomCapturesAndBatchLinesAreStoredOrRefusedAndNothingRefusedIsKept() throws Exception {
        String source = uniqueSource("fuzz");
        long orphansBefore = orphanBlobs();
        Random chance = seeded(SEED + 1);
        Iterator<byte[]> bodies = draw(bodies());
        Iterator<String> types = draw(mediaTypes());
        Iterator<String> values = draw(values());
        List<String> failures = new ArrayList<>();
        int stored = 0;
        for (int i = 0; i < 150; i++) {
            byte[] body = bodies.next();
            String type = types.next();
            var request = given().header("Authorization", ARCHIVIST).queryParam("source", source).body(body);
            if (!type.isBlank()) {
                request.contentType(type);
            }
            Map<String, String> sent = new HashMap<>(Map.of("type", type, "bytes", String.valueOf(body.length)));
            for (String param : List.of("url", "capturedAt")) {
                if (chance.nextBoolean()) {
                    String value = values.next();
                    request.queryParam(param, value);
                    sent.put(param, value);
                }
            }
            int status;
            try {
                status = request.post("/api/captures").statusCode();
            } catch (IllegalArgumentException unsendable) {
                continue; // a media type the client itself will not send
            }
            if (status >= 500) {
                failures.add("POST /api/captures " + sent + " -> " + status);
            } else if (status == 201) {
                stored++;
            }
        }

        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        for (int i = 0; i < 150; i++) {
            switch (chance.nextInt(3)) {
                case 0 -> batch.writeBytes(bodies.next()); // not JSON at all, maybe not UTF-8
                case 1 -> {
                    ObjectNode line = JSON.createObjectNode().put("source", chance.nextInt(4) == 0 ? values.next()
                            : source).put("contentType", types.next());
                    if (chance.nextBoolean()) {
                        line.put("content", new String(bodies.next(), StandardCharsets.UTF_8));
                    } else {
                        line.put("contentBase64", chance.nextBoolean() ? values.next()
                                : java.util.Base64.getEncoder().encodeToString(bodies.next()));
                    }
                    for (String field : List.of("url", "capturedAt")) {
                        if (chance.nextBoolean()) {
                            line.put(field, values.next());
                        }
                    }
                    batch.writeBytes(JSON.writeValueAsBytes(line));
                }
                default -> batch.writeBytes(("{\"source\": " + values.next().length() + ", \"content\": ["
                        + values.next().length() + "]}").getBytes(StandardCharsets.UTF_8));
            }
            batch.write('\n');
        }
        List<String> answers = given().header("Authorization", ARCHIVIST).contentType("application/x-ndjson")
                .body(batch.toByteArray()).post("/api/captures/batch").then().statusCode(200).extract().asString()
                .lines().toList();
        for (String answer : answers) {
            var line = io.restassured.path.json.JsonPath.from(answer);
            int status = line.getInt("status");
            if (status >= 500) {
                failures.add("batch line " + line.getInt("line") + " -> " + answer);
            } else if (status == 201 && source.equals(line.getString("source"))) {
                stored++;
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(stored, captures(source), "captures kept in " + source + ": exactly those answered 201");
        assertEquals(orphansBefore, orphanBlobs(), "blobs that no capture holds");
    }

    private long captures(String source) throws SQLException {
        return count("select count(*) from capture where source = '" + source + "'");
    }

    private long orphanBlobs() throws SQLException {
        return count("select count(*) from blob b where not exists (select 1 from capture c where c.raw_sha256 ="
                + " b.sha256)");
    }

    private long count(String sql) throws SQLException {
        try (var c = db.getConnection(); var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
