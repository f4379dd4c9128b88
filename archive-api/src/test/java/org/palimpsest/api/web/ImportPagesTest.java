package org.palimpsest.api.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.Eventually;
import org.palimpsest.api.TestArchive;
import org.palimpsest.api.imports.WarcRecords;
import org.palimpsest.core.imports.WarcImporter;

@QuarkusTest
class ImportPagesTest {
    @Inject
    EntityManager em;
    @Inject
    WarcImporter importer;

    @Test
    void anUploadThroughTheFormImportsTheFileAndItsPageShowsTheOutcomeAndFailures() {
        byte[] warc = WarcRecords.warc(WarcRecords.htmlResponse("https://form.example/a",
                Instant.parse("2025-05-11T10:00:00Z"), WarcRecords.page("Uploaded", "Through the web form.")),
                WarcRecords.response("https://form.example/b", Instant.parse("2025-05-11T10:00:00Z"),
                        WarcRecords.http(200, "Content-Type: text/html\nContent-Encoding: compress\n",
                                WarcRecords.utf8("xx")), WarcRecords.utf8("xx")));
        String source = TestArchive.uniqueSource("form");

        String location = given().redirects().follow(false).multiPart("token", "test-archivist-token")
                .multiPart("source", source).multiPart("file", "crawl.warc", warc).post("/imports")
                .then().statusCode(303).extract().header("Location");

        assertTrue(location.matches(".*/imports/[0-9a-f-]{36}"), location);
        String page = Eventually.await(Duration.ofSeconds(60), () -> given().get(location).then().statusCode(200)
                .contentType("text/html").extract().asString(), p -> !p.contains("<strong>running</strong>"),
                "the import to end");
        assertTrue(page.contains("<strong>completed</strong>"), page);
        assertTrue(page.contains("2 records: 1 imported, 0 skipped, 1 failed"), page);
        assertTrue(page.contains("its Content-Encoding compress cannot be decoded"), page);
        assertTrue(page.contains("<td>https://form.example/b</td>"), page);
        assertFalse(page.contains("http-equiv=\"refresh\""), "an ended job's page does not refresh");
        String list = given().get("/imports").then().statusCode(200).extract().asString();
        assertTrue(list.contains("href=\"/imports/" + location.substring(location.lastIndexOf('/') + 1) + "\""));
    }

    @Test
    void thePageOfARunningJobRefreshesItselfAndABadTokenIsAnHtmlError() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into import_job (id, source,"
                + " file_name, status) values (?1, 'refreshing', 'slow.warc', 'running')").setParameter(1, id)
                .executeUpdate());
        try {
            assertTrue(given().get("/imports/" + id).asString().contains("<meta http-equiv=\"refresh\" content=\"3\">"));
            assertTrue(given().get("/imports").asString().contains("<meta http-equiv=\"refresh\" content=\"3\">"));
        } finally {
            importer.takeOver(java.time.Duration.ZERO);
        }
        String refused = given().multiPart("token", "wrong").multiPart("source", "x").multiPart("file", "a.warc",
                new byte[] {1}).post("/imports").then().statusCode(401).contentType("text/html").extract().asString();
        assertTrue(refused.contains("the token is not one this archive knows"), refused);
        assertEquals(404, given().get("/imports/" + UUID.randomUUID()).statusCode());
    }
}
