package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.palimpsest.core.imports.WarcImporter;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WarcImportTest {

    static JsonPath importWarc(String source, byte[] warc) {
        String location = given().header("Authorization", ARCHIVIST).contentType("application/warc").body(warc)
                .queryParam("source", source).queryParam("name", "export.warc").post("/api/imports")
                .then().statusCode(202).extract().header("Location");
        return Eventually.await(Duration.ofSeconds(60), () -> given().get(location).then().statusCode(200).extract().jsonPath(),
                j -> !j.getString("status").equals("running"), "the import to end");
    }

    /** Each capture time mapped to its article headline, content digest and version number. */
    static Map<String, String> shape(String source) {
        Map<String, String> shape = new TreeMap<>();
        for (String article : given().queryParam("source", source).get("/api/articles").<java.util.List<String>>path("items.articleId")) {
            JsonPath a = given().get("/api/articles/" + article).jsonPath();
            for (Map<String, Object> v : a.<Map<String, Object>>getList("timeline")) {
                for (Map<String, Object> c : (java.util.List<Map<String, Object>>) v.get("captures")) {
                    shape.put((String) c.get("capturedAt"), a.getString("headline") + "|" + v.get("contentSha256")
                            + "|v" + v.get("versionNumber") + "|" + c.get("rawSha256"));
                }
            }
        }
        return shape;
    }

    @Test
    void aWarcExportReimportedIntoANewSourceGivesTheSameArticlesAndVersions() {
        String original = ExportApiTest.source();
        byte[] warc = ExportApiTest.export(Map.of("format", "warc", "source", original));
        String copy = uniqueSource("reimport");
        JsonPath job = importWarc(copy, warc);
        assertEquals("completed", job.getString("status"));
        assertEquals(17, job.getInt("seen"), "warcinfo + 5 × (resource, conversion, metadata) + manifest");
        assertEquals(5, job.getInt("imported"));
        assertEquals(12, job.getInt("skipped"));
        assertEquals(0, job.getInt("failed"));
        assertEquals(shape(original), shape(copy));
        String capture = given().queryParam("source", copy).get("/api/articles").path("items[0].articleId");
        String captureId = given().get("/api/articles/" + capture).path("timeline[0].captures[0].captureId");
        given().get("/api/captures/" + captureId).then().body("provenance.origin.channel",
                org.hamcrest.Matchers.equalTo("WARC_IMPORT"));
    }

    @Test
    void aTruncatedWarcEndsTheJobWithAClearErrorAndKeepsWhatCameBefore() {
        byte[] warc = ExportApiTest.export(Map.of("format", "warc", "source", ExportApiTest.source()));
        String text = new String(warc, java.nio.charset.StandardCharsets.ISO_8859_1);
        int third = text.indexOf("WARC-Type: resource", text.indexOf("WARC-Type: resource",
                text.indexOf("WARC-Type: resource") + 1) + 1);
        byte[] truncated = Arrays.copyOf(warc, third + 400);
        JsonPath job = importWarc(uniqueSource("truncated"), truncated);
        assertEquals("failed", job.getString("status"));
        assertEquals(2, job.getInt("imported"));
        assertTrue(job.getString("error").startsWith("the file breaks off after record"), job.getString("error"));
        assertTrue(job.getString("error").endsWith("the 2 captures imported before it are kept"), job.getString("error"));
    }

    @Test
    void aRevisitRecordIsImportedAsACaptureOfTheBytesItRefersTo() throws Exception {
        String url = "https://news.example/2025/05/11/revisited";
        byte[] page = "<html><head><title>Revisited</title></head><body><h1>Revisited</h1><p>A body that a crawler saw twice.</p></body></html>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.time.Instant first = java.time.Instant.parse("2025-05-11T10:00:00Z");
        java.time.Instant second = java.time.Instant.parse("2025-05-11T11:00:00Z");
        var response = new org.netpreserve.jwarc.WarcResponse.Builder(java.net.URI.create(url)).date(first)
                .body(new org.netpreserve.jwarc.HttpResponse.Builder(200, "OK")
                        .body(org.netpreserve.jwarc.MediaType.HTML_UTF8, page).build()).build();
        var revisit = new org.netpreserve.jwarc.WarcRevisit.Builder(java.net.URI.create(url),
                org.netpreserve.jwarc.WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1).date(second)
                .refersTo(response.id(), java.net.URI.create(url), first).build();
        var out = new java.io.ByteArrayOutputStream();
        var writer = new org.netpreserve.jwarc.WarcWriter(out);
        writer.write(response);
        writer.write(revisit);

        String source = uniqueSource("revisit");
        JsonPath job = importWarc(source, out.toByteArray());
        assertEquals("completed", job.getString("status"));
        assertEquals(2, job.getInt("imported"));
        List<String> articles = given().queryParam("source", source).get("/api/articles").path("items.articleId");
        assertEquals(1, articles.size());
        JsonPath article = given().get("/api/articles/" + articles.get(0)).jsonPath();
        assertEquals(1, article.getList("timeline").size(), "one version");
        String hex = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(page));
        assertEquals(List.of(hex, hex), article.getList("timeline[0].captures.rawSha256"));
    }

    @Test
    void aJobSaysWhichRecordsFailedAndWhy() throws Exception {
        String small = "<html><head><title>Kept</title></head><body><h1>Kept</h1><p>A body that fits.</p></body></html>";
        StringBuilder big = new StringBuilder("<html><body><h1>Too big</h1><p>");
        while (big.length() < 70_000) {
            big.append("filler words of an oversized page ");
        }
        big.append("</p></body></html>");
        var out = new java.io.ByteArrayOutputStream();
        var writer = new org.netpreserve.jwarc.WarcWriter(out);
        List<org.netpreserve.jwarc.WarcResponse> records = new java.util.ArrayList<>();
        for (String[] page : List.of(new String[] {"https://news.example/too-big", big.toString()},
                new String[] {"https://news.example/kept", small})) {
            var record = new org.netpreserve.jwarc.WarcResponse.Builder(java.net.URI.create(page[0]))
                    .date(java.time.Instant.parse("2025-05-11T10:00:00Z"))
                    .body(new org.netpreserve.jwarc.HttpResponse.Builder(200, "OK")
                            .body(org.netpreserve.jwarc.MediaType.HTML_UTF8,
                                    page[1].getBytes(java.nio.charset.StandardCharsets.UTF_8)).build()).build();
            writer.write(record);
            records.add(record);
        }
        JsonPath job = importWarc(uniqueSource("failures"), out.toByteArray());
        assertEquals("completed", job.getString("status"));
        assertEquals(1, job.getInt("imported"));
        assertEquals(1, job.getInt("failed"));
        assertEquals(List.of(records.get(0).id().toString()), job.getList("failures.recordId"));
        assertEquals(List.of(0), job.getList("failures.offset"));
        assertEquals(List.of("response"), job.getList("failures.type"));
        assertEquals(List.of("https://news.example/too-big"), job.getList("failures.uri"));
        assertTrue(job.getString("failures[0].reason").matches("the capture limit is 65536 bytes"
                + " \\(palimpsest.capture.max-size\\) and its payload is \\d+ bytes"), job.getString("failures[0].reason"));
        assertEquals(Map.of("too-large", 1), job.getMap("reasons"));
    }

    @Test
    void jobsAreListedNewestFirst() {
        byte[] warc = warcOf("https://news.example/listed", "<html><body><h1>Listed</h1><p>A page.</p></body></html>");
        String first = importWarc(uniqueSource("listed"), warc).getString("id");
        String second = importWarc(uniqueSource("listed"), warc).getString("id");

        JsonPath jobs = given().queryParam("size", 2).get("/api/imports").then().statusCode(200).extract().jsonPath();

        assertEquals(List.of(second, first), jobs.getList("items.id"));
        assertEquals(List.of("completed", "completed"), jobs.getList("items.status"));
        given().queryParam("size", 0).get("/api/imports").then().statusCode(400);
    }

    @Inject
    WarcImporter importer;
    @Inject
    EntityManager em;

    /** A running job as a node that was killed leaves it: its lease last renewed an hour ago. */
    private java.util.UUID abandonedJob(String source, String spooled, String node) {
        java.util.UUID id = java.util.UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into import_job (id, source,"
                + " file_name, status, spool_file, node, agent, heartbeat_at) values (?1, ?2, 'big.warc', 'running',"
                + " ?3, ?4, 'crawler', now() - interval '1 hour')").setParameter(1, id).setParameter(2, source)
                .setParameter(3, spooled).setParameter(4, node).executeUpdate());
        return id;
    }

    @Test
    void aJobWhoseNodeStoppedRenewingItsLeaseIsTakenOverAndImportedFromItsSpooledFile() throws Exception {
        String source = TestArchive.uniqueSource("taken-over");
        java.nio.file.Path spooled = Files.createTempFile("palimpsest-import-", ".warc");
        Files.write(spooled, warcOf("https://takeover.example/a", "<html><head><title>Taken over</title></head><body>"
                + "<h1>Taken over</h1><p>The node that began this import was killed; another finished it.</p>"
                + "</body></html>"));
        java.util.UUID id = abandonedJob(source, spooled.toString(), "a-node-that-was-killed");

        // (the node's own lease check may claim it first: either way, exactly one takeover)
        importer.takeOver(java.time.Duration.ofMinutes(1));

        JsonPath job = Eventually.await(java.time.Duration.ofSeconds(30),
                () -> given().get("/api/imports/" + id).then().statusCode(200).extract().jsonPath(),
                j -> !"running".equals(j.getString("status")), "the job taken over to end");
        assertEquals("completed", job.getString("status"));
        assertEquals(1, job.getInt("seen"));
        assertEquals(1, job.getInt("imported"));
        assertEquals(1, job.getInt("takeovers"));
        assertEquals(1, given().queryParam("source", source).get("/api/articles").then().statusCode(200).extract()
                .jsonPath().getInt("total"));
        assertTrue(!Files.exists(spooled), "the spooled upload is removed once the import ends");
    }

    @Test
    void aJobWhoseLeaseIsRenewedIsNotTakenOver() {
        java.util.UUID id = java.util.UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into import_job (id, source,"
                + " file_name, status, node) values (?1, 'leased', 'big.warc', 'running', 'a-live-node')")
                .setParameter(1, id).executeUpdate());
        try {
            importer.takeOver(java.time.Duration.ofMinutes(1));
            JsonPath job = given().get("/api/imports/" + id).then().statusCode(200).extract().jsonPath();
            assertEquals("running", job.getString("status"));
            assertEquals(0, job.getInt("takeovers"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from import_job where id = ?1")
                    .setParameter(1, id).executeUpdate());
        }
    }

    @Test
    void aJobTakenOverWhereItsSpooledFileCannotBeReadIsEndedFailedSayingSo() {
        java.util.UUID id = abandonedJob("interrupted", "/nonexistent/palimpsest-import-gone.warc", null);

        importer.takeOver(java.time.Duration.ofMinutes(1));

        JsonPath job = Eventually.await(java.time.Duration.ofSeconds(30),
                () -> given().get("/api/imports/" + id).then().statusCode(200).extract().jsonPath(),
                j -> !"running".equals(j.getString("status")), "the job taken over to end");
        assertEquals("failed", job.getString("status"));
        assertEquals(WarcImporter.INTERRUPTED, job.getString("error"));
        assertEquals(1, job.getInt("takeovers"));
        assertTrue(job.getString("finishedAt") != null);
    }

    static byte[] warcOf(String url, String html) {
        try {
            var out = new java.io.ByteArrayOutputStream();
            new org.netpreserve.jwarc.WarcWriter(out).write(new org.netpreserve.jwarc.WarcResponse.Builder(
                    java.net.URI.create(url)).date(java.time.Instant.parse("2025-05-11T10:00:00Z"))
                    .body(new org.netpreserve.jwarc.HttpResponse.Builder(200, "OK").body(
                            org.netpreserve.jwarc.MediaType.HTML_UTF8,
                            html.getBytes(java.nio.charset.StandardCharsets.UTF_8)).build()).build());
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void importsNeedTheArchivistRoleAndASource() {
        given().contentType("application/warc").body(new byte[] {1}).queryParam("source", "x").post("/api/imports")
                .then().statusCode(401);
        given().header("Authorization", ARCHIVIST).contentType("application/warc").body(new byte[] {1})
                .post("/api/imports").then().statusCode(400);
    }

    @Test
    void anUploadThatCannotBeKeptOnDiskIsA503ThatSaysWhyAndLeavesNoJob() throws IOException {
        Path spool = Path.of("target/import-spool");
        Path aside = Path.of("target/import-spool-aside");
        if (Files.exists(spool)) {
            Files.move(spool, aside);
        }
        Files.writeString(spool, "a file where the spool directory should be"); // even root cannot use it
        long jobs = given().get("/api/imports").jsonPath().getLong("total");
        try {
            given().header("Authorization", ARCHIVIST).contentType("application/warc").body(new byte[] {'W', 'A'})
                    .queryParam("source", uniqueSource("spool")).post("/api/imports").then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("detail", allOf(
                            startsWith("the upload could not be kept on disk for its import ("),
                            endsWith("); nothing was imported: free space in target/import-spool"
                                    + " or point palimpsest.imports.spool-dir at a directory with room for the file")));
            assertEquals(jobs, given().get("/api/imports").jsonPath().getLong("total"));
        } finally {
            Files.delete(spool);
            if (Files.exists(aside)) {
                Files.move(aside, spool);
            }
        }
    }
}
