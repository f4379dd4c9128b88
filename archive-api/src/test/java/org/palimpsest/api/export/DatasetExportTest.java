package org.palimpsest.api.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.palimpsest.api.TestArchive.bytes;
import static org.palimpsest.api.TestArchive.post;
import static org.palimpsest.api.TestArchive.samples;
import static org.palimpsest.api.TestArchive.uniqueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.TestArchive;
import org.palimpsest.core.export.ExportFormat;
import org.palimpsest.core.export.ExportManifests;

@QuarkusTest
class DatasetExportTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> COLUMNS = List.of("articleId", "versionId", "versionNumber", "contentSha256", "headline",
            "text", "source", "url", "canonicalUrl", "validFrom", "validTo", "captureIds", "capturedAts", "rawSha256s",
            "normaliserVersions", "templateVersions");

    static String source() {
        String source = uniqueSource("dataset");
        for (int i = 0; i < 5; i++) {
            post(source, bytes(samples().get(i)), "text/plain; charset=utf-8", "2025-05-11T10:0" + i + ":00Z")
                    .statusCode(201);
        }
        return source;
    }

    static ExtractableResponse<Response> export(Map<String, ?> params) {
        return given().queryParams(params).get("/api/exports").then().statusCode(200).extract();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Every row of {@code csv} as Python's standard csv module reads it (Debian's python3). */
    static List<List<String>> pythonCsvRows(byte[] csv) throws Exception {
        TestArchive.requireTool(new ProcessBuilder("python3", "--version").start().waitFor() == 0,
                "python3 is not installed");
        Path file = Files.createTempFile("dataset", ".csv");
        try {
            Files.write(file, csv);
            Process python = new ProcessBuilder("python3", "-c", "import csv, json, sys\n"
                    + "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
                    + "    print(json.dumps(list(csv.reader(f))))\n", file.toString()).redirectErrorStream(true).start();
            String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, python.waitFor(), output);
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode row : JSON.readTree(output)) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell.asText()));
                rows.add(cells);
            }
            return rows;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aCsvExportReadByPythonsCsvModuleIsExactlyTheRecordsAndItsManifestIsReachableByItsId() throws Exception {
        String source = source();
        ExtractableResponse<Response> response = export(Map.of("format", "csv", "source", source));
        byte[] body = response.asByteArray();
        List<List<String>> rows = pythonCsvRows(body);
        assertEquals(COLUMNS, rows.get(0));
        assertEquals(6, rows.size(), "the header and one row a version, nothing else");
        java.util.Set<String> raw = new java.util.HashSet<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals(COLUMNS.size(), row.size());
            var version = given().get("/api/articles/" + row.get(0) + "/versions/" + row.get(1)).then()
                    .statusCode(200).extract().jsonPath();
            assertEquals(version.getString("contentSha256"), row.get(3));
            assertEquals(version.getString("headline"), row.get(4));
            assertEquals(String.join("\n\n", version.getList("paragraphs")), row.get(5));
            assertEquals(source, row.get(6));
            raw.add(row.get(13));
        }

        java.util.Set<String> sampleDigests = new java.util.HashSet<>();
        for (Path sample : samples()) {
            sampleDigests.add(sha256(bytes(sample)));
        }
        assertEquals(sampleDigests, raw, "each row's capture is one of the samples, as sent");

        String id = response.header("Export-Id");
        assertNotNull(id, "the export announces its id");
        assertEquals("</api/exports/" + id + "/manifest>; rel=\"describedby\"", response.header("Link"));
        JsonNode manifest = JSON.readTree(given().get("/api/exports/" + id + "/manifest").then().statusCode(200)
                .contentType("application/json").extract().asByteArray());
        assertEquals(id, manifest.get("exportId").asText());
        assertEquals("csv", manifest.get("format").asText());
        assertEquals(sha256(body), manifest.get("payloadSha256").asText(), "the digest of the bytes received");
        assertEquals(5, manifest.get("records").asInt());
        assertEquals(5, manifest.get("captures").asInt());
        assertEquals(source, manifest.get("query").get("source").asText());
    }

    @Test
    void jsonlCarriesOnlyRecordsUnlessTheManifestIsAskedForInline() throws Exception {
        String source = source();
        ExtractableResponse<Response> plain = export(Map.of("format", "jsonl", "source", source));
        String[] lines = new String(plain.asByteArray(), StandardCharsets.UTF_8).split("\n");
        assertEquals(5, lines.length);
        for (String line : lines) {
            assertEquals(false, JSON.readTree(line).has("manifest"));
        }
        ExtractableResponse<Response> inline = export(Map.of("format", "jsonl", "source", source,
                "manifest", "inline"));
        String text = new String(inline.asByteArray(), StandardCharsets.UTF_8);
        String[] withManifest = text.split("\n");
        assertEquals(6, withManifest.length);
        JsonNode last = JSON.readTree(withManifest[5]).get("manifest");
        assertEquals(inline.header("Export-Id"), last.get("exportId").asText());
        String records = text.substring(0, text.lastIndexOf('\n', text.length() - 2) + 1);
        assertEquals(sha256(records.getBytes(StandardCharsets.UTF_8)), last.get("payloadSha256").asText());
        assertEquals(new String(plain.asByteArray(), StandardCharsets.UTF_8), records, "the same records either way");
        JsonNode kept = JSON.readTree(given().get("/api/exports/" + inline.header("Export-Id") + "/manifest").then()
                .statusCode(200).extract().asByteArray());
        assertEquals(last, kept, "the inline manifest is the kept one");
    }

    /** The entries of a zip, by name. */
    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new java.util.TreeMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    @Test
    void aDataPackageValidatesAgainstTheSpecAndItsCsvReadsAsExactlyTheRecords() throws Exception {
        String source = source();
        Map<String, String> asOf = Map.of("source", source, "asOf", "2025-05-11T10:03:30Z");
        byte[] csv = export(with(asOf, "format", "csv")).asByteArray();
        ExtractableResponse<Response> response = export(with(asOf, "format", "datapackage"));
        byte[] zip = response.asByteArray();
        Map<String, byte[]> files = unzip(zip);
        assertEquals(java.util.Set.of("data/versions.csv", "datapackage.json", "palimpsest-manifest.json",
                "README.txt"), files.keySet());
        assertEquals(pythonCsvRows(csv), pythonCsvRows(files.get("data/versions.csv")), "the same rows as format=csv");
        assertEquals(5, pythonCsvRows(files.get("data/versions.csv")).size(), "a header and four versions as of 10:03:30");

        Path tool = Path.of(System.getProperty("palimpsest.root", "..")).resolve("tools/tableschema/check.py");
        Path file = Files.createTempFile("dataset", ".zip");
        try {
            Files.write(file, zip);
            Process check = new ProcessBuilder("python3", tool.toString(), file.toString()).redirectErrorStream(true)
                    .start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, check.waitFor(), output);
            assertEquals(JSON.readTree("{\"valid\": true, \"errors\": [], \"rows\": {\"versions\": 4}}"),
                    JSON.readTree(output));
        } finally {
            Files.deleteIfExists(file);
        }

        JsonNode descriptor = JSON.readTree(files.get("datapackage.json"));
        JsonNode resource = descriptor.get("resources").get(0);
        assertEquals("data/versions.csv", resource.get("path").asText());
        assertEquals(files.get("data/versions.csv").length, resource.get("bytes").asLong());
        assertEquals("sha256:" + sha256(files.get("data/versions.csv")), resource.get("hash").asText());
        assertEquals(COLUMNS, JSON.convertValue(resource.get("schema").get("fields").findValues("name").stream()
                .map(JsonNode::asText).toList(), List.class));
        assertEquals("versionId", resource.get("schema").get("primaryKey").get(0).asText());
        for (JsonNode field : resource.get("schema").get("fields")) {
            assertEquals(true, field.get("description").asText().length() > 10, field.toString());
        }
        JsonNode manifest = JSON.readTree(files.get("palimpsest-manifest.json"));
        assertEquals(response.header("Export-Id"), manifest.get("exportId").asText());
        assertEquals(sha256(files.get("data/versions.csv")), manifest.get("payloadSha256").asText());
        String readme = new String(files.get("README.txt"), StandardCharsets.UTF_8);
        assertEquals(true, readme.contains("\"source\":\"" + source + "\""), readme);
        assertEquals(true, readme.contains("How to cite it: Palimpsest news archive, export "
                + response.header("Export-Id")), readme);

        Map<String, byte[]> perCapture = unzip(export(Map.of("format", "datapackage", "source", source, "unit",
                "capture")).asByteArray());
        assertEquals(true, perCapture.containsKey("data/captures.csv"));
    }

    @Test
    void aParquetExportReadsBackInDuckDbWithTypedColumnsAndExactValues() throws Exception {
        String source = source();
        post(source, new String(bytes(samples().get(0)), StandardCharsets.UTF_8).replace("fourth overall",
                "fifth overall").getBytes(StandardCharsets.UTF_8), "text/plain", "2025-05-11T11:00:00Z").statusCode(201);
        post(source, bytes(samples().get(0)), "text/plain", "2025-05-11T12:00:00Z").statusCode(201);
        ExtractableResponse<Response> response = export(Map.of("format", "parquet", "source", source));
        byte[] parquet = response.asByteArray();
        assertEquals("application/vnd.apache.parquet", response.contentType());
        JsonNode manifest = JSON.readTree(given().get("/api/exports/" + response.header("Export-Id") + "/manifest")
                .then().statusCode(200).extract().asByteArray());
        assertEquals(sha256(parquet), manifest.get("payloadSha256").asText());
        assertEquals(6, manifest.get("records").asInt());

        List<JsonNode> expected = new ArrayList<>();
        for (String line : new String(export(Map.of("format", "jsonl", "source", source)).asByteArray(),
                StandardCharsets.UTF_8).split("\n")) {
            expected.add(JSON.readTree(line));
        }
        Path file = Files.createTempFile("dataset", ".parquet");
        try (java.sql.Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                java.sql.Statement sql = duck.createStatement()) {
            Files.write(file, parquet);
            String from = " from read_parquet('" + file + "') order by versionId";
            try (java.sql.ResultSet types = sql.executeQuery("select typeof(versionNumber), typeof(validFrom),"
                    + " typeof(validTo), typeof(captures)" + from + " limit 1")) {
                types.next();
                assertEquals("INTEGER", types.getString(1));
                assertEquals("TIMESTAMP WITH TIME ZONE", types.getString(2));
                assertEquals("TIMESTAMP WITH TIME ZONE", types.getString(3));
                assertEquals("STRUCT(captureId VARCHAR, capturedAt TIMESTAMP WITH TIME ZONE, rawSha256 VARCHAR,"
                        + " normaliserVersion VARCHAR, templateVersion INTEGER)[]", types.getString(4));
            }
            List<String> rows = new ArrayList<>();
            try (java.sql.ResultSet rs = sql.executeQuery("select articleId, versionId, versionNumber, contentSha256,"
                    + " headline, text, source, url, epoch_us(validFrom), epoch_us(validTo), len(captures),"
                    + " list_transform(captures, c -> c.captureId), list_transform(captures, c -> epoch_us(c.capturedAt)),"
                    + " list_transform(captures, c -> c.rawSha256), list_transform(captures, c -> c.templateVersion)"
                    + from)) {
                while (rs.next()) {
                    rows.add(String.join("|", rs.getString(1), rs.getString(2), String.valueOf(rs.getInt(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            String.valueOf(rs.getString(8)), rs.getString(9), String.valueOf(rs.getString(10)),
                            rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15)));
                }
            }
            List<String> wanted = new ArrayList<>();
            for (JsonNode r : expected) {
                List<String> ids = new ArrayList<>();
                List<String> times = new ArrayList<>();
                List<String> digests = new ArrayList<>();
                List<String> templates = new ArrayList<>();
                r.get("captures").forEach(c -> {
                    ids.add(c.get("captureId").asText());
                    times.add(String.valueOf(micros(c.get("capturedAt").asText())));
                    digests.add(c.get("rawSha256").asText());
                    templates.add(c.get("templateVersion").asText());
                });
                wanted.add(String.join("|", r.get("articleId").asText(), r.get("versionId").asText(),
                        r.get("versionNumber").asText(), r.get("contentSha256").asText(), r.get("headline").asText(),
                        r.get("text").asText(), r.get("source").asText(),
                        r.hasNonNull("url") ? r.get("url").asText() : "null",
                        String.valueOf(micros(r.get("validFrom").asText())),
                        r.hasNonNull("validTo") ? String.valueOf(micros(r.get("validTo").asText())) : "null",
                        String.valueOf(ids.size()), ids.toString(), times.toString(), digests.toString(),
                        templates.toString()));
            }
            assertEquals(wanted, rows);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static long micros(String instant) {
        return java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, java.time.Instant.parse(instant));
    }

    static Map<String, String> with(Map<String, String> params, String key, String value) {
        Map<String, String> out = new java.util.HashMap<>(params);
        out.put(key, value);
        return out;
    }

    @Inject
    ExportManifests manifests;

    @Test
    void aManifestIsAProblemUntilItsExportHasEnded() {
        UUID streaming = UUID.randomUUID();
        manifests.started(streaming, ExportFormat.CSV);
        given().get("/api/exports/" + streaming + "/manifest").then().statusCode(404)
                .contentType("application/problem+json").header("Retry-After", "2")
                .body("detail", equalTo("export " + streaming + " is still streaming: its manifest is kept when its"
                        + " last record has been sent"));
        UUID failed = UUID.randomUUID();
        manifests.started(failed, ExportFormat.CSV);
        manifests.failed(failed, "the stream was cut off before its end");
        given().get("/api/exports/" + failed + "/manifest").then().statusCode(404)
                .header("Retry-After", org.hamcrest.Matchers.nullValue())
                .body("detail", equalTo("export " + failed + " did not finish, so it has no manifest (the stream was"
                        + " cut off before its end): export again"));
        given().get("/api/exports/0b0e2f6e-63e6-4a8e-9d51-6d1c1e7b1f00/manifest").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/exports/not-an-id/manifest").then().statusCode(400)
                .body("detail", equalTo("export id 'not-an-id' is not a UUID: use the Export-Id header of the export"));
        given().queryParam("format", "csv").queryParam("manifest", "inline").get("/api/exports").then()
                .statusCode(400).body("detail", equalTo("manifest=inline is for format=jsonl: a csv export keeps"
                        + " its manifest at /api/exports/{id}/manifest"));
    }
}
