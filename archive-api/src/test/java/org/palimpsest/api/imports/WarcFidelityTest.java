package org.palimpsest.api.imports;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palimpsest.api.TestArchive.uniqueSource;
import static org.palimpsest.api.imports.Imports.captures;
import static org.palimpsest.api.imports.Imports.importFile;
import static org.palimpsest.api.imports.Imports.summary;
import static org.palimpsest.api.imports.WarcRecords.*;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

/** Import of WARC and ARC files as the reference tools (warcio, pywb) read them. */
@QuarkusTest
class WarcFidelityTest {
    private static final Instant T1 = Instant.parse("2025-05-11T10:00:00Z");
    private static final Instant T2 = Instant.parse("2025-05-11T11:00:00Z");
    private static final Instant T3 = Instant.parse("2025-05-11T12:00:00Z");
    private static final Instant T4 = Instant.parse("2025-05-11T13:00:00Z");
    private static final Instant T5 = Instant.parse("2025-05-11T14:00:00Z");

    @Test
    void revisitsOfBothProfilesBecomeCapturesOfTheirOriginalAtTheirOwnTimeWhereverTheOriginalIs() {
        String a = "https://news.example/2025/05/11/harbour";
        String b = "https://news.example/2025/05/11/bridge";
        String html = page("Harbour reopens", "The harbour reopened on Sunday after repairs to the sea wall.");
        String bridge = page("Bridge closes", "The old bridge closes for a year of repairs from Monday.");
        WarcResponse original = htmlResponse(a, T1, html);
        String sha1 = sha1Base32(utf8(html));
        // identical payload digest, referring by record id
        WarcRevisit byId = new WarcRevisit.Builder(URI.create(a), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_0).date(T2)
                .payloadDigest("sha1", sha1).refersTo(original.id(), URI.create(a), T1).build();
        // server not modified, referring by URL and date only (no WARC-Refers-To)
        WarcRevisit notModified = new WarcRevisit.Builder(URI.create(a), WarcRevisit.SERVER_NOT_MODIFIED_1_1)
                .date(T3).addHeader("WARC-Refers-To-Target-URI", a).addHeader("WARC-Refers-To-Date", T1.toString())
                .build();
        // URL-agnostic: another URL, the same payload, known only by its digest
        String mirror = "https://mirror.news.example/harbour";
        WarcRevisit agnostic = new WarcRevisit.Builder(URI.create(mirror), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                .date(T4).payloadDigest("sha1", sha1).build();
        // a revisit read before its original, which comes later in the file
        WarcResponse later = htmlResponse(b, T2, bridge);
        WarcRevisit early = new WarcRevisit.Builder(URI.create(b), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1).date(T5)
                .refersTo(later.id(), URI.create(b), T2).build();
        // a revisit whose original is nowhere
        WarcRevisit orphan = new WarcRevisit.Builder(URI.create("https://news.example/gone"),
                WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1).date(T5).payloadDigest("sha1", sha1Base32(utf8("gone")))
                .refersTo(URI.create("urn:uuid:00000000-0000-0000-0000-000000000000"),
                        URI.create("https://news.example/gone"), T1).build();
        String source = uniqueSource("revisits");

        JsonPath job = importFile(source, "revisits.warc", warc(original, byId, notModified, agnostic, early, later,
                orphan));

        assertEquals("completed", job.getString("status"));
        assertEquals(7, job.getInt("seen"));
        assertEquals(6, job.getInt("imported"));
        assertEquals(1, job.getInt("failed"));
        assertEquals(Map.of("original-not-found", 1), job.getMap("reasons"));
        assertEquals(orphan.id().toString(), job.getString("failures[0].recordId"));
        assertEquals("revisit", job.getString("failures[0].type"));
        assertEquals("https://news.example/gone", job.getString("failures[0].uri"));
        assertEquals("revisit of https://news.example/gone at 2025-05-11T10:00:00Z, record"
                + " urn:uuid:00000000-0000-0000-0000-000000000000: the original is neither in this file nor archived;"
                + " import the file that holds it first", job.getString("failures[0].reason"));
        String harbour = sha256(utf8(html));
        String bridgeSha = sha256(utf8(bridge));
        List<JsonPath> captures = captures(source);
        assertEquals(List.of("2025-05-11T10:00:00Z " + a + " " + harbour, "2025-05-11T11:00:00Z " + b + " " + bridgeSha,
                "2025-05-11T11:00:00Z " + a + " " + harbour, "2025-05-11T12:00:00Z " + a + " " + harbour,
                "2025-05-11T13:00:00Z " + mirror + " " + harbour, "2025-05-11T14:00:00Z " + b + " " + bridgeSha),
                summary(captures));
        assertEquals("revisit of " + a + " at 2025-05-11T10:00:00Z, record " + original.id(),
                captures.get(2).getString("provenance.origin.warc.revisitOf"));
        assertEquals("revisit of " + a + " at 2025-05-11T10:00:00Z",
                captures.get(3).getString("provenance.origin.warc.revisitOf"));
        assertEquals("revisit of " + mirror, captures.get(4).getString("provenance.origin.warc.revisitOf"));
        assertEquals("revisit of " + b + " at 2025-05-11T11:00:00Z, record " + later.id(),
                captures.get(5).getString("provenance.origin.warc.revisitOf"));
        assertEquals(sha1, captures.get(0).getString("provenance.origin.warc.payloadSha1"));
        assertEquals("matches", captures.get(0).getString("provenance.origin.warc.payloadDigestCheck"));
    }

    @Test
    void aRevisitFindsItsOriginalInAnEarlierImport() {
        String url = "https://news.example/2025/05/11/earlier";
        String html = page("Imported before", "This page came in a file of its own the week before.");
        WarcResponse original = htmlResponse(url, T1, html);
        WarcRevisit revisit = new WarcRevisit.Builder(URI.create(url), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                .date(T3).payloadDigest("sha1", sha1Base32(utf8(html))).refersTo(original.id(), URI.create(url), T1)
                .build();
        String source = uniqueSource("earlier");
        assertEquals(1, importFile(source, "first.warc", warc(original)).getInt("imported"));

        JsonPath job = importFile(source, "second.warc", warc(revisit));

        assertEquals(1, job.getInt("imported"), job.prettify());
        assertEquals(List.of("2025-05-11T10:00:00Z " + url + " " + sha256(utf8(html)),
                "2025-05-11T12:00:00Z " + url + " " + sha256(utf8(html))), summary(captures(source)));
    }

    @Test
    void arcFilesPlainAndGzipAreReadRecordByRecord() {
        String a = "http://news.example/arc/one.html";
        String b = "http://news.example/arc/two.html";
        byte[] one = utf8(page("From an ARC file", "Crawled by an old Heritrix into an ARC file."));
        byte[] two = utf8(page("Also from an ARC file", "The second page of the same old crawl."));
        byte[][] records = arcRecords("crawl.arc", T1, new Object[] {a, T1, http200("text/html", one)},
                new Object[] {b, T2, http200("text/html", two)});
        List<String> expected = List.of("2025-05-11T10:00:00Z " + a + " " + sha256(one),
                "2025-05-11T11:00:00Z " + b + " " + sha256(two));

        String plain = uniqueSource("arc");
        JsonPath job = importFile(plain, "crawl.arc", concat(records));
        String gzipped = uniqueSource("arcgz");
        JsonPath gzJob = importFile(gzipped, "crawl.arc.gz", gzipMembers(records));

        for (JsonPath j : List.of(job, gzJob)) {
            assertEquals("completed", j.getString("status"), j.prettify());
            assertEquals(3, j.getInt("seen"));
            assertEquals(2, j.getInt("imported"));
            assertEquals(Map.of("not-a-capture", 1), j.getMap("reasons"));
        }
        assertEquals(expected, summary(captures(plain)));
        assertEquals(expected, summary(captures(gzipped)));
        long secondOffset = records[0].length;
        assertEquals("crawl.arc#" + secondOffset, captures(plain).get(0).getString("provenance.origin.warc.recordId"));
    }

    @Test
    void blankLinesAndJunkBetweenRecordsAreSkippedAndCounted() {
        byte[] one = warc(htmlResponse("https://news.example/blank/1", T1, page("One", "The first of three pages.")));
        byte[] two = warc(htmlResponse("https://news.example/blank/2", T2, page("Two", "The second of three pages.")));
        byte[] three = warc(htmlResponse("https://news.example/blank/3", T3, page("Three", "The third of three.")));
        String source = uniqueSource("blank");

        JsonPath job = importFile(source, "blank.warc", concat(one, utf8("\r\n\r\n"), two,
                utf8("this line is not a record\n"), three, utf8("\r\n\r\n")));

        assertEquals("completed", job.getString("status"), job.prettify());
        assertEquals(3, job.getInt("imported"));
        assertEquals(2, job.getInt("resynced"));
        assertEquals(job.getLong("bytesTotal"), job.getLong("bytesRead"));
        assertEquals(List.of("https://news.example/blank/1", "https://news.example/blank/2",
                "https://news.example/blank/3"), captures(source).stream().map(c -> c.getString("url")).toList());
    }

    @Test
    void aRecordWhoseContentLengthIsWrongIsReadUpToTheNextRecordHeaderAndReported() throws IOException {
        String one = page("One", "A record whose length is right.");
        String shortHtml = page("Counted short", "Its Content-Length says forty bytes fewer than the record holds.");
        String longHtml = page("Counted long", "Its Content-Length runs past the header of the record after it.");
        String last = page("Last", "The record after the one counted long, whose header that one would swallow.");
        WarcResponse shortRecord = htmlResponse("https://news.example/length/short", T2, shortHtml);
        WarcResponse longRecord = htmlResponse("https://news.example/length/long", T3, longHtml);
        byte[] shortBytes = warc(shortRecord);
        byte[] longBytes = warc(longRecord);
        String source = uniqueSource("length");

        JsonPath job = importFile(source, "lengths.warc", concat(
                warc(htmlResponse("https://news.example/length/one", T1, one)), miscounted(shortBytes, -40),
                miscounted(longBytes, 150), warc(htmlResponse("https://news.example/length/last", T4, last))));

        assertEquals("completed", job.getString("status"), job.prettify());
        assertEquals(4, job.getInt("imported"));
        assertEquals(0, job.getInt("failed"));
        assertEquals(0, job.getInt("resynced"));
        assertEquals(List.of("2025-05-11T10:00:00Z https://news.example/length/one " + sha256(utf8(one)),
                "2025-05-11T11:00:00Z https://news.example/length/short " + sha256(utf8(shortHtml)),
                "2025-05-11T12:00:00Z https://news.example/length/long " + sha256(utf8(longHtml)),
                "2025-05-11T13:00:00Z https://news.example/length/last " + sha256(utf8(last))),
                summary(captures(source)));
        long shortBlock = shortRecord.body().size();
        long longBlock = longRecord.body().size();
        assertEquals(List.of(shortRecord.id().toString(), longRecord.id().toString()),
                job.getList("repairs.recordId"));
        assertEquals(List.of("its Content-Length says " + (shortBlock - 40) + " bytes; " + shortBlock
                        + " were read, up to the next record's header",
                "its Content-Length says " + (longBlock + 150) + " bytes; " + longBlock
                        + " were read, up to the next record's header"), job.getList("repairs.repair"));
        assertEquals(job.getString("repairs[1].repair"),
                captures(source).get(2).getString("provenance.origin.warc.repair"));

        String gzipped = uniqueSource("lengthgz");
        JsonPath gzJob = importFile(gzipped, "lengths.warc.gz", gzipMembers(
                warc(htmlResponse("https://news.example/length/one", T1, one)), miscounted(shortBytes, -40),
                miscounted(longBytes, 150), warc(htmlResponse("https://news.example/length/last", T4, last))));
        assertEquals("completed", gzJob.getString("status"), gzJob.prettify());
        assertEquals(summary(captures(source)), summary(captures(gzipped)));
        assertEquals(job.getList("repairs.repair"), gzJob.getList("repairs.repair"));
    }

    @Test
    void aWarcGzippedWholeIsReadRecordByRecordAsOnePerMemberIs() {
        List<String> html = List.of(page("First", "One gzip member holds this record."),
                page("Second", "And this one."), page("Third", "And this one too."));
        byte[] plain = warc(htmlResponse("https://news.example/whole/1", T1, html.get(0)),
                htmlResponse("https://news.example/whole/2", T2, html.get(1)),
                htmlResponse("https://news.example/whole/3", T3, html.get(2)));
        String whole = uniqueSource("wholegz");

        JsonPath job = importFile(whole, "whole.warc.gz", gzip(plain));

        assertEquals("completed", job.getString("status"), job.prettify());
        assertEquals(3, job.getInt("imported"));
        assertEquals(List.of(), job.getList("repairs"));
        assertEquals(List.of("2025-05-11T10:00:00Z https://news.example/whole/1 " + sha256(utf8(html.get(0))),
                "2025-05-11T11:00:00Z https://news.example/whole/2 " + sha256(utf8(html.get(1))),
                "2025-05-11T12:00:00Z https://news.example/whole/3 " + sha256(utf8(html.get(2)))),
                summary(captures(whole)));
    }

    @Test
    void requestAndMetadataRecordsAreKeptInTheProvenanceOfTheCaptureTheyDescribeBeforeOrAfterIt() {
        String heritrix = "https://news.example/heritrix";
        String wget = "https://news.example/wget";
        WarcResponse response = htmlResponse(heritrix, T1, page("Crawled by Heritrix", "Response, request, metadata."));
        // Heritrix's order: the response, then its request and metadata, each naming it in WARC-Concurrent-To
        WarcRequest request = new WarcRequest.Builder(URI.create(heritrix)).date(T1).concurrentTo(response.id())
                .body(MediaType.HTTP_REQUEST, utf8("GET /heritrix HTTP/1.1\r\nHost: news.example\r\n"
                        + "User-Agent: Heritrix\r\n\r\n")).build();
        WarcMetadata metadata = new WarcMetadata.Builder().targetURI(heritrix).date(T1).concurrentTo(response.id())
                .fields(Map.of("via", List.of("https://news.example/"), "hopsFromSeed", List.of("L"),
                        "outlink", List.of("https://news.example/a L a/@href", "https://news.example/b L a/@href")))
                .build();
        // wget's order: the request first
        WarcRequest wgetRequest = new WarcRequest.Builder(URI.create(wget)).date(T2).body(MediaType.HTTP_REQUEST,
                utf8("GET /wget HTTP/1.1\r\nHost: news.example\r\nUser-Agent: Wget\r\n\r\n")).build();
        WarcResponse wgetResponse = htmlResponse(wget, T2, page("Crawled by wget", "Request, then response."));
        String source = uniqueSource("context");

        JsonPath job = importFile(source, "context.warc", warc(response, request, metadata, wgetRequest,
                wgetResponse));

        assertEquals(2, job.getInt("imported"), job.prettify());
        assertEquals(Map.of("not-a-capture", 3), job.getMap("reasons"));
        List<JsonPath> captures = captures(source);
        assertEquals("GET /heritrix HTTP/1.1\r\nHost: news.example\r\nUser-Agent: Heritrix",
                captures.get(0).getString("provenance.origin.warc.request"));
        assertEquals(Map.of("via", List.of("https://news.example/"), "hopsFromSeed", List.of("L"), "outlink",
                List.of("https://news.example/a L a/@href", "https://news.example/b L a/@href")),
                captures.get(0).getMap("provenance.origin.warc.metadata"));
        assertEquals("GET /wget HTTP/1.1\r\nHost: news.example\r\nUser-Agent: Wget",
                captures.get(1).getString("provenance.origin.warc.request"));
        assertNull(captures.get(1).get("provenance.origin.warc.metadata"));
    }

    @Test
    void chunkedAndGzipEncodedResponsesAreDecodedBeforeDerivationAndTheRecordedPayloadIsKept() {
        String html = page("Encoded on the wire", "A page sent gzip-encoded in chunks, as many servers send them.");
        byte[] encoded = gzip(utf8(html));
        byte[] recorded = chunked(encoded, 40);
        String url = "https://news.example/encoded";
        byte[] message = http(200, "Content-Type: text/html\nTransfer-Encoding: chunked\nContent-Encoding: gzip\n",
                recorded);
        String source = uniqueSource("encoded");

        JsonPath job = importFile(source, "encoded.warc", warc(response(url, T1, message, encoded)));

        assertEquals(1, job.getInt("imported"), job.prettify());
        JsonPath capture = captures(source).get(0);
        assertEquals(sha256(utf8(html)), capture.getString("rawSha256"));
        assertEquals("gzip", capture.getString("provenance.origin.warc.contentEncoding"));
        assertEquals(sha256(encoded), capture.getString("provenance.origin.warc.recordedSha256"));
        assertEquals("matches", capture.getString("provenance.origin.warc.payloadDigestCheck"));
        String article = given().queryParam("source", source).get("/api/articles").path("items[0].articleId");
        assertEquals("Encoded on the wire", given().get("/api/articles/" + article).path("headline"));
    }

    @Test
    void aWrongPayloadDigestIsRecordedNotFatal() {
        byte[] body = utf8(page("Digest", "The digest the crawler wrote is not this page's."));
        String source = uniqueSource("digest");

        JsonPath job = importFile(source, "digest.warc", warc(response("https://news.example/digest", T1,
                http200("text/html", body), utf8("something else"))));

        assertEquals(1, job.getInt("imported"));
        assertEquals("mismatch: computed sha1:" + sha1Base32(body),
                captures(source).get(0).getString("provenance.origin.warc.payloadDigestCheck"));
    }

    @Test
    void aGzipBombIsRefusedAfterReadingAtMostTheLimitAndLargeOrForeignRecordsAreSkippedUnread() {
        byte[] bomb = gzip(new byte[50_000_000]); // about 50 KB that would inflate to 50 MB; the test limit is 64 KB
        byte[] image = new byte[300_000];
        String source = uniqueSource("bomb");
        WarcResponse bombRecord = response("https://news.example/bomb", T1,
                http(200, "Content-Type: text/html\nContent-Encoding: gzip\n", bomb), bomb);
        WarcResponse imageRecord = response("https://news.example/photo.jpg", T1, http200("image/jpeg", image), image);
        WarcResponse notFound = response("https://news.example/missing", T1, http(404,
                "Content-Type: text/html\n", utf8("<h1>Not found</h1>")), utf8("<h1>Not found</h1>"));
        WarcResponse kept = htmlResponse("https://news.example/kept", T2, page("Kept", "The page that fits."));

        JsonPath job = importFile(source, "bomb.warc.gz", warc(bombRecord, imageRecord, notFound, kept));

        assertEquals("completed", job.getString("status"), job.prettify());
        assertEquals(1, job.getInt("imported"));
        assertEquals(Map.of("too-large", 1, "not-text", 1, "http-status", 1), job.getMap("reasons"));
        assertEquals(List.of(bombRecord.id().toString()), job.getList("failures.recordId"));
        assertTrue(job.getString("failures[0].reason").matches("the capture limit is 65536 bytes"
                + " \\(palimpsest.capture.max-size\\) and its gzip payload of \\d+ bytes expands past it"),
                job.getString("failures[0].reason"));
        assertEquals(List.of("https://news.example/kept"), captures(source).stream().map(c -> c.getString("url"))
                .toList());
    }
}
