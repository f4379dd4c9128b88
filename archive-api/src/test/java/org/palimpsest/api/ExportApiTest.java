package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palimpsest.api.TestArchive.bytes;
import static org.palimpsest.api.TestArchive.post;
import static org.palimpsest.api.TestArchive.samples;
import static org.palimpsest.api.TestArchive.uniqueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.palimpsest.core.normalize.Normalizer;

@QuarkusTest
class ExportApiTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static String source() {
        String source = uniqueSource("export");
        for (int i = 0; i < 5; i++) {
            post(source, bytes(samples().get(i)), "text/plain; charset=utf-8", "2025-05-11T10:0" + i + ":00Z").statusCode(201);
        }
        return source;
    }

    static byte[] export(Map<String, ?> params) {
        return given().queryParams(params).get("/api/exports").then().statusCode(200).extract().asByteArray();
    }

    /** The payload (every byte of the response) and its kept manifest, fetched by the export's id. */
    static String[] split(Map<String, ?> params) {
        var response = given().queryParams(params).get("/api/exports").then().statusCode(200).extract();
        String manifest = given().get("/api/exports/" + response.header("Export-Id") + "/manifest").then()
                .statusCode(200).extract().asString();
        return new String[] {new String(response.asByteArray(), StandardCharsets.UTF_8), "{\"manifest\": " + manifest + "}"};
    }

    @Test
    void jsonlCarriesEveryVersionWithDigestsThatMatchTheRawBytesAndAManifestOfThePayload() throws Exception {
        String source = source();
        String[] parts = split(Map.of("format", "jsonl", "source", source));
        JsonNode manifest = JSON.readTree(parts[1]).get("manifest");
        assertEquals(sha256(parts[0].getBytes(StandardCharsets.UTF_8)), manifest.get("payloadSha256").asText());
        assertEquals(5, manifest.get("records").asInt());
        assertEquals(5, manifest.get("captures").asInt());
        assertEquals(source, manifest.get("query").get("source").asText());

        Set<String> rawDigests = new HashSet<>();
        for (var sample : samples()) {
            rawDigests.add(sha256(bytes(sample)));
        }
        Set<String> exported = new HashSet<>();
        for (String line : parts[0].split("\n")) {
            JsonNode r = JSON.readTree(line);
            JsonNode capture = r.get("captures").get(0);
            exported.add(capture.get("rawSha256").asText());
            assertEquals(Normalizer.VERSION, capture.get("normaliserVersion").asText());
            var version = given().get("/api/articles/" + r.get("articleId").asText() + "/versions/"
                    + r.get("versionId").asText()).then().statusCode(200).extract().jsonPath();
            assertEquals(version.getString("contentSha256"), r.get("contentSha256").asText());
            assertEquals(version.getString("headline"), r.get("headline").asText());
            assertEquals(String.join("\n\n", version.getList("paragraphs")), r.get("text").asText());
            assertEquals(source, r.get("source").asText());
        }
        assertEquals(rawDigests, exported);
    }

    @Test
    void csvIsProperlyQuotedAndTheSameAsOfQueryGivesTheSamePayloadAfterTheArchiveGrows() throws Exception {
        String source = source();
        Map<String, String> asOf = Map.of("format", "csv", "source", source, "asOf", "2025-05-11T10:02:30Z");
        String[] before = split(asOf);
        MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(before[0]);
        List<Map<String, String>> all = rows.readAll();
        assertEquals(3, all.size(), "as of 10:02:30 the archive held three articles");
        assertEquals(Set.of("Zelensky, Biden discuss security, diplomacy, aid to Ukraine",
                        "Russia pushes for resuming peace talks in Istanbul based on 2022 terms, situation on the ground, Ushakov says",
                        "EXCLUSIVE: Voice message reveals Russian military unit's catastrophic losses in Ukraine"),
                Set.copyOf(all.stream().map(r -> r.get("headline")).toList()));
        assertEquals("", all.get(0).get("validTo"));
        String base = new String(bytes(samples().get(0)), StandardCharsets.UTF_8);
        post(source, base.replace("fourth overall", "fifth overall").getBytes(StandardCharsets.UTF_8), "text/plain",
                "2025-05-11T11:00:00Z").statusCode(201);
        String[] after = split(asOf);
        assertEquals(before[0], after[0], "a later capture does not change an as-of export");
        JsonNode manifest = JSON.readTree(after[1]).get("manifest");
        assertEquals(sha256(after[0].getBytes(StandardCharsets.UTF_8)), manifest.get("payloadSha256").asText());
        post(source, base.getBytes(StandardCharsets.UTF_8), "text/plain", "2025-05-11T12:00:00Z").statusCode(201);
        List<Map<String, String>> everything = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .<Map<String, String>>readValues(split(Map.of("format", "csv", "source", source))[0]).readAll();
        assertEquals(6, everything.size(), "without asOf: every version, the edit's included, the revisit not");
        String[] perCapture = split(Map.of("format", "jsonl", "source", source, "unit", "capture"));
        assertEquals(7, perCapture[0].split("\n").length, "unit=capture: the revisit has its own record");
        for (String line : perCapture[0].split("\n")) {
            assertEquals(1, JSON.readTree(line).get("captures").size());
        }
        assertEquals(7, JSON.readTree(perCapture[1]).get("manifest").get("records").asInt());
    }

    @Test
    void warcExportReadsBackWithJwarcRecordByRecordWithMatchingDigests() throws Exception {
        String source = source();
        byte[] warc = export(Map.of("format", "warc", "source", source));
        List<String> types = new java.util.ArrayList<>();
        Map<String, byte[]> resources = new java.util.HashMap<>();
        Map<String, String> conversionRefersTo = new java.util.HashMap<>();
        String manifest = null;
        try (var reader = new org.netpreserve.jwarc.WarcReader(new java.io.ByteArrayInputStream(warc))) {
            for (var record : reader) {
                types.add(record.type());
                assertEquals("WARC/1.1", record.version().toString());
                if (record instanceof org.netpreserve.jwarc.WarcResource r) {
                    byte[] body = r.body().stream().readAllBytes();
                    assertEquals(r.payloadDigest().orElseThrow().hex(), sha256(body));
                    resources.put(r.id().toString(), body);
                    assertEquals(true, r.target().startsWith("urn:palimpsest:capture:"));
                } else if (record instanceof org.netpreserve.jwarc.WarcConversion c) {
                    conversionRefersTo.put(c.refersTo().orElseThrow().toString(), new String(c.body().stream().readAllBytes(),
                            StandardCharsets.UTF_8));
                } else if (record instanceof org.netpreserve.jwarc.WarcMetadata m
                        && m.target().equals("urn:palimpsest:export-manifest")) {
                    manifest = new String(m.body().stream().readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertEquals("warcinfo", types.get(0));
        assertEquals(1 + 5 * 3 + 1, types.size());
        Set<String> raw = new HashSet<>();
        for (var sample : samples()) {
            raw.add(sha256(bytes(sample)));
        }
        Set<String> exported = new HashSet<>();
        for (byte[] body : resources.values()) {
            exported.add(sha256(body));
        }
        assertEquals(raw, exported);
        assertEquals(resources.keySet(), conversionRefersTo.keySet(), "every conversion refers to a resource record");
        JsonNode m = JSON.readTree(manifest);
        assertEquals(5, m.get("captures").asInt());
        int cut = new String(warc, StandardCharsets.ISO_8859_1).lastIndexOf("WARC/1.1\r\n"); // the manifest is last
        assertEquals(sha256(java.util.Arrays.copyOf(warc, cut)), m.get("payloadSha256").asText());
    }

    @Test
    void warcExportReadsBackCleanlyWithTheIndependentWarcioReader() throws Exception {
        java.nio.file.Path tool = java.nio.file.Path.of(System.getProperty("palimpsest.root", "..")).resolve("tools/warcio");
        TestArchive.requireTool(java.nio.file.Files.isDirectory(tool.resolve("node_modules/warcio")),
                "warcio is not installed (bin/test installs it with npm)");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".warc");
        java.nio.file.Files.write(file, export(Map.of("format", "warc", "source", source())));
        Process node = new ProcessBuilder("node", "read.mjs", file.toString()).directory(tool.toFile())
                .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, node.waitFor(), output);
        JsonNode records = JSON.readTree(output);
        assertEquals(17, records.size());
        assertEquals("warcinfo", records.get(0).get("type").asText());
        Set<String> resourceIds = new HashSet<>();
        Set<String> referred = new HashSet<>();
        for (int i = 1; i < 16; i++) {
            JsonNode r = records.get(i);
            assertEquals("WARC/1.1", r.get("version").asText());
            assertEquals(List.of("resource", "conversion", "metadata").get((i - 1) % 3), r.get("type").asText());
            if (r.get("type").asText().equals("resource")) {
                String digest = new org.netpreserve.jwarc.WarcDigest(r.get("payloadDigest").asText()).hex();
                assertEquals(digest, r.get("sha256").asText(), "payload digest of record " + i);
                resourceIds.add(r.get("id").asText());
            } else {
                referred.add(r.get("refersTo").asText());
            }
        }
        assertEquals(resourceIds, referred, "conversions and metadata refer to the resource records");
        assertEquals("metadata", records.get(16).get("type").asText());
        java.nio.file.Files.deleteIfExists(file);
    }

    @Test
    void aBagHasManifestsThatMatchItsFilesAndThePayloadOxum() throws Exception {
        String source = source();
        byte[] zip = export(Map.of("format", "bag", "source", source));
        Map<String, byte[]> files = new TreeMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName().substring("palimpsest-bag/".length()), in.readAllBytes());
            }
        }
        assertEquals(Set.of("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt",
                "palimpsest-manifest.json", "data/versions.jsonl", "data/captures.warc"), files.keySet());
        JsonNode manifest = JSON.readTree(files.get("palimpsest-manifest.json"));
        assertEquals("bag", manifest.get("format").asText());
        assertEquals(sha256(files.get("data/versions.jsonl")), manifest.get("payloadSha256").asText());
        assertEquals(5, new String(files.get("data/versions.jsonl"), StandardCharsets.UTF_8).split("\n").length,
                "records only");
        assertEquals("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
                new String(files.get("bagit.txt"), StandardCharsets.UTF_8));
        long octets = 0;
        for (String line : new String(files.get("manifest-sha256.txt"), StandardCharsets.UTF_8).split("\n")) {
            String[] parts = line.split("  ", 2);
            assertEquals(sha256(files.get(parts[1])), parts[0], parts[1]);
            octets += files.get(parts[1]).length;
        }
        for (String line : new String(files.get("tagmanifest-sha256.txt"), StandardCharsets.UTF_8).split("\n")) {
            String[] parts = line.split("  ", 2);
            assertEquals(sha256(files.get(parts[1])), parts[0], parts[1]);
        }
        String info = new String(files.get("bag-info.txt"), StandardCharsets.UTF_8);
        assertTrue(info.contains("Payload-Oxum: " + octets + ".2\n"), info);
        assertTrue(info.contains("Palimpsest-Records: 5\n"), info);
        assertTrue(info.matches("(?s).*Bagging-Date: \\d{4}-\\d{2}-\\d{2}\n.*"), info);
    }

    @Test
    void aFullTextQuerySelectsTheVersionsTheSearchIndexMatches() throws Exception {
        String source = source();
        Eventually.await(java.time.Duration.ofSeconds(30),
                () -> given().queryParam("source", source).get("/api/search").then().extract().jsonPath().getInt("total"),
                total -> total == 5, "the samples to be indexed");
        String[] one = split(Map.of("format", "jsonl", "source", source, "q", "Stoltenberg AND Lecornu"));
        assertEquals(1, one[0].split("\n").length);
        assertEquals("Zelensky meets Stoltenberg, French defense minister in Kyiv",
                JSON.readTree(one[0]).get("headline").asText());
        assertEquals("Stoltenberg AND Lecornu", JSON.readTree(one[1]).get("manifest").get("query").get("q").asText());
        String[] two = split(Map.of("format", "jsonl", "source", source, "q", "Stoltenberg OR Aleysk"));
        List<String> ids = java.util.Arrays.stream(two[0].split("\n")).map(l -> {
            try {
                return JSON.readTree(l).get("versionId").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertEquals(2, ids.size());
        assertEquals(ids.stream().sorted().toList(), ids, "records come in version-id order");
    }

    @Test
    void anExportLongerThanAPageHoldsEveryVersionInIdOrderWithItsCapturesInTimeOrder() throws Exception {
        String source = uniqueSource("export-pages");
        java.time.Instant t0 = java.time.Instant.parse("2025-06-01T00:00:00Z");
        int articles = 520; // more than one page of the export's reads
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < articles; i++) {
            ndjson.append(line(source, i, t0.plusSeconds(i)));
        }
        // Two revisits of article 0, the later one sent first.
        ndjson.append(line(source, 0, t0.plusSeconds(1000))).append(line(source, 0, t0.plusSeconds(500)));
        given().header("Authorization", TestArchive.ARCHIVIST).contentType("application/x-ndjson")
                .body(ndjson.toString().getBytes(StandardCharsets.UTF_8)).post("/api/captures/batch").then()
                .statusCode(200);

        String[] all = split(Map.of("format", "jsonl", "source", source));
        List<JsonNode> records = new java.util.ArrayList<>();
        for (String l : all[0].split("\n")) {
            records.add(JSON.readTree(l));
        }
        assertEquals(articles, records.size());
        assertEquals(articles + 2, JSON.readTree(all[1]).get("manifest").get("captures").asInt());
        List<String> ids = records.stream().map(r -> r.get("versionId").asText()).toList();
        assertEquals(ids.stream().sorted().toList(), ids, "records in version-id order");
        assertEquals(articles, Set.copyOf(records.stream().map(r -> r.get("url").asText()).toList()).size());
        JsonNode first = records.stream().filter(r -> r.get("url").asText().endsWith("/story/0")).findFirst()
                .orElseThrow();
        assertEquals(List.of("2025-06-01T00:00:00Z", "2025-06-01T00:08:20Z", "2025-06-01T00:16:40Z"),
                capturedAt(first));

        String[] late = split(Map.of("format", "jsonl", "source", source, "from", "2025-06-01T00:10:00Z"));
        assertEquals(1, late[0].split("\n").length, "only article 0 was captured after 00:10");
        assertEquals(List.of("2025-06-01T00:16:40Z"), capturedAt(JSON.readTree(late[0])));
    }

    private static String line(String source, int story, java.time.Instant at) {
        String text = "Story " + story + " of the paging test, told once\n\n"
                + "Paragraph one of story " + story + " says what happened on day " + story + ".\n\n"
                + "Paragraph two of story " + story + " quotes witness " + (story * 7) + " at length.\n";
        return JSON.createObjectNode().put("source", source).put("url", "https://pages.example/story/" + story)
                .put("capturedAt", at.toString()).put("contentType", "text/plain").put("content", text) + "\n";
    }

    private static List<String> capturedAt(JsonNode record) {
        List<String> out = new java.util.ArrayList<>();
        record.get("captures").forEach(c -> out.add(c.get("capturedAt").asText()));
        return out;
    }

    @Test
    void unknownOrUnavailableExportsAreProblems() {
        given().queryParam("format", "xml").get("/api/exports").then().statusCode(400)
                .body("detail", equalTo("format 'xml' is not known: use jsonl, csv, warc, bag, wacz, datapackage or parquet"));

    }
}
