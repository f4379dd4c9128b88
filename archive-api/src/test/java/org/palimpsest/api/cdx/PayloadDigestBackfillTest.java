package org.palimpsest.api.cdx;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.TestArchive;
import org.palimpsest.api.imports.Imports;
import org.palimpsest.api.imports.WarcRecords;
import org.palimpsest.core.cdx.PayloadDigests;

/** Captures stored before the CDX server kept payload digests get them, and the CDX server shows them. */
@QuarkusTest
class PayloadDigestBackfillTest {
    @Inject
    EntityManager em;
    @Inject
    PayloadDigests digests;

    @Test
    void capturesStoredWithoutAPayloadDigestGetTheSha1OfTheirPayloadAsRecorded() {
        String source = TestArchive.uniqueSource("backfill");
        String host = source + ".example";
        String posted = "A capture posted to the API, before digests were kept.";
        TestArchive.post(source, WarcRecords.utf8(posted), "text/plain", "2025-05-11T09:00:00Z").statusCode(201);
        String html = WarcRecords.page("Encoded", "Recorded gzip-encoded: its payload digest is of the gzip bytes.");
        byte[] recorded = WarcRecords.gzip(WarcRecords.utf8(html));
        String url = "https://" + host + "/encoded";
        JsonPath job = Imports.importFile(source, "old.warc", WarcRecords.warc(WarcRecords.response(url,
                Instant.parse("2025-05-11T10:00:00Z"), WarcRecords.http(200,
                        "Content-Type: text/html\nContent-Encoding: gzip\n", recorded), recorded)));
        assertEquals(1, job.getInt("imported"), job.prettify());
        TestArchive.post(source, WarcRecords.utf8(posted), "text/plain", "2025-05-11T11:00:00Z");
        int erased = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("update capture set"
                + " payload_sha1 = null, origin = origin #- '{warc,payloadSha1}' where source = ?1")
                .setParameter(1, source).executeUpdate());
        assertEquals(3, erased);
        assertEquals(List.of("-"), digestsOf(url), "as an archive made before digests were kept shows it");

        long filled = digests.fill();

        assertEquals(3, filled);
        assertEquals(List.of(WarcRecords.sha1Base32(recorded)), digestsOf(url));
        assertEquals(0L, ((Number) em.createNativeQuery("select count(*) from capture where payload_sha1 is null")
                .getSingleResult()).longValue());
        assertEquals(List.of(WarcRecords.sha1Base32(WarcRecords.utf8(posted))), QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select distinct payload_sha1 from capture where source = ?1"
                        + " and url is null").setParameter(1, source).getResultList()));
        assertEquals(0, digests.fill(), "a second run finds nothing left");
    }

    private static List<String> digestsOf(String url) {
        String body = given().queryParam("url", url).queryParam("fl", "digest").queryParam("output", "text")
                .get("/cdx").then().statusCode(200).extract().asString();
        return List.of(body.strip().split("\n"));
    }
}
