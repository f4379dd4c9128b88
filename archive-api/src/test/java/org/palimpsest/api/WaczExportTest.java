package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.palimpsest.api.imports.Imports;
import org.palimpsest.api.imports.WarcRecords;

/** WACZ export, read back through its own index and by an independent WARC reader. */
@QuarkusTest
class WaczExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aWaczReadsBackRecordByRecordThroughItsIndexWithEveryHashRight() throws Exception {
        String source = TestArchive.uniqueSource("wacz");
        String a = "https://wacz.example/news/harbour";
        String b = "https://wacz.example/news/bridge";
        Imports.importFile(source, "wacz.warc", WarcRecords.warc(
                WarcRecords.htmlResponse(a, Instant.parse("2025-05-11T10:00:00Z"),
                        WarcRecords.page("Harbour reopens", "The harbour reopened on Sunday after repairs.")),
                WarcRecords.htmlResponse(a, Instant.parse("2025-05-12T10:00:00Z"),
                        WarcRecords.page("Harbour reopens", "The harbour reopened on Sunday after long repairs.")),
                WarcRecords.htmlResponse(b, Instant.parse("2025-05-11T11:00:00Z"),
                        WarcRecords.page("Bridge closes", "The old bridge closes for a year of repairs."))));
        Path file = Files.createTempFile("export", ".wacz");
        Files.write(file, given().queryParam("format", "wacz").queryParam("source", source).get("/api/exports")
                .then().statusCode(200).contentType("application/wacz").extract().asByteArray());

        try (ZipFile wacz = new ZipFile(file.toFile())) {
            Map<String, byte[]> entries = new HashMap<>();
            for (ZipEntry e : java.util.Collections.list(wacz.entries())) {
                entries.put(e.getName(), wacz.getInputStream(e).readAllBytes());
            }
            assertEquals(List.of("archive/data.warc.gz", "datapackage-digest.json", "datapackage.json",
                    "indexes/index.cdxj", "pages/pages.jsonl"), entries.keySet().stream().sorted().toList());
            assertEquals(ZipEntry.STORED, wacz.getEntry("archive/data.warc.gz").getMethod(), "seekable");

            JsonNode datapackage = JSON.readTree(entries.get("datapackage.json"));
            assertEquals("1.1.1", datapackage.get("wacz_version").asText());
            assertEquals("data-package", datapackage.get("profile").asText());
            List<String> paths = new ArrayList<>();
            for (JsonNode resource : datapackage.get("resources")) {
                byte[] bytes = entries.get(resource.get("path").asText());
                paths.add(resource.get("path").asText());
                assertEquals("sha256:" + WarcRecords.sha256(bytes), resource.get("hash").asText());
                assertEquals(bytes.length, resource.get("bytes").asLong());
            }
            assertEquals(List.of("archive/data.warc.gz", "indexes/index.cdxj", "pages/pages.jsonl"), paths);
            JsonNode digest = JSON.readTree(entries.get("datapackage-digest.json"));
            assertEquals("datapackage.json", digest.get("path").asText());
            assertEquals("sha256:" + WarcRecords.sha256(entries.get("datapackage.json")), digest.get("hash").asText());

            byte[] warc = entries.get("archive/data.warc.gz");
            List<String> index = Arrays.asList(new String(entries.get("indexes/index.cdxj"), StandardCharsets.UTF_8)
                    .split("\n"));
            assertEquals(index.stream().sorted().toList(), index, "sorted");
            List<String> read = new ArrayList<>();
            for (String line : index) {
                String[] parts = line.split(" ", 3);
                JsonNode fields = JSON.readTree(parts[2]);
                int offset = fields.get("offset").asInt();
                int length = fields.get("length").asInt();
                assertEquals("data.warc.gz", fields.get("filename").asText());
                try (WarcReader reader = new WarcReader(new ByteArrayInputStream(warc, offset, length))) {
                    WarcRecord record = reader.next().orElseThrow();
                    assertTrue(record instanceof WarcResource, line);
                    assertEquals(fields.get("url").asText(), ((WarcResource) record).target());
                    assertEquals(fields.get("digest").asText(), record.headers().first("WARC-Payload-Digest")
                            .orElseThrow());
                    byte[] payload = record.body().stream().readAllBytes();
                    assertEquals(new org.netpreserve.jwarc.WarcDigest(fields.get("digest").asText()).hex(),
                            WarcRecords.sha256(payload));
                    assertEquals(parts[1], java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                            .withZone(java.time.ZoneOffset.UTC).format(record.date()));
                    read.add(parts[0] + " " + parts[1] + " " + fields.get("url").asText());
                }
            }
            assertEquals(List.of("example,wacz)/news/bridge 20250511110000 " + b,
                    "example,wacz)/news/harbour 20250511100000 " + a,
                    "example,wacz)/news/harbour 20250512100000 " + a), read);

            List<String> pages = Arrays.asList(new String(entries.get("pages/pages.jsonl"), StandardCharsets.UTF_8)
                    .split("\n"));
            assertEquals("json-pages-1.0", JSON.readTree(pages.get(0)).get("format").asText());
            List<String> versions = pages.subList(1, pages.size()).stream().map(p -> {
                try {
                    JsonNode page = JSON.readTree(p);
                    return page.get("ts").asText() + " " + page.get("url").asText() + " " + page.get("title").asText();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sorted().toList();
            assertEquals(List.of("2025-05-11T10:00:00Z " + a + " Harbour reopens",
                    "2025-05-11T11:00:00Z " + b + " Bridge closes",
                    "2025-05-12T10:00:00Z " + a + " Harbour reopens"), versions);

            warcioReadsTheWarc(warc);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** warcio (npm), a WARC implementation independent of jwarc, reads every record of the WACZ's WARC. */
    private static void warcioReadsTheWarc(byte[] warc) throws Exception {
        Path tool = Path.of(System.getProperty("palimpsest.root", "..")).resolve("tools/warcio");
        TestArchive.requireTool(Files.isDirectory(tool.resolve("node_modules/warcio")),
                "warcio is not installed (bin/test installs it with npm)");
        Path file = Files.createTempFile("wacz-data", ".warc.gz");
        try {
            Files.write(file, warc);
            Process node = new ProcessBuilder("node", "read.mjs", file.toString()).directory(tool.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, node.waitFor(), output);
            JsonNode records = JSON.readTree(output);
            assertEquals(1 + 3 * 3, records.size(), "warcinfo, then resource, conversion, metadata per capture");
            for (JsonNode r : records) {
                if (r.get("type").asText().equals("resource")) {
                    assertEquals(new org.netpreserve.jwarc.WarcDigest(r.get("payloadDigest").asText()).hex(),
                            r.get("sha256").asText());
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
