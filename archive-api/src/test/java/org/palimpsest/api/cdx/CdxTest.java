package org.palimpsest.api.cdx;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.palimpsest.api.TestArchive;
import org.palimpsest.api.imports.Imports;
import org.palimpsest.api.imports.WarcRecords;

/** The CDX server over imported captures, agreeing with the TimeMaps and the mementos. */
@QuarkusTest
class CdxTest {
    private static final Pattern MEMENTO = Pattern.compile("/memento/(\\d{14})/");
    private static String host;
    private static String source;
    private static String a;
    private static String b;
    private static String other;
    private static String htmlA;
    private static String htmlB;

    @BeforeEach
    void imported() {
        if (host != null) {
            return;
        }
        host = "cdx-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        a = "https://" + host + "/news/2025/harbour";
        b = "https://" + host + "/news/2025/bridge";
        other = "https://sport." + host + "/results";
        htmlA = WarcRecords.page("Harbour reopens", "The harbour reopened on Sunday after repairs.");
        htmlB = WarcRecords.page("Bridge closes", "The old bridge closes for a year of repairs.");
        String htmlC = WarcRecords.page("Results", "The weekend's results in full.");
        WarcResponse first = WarcRecords.htmlResponse(a, Instant.parse("2025-05-11T10:00:00Z"), htmlA);
        WarcRevisit again = new WarcRevisit.Builder(URI.create(a), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                .date(Instant.parse("2025-05-12T10:00:00Z")).payloadDigest("sha1", sha1(htmlA))
                .refersTo(first.id(), URI.create(a), Instant.parse("2025-05-11T10:00:00Z")).build();
        source = TestArchive.uniqueSource("cdx");
        JsonPath job = Imports.importFile(source, "cdx.warc", WarcRecords.warc(first, again,
                WarcRecords.htmlResponse(a, Instant.parse("2025-06-01T08:30:00Z"), htmlA + " "),
                WarcRecords.htmlResponse(b, Instant.parse("2025-05-11T11:00:00Z"), htmlB),
                WarcRecords.htmlResponse(other, Instant.parse("2025-05-11T12:00:00Z"), htmlC)));
        assertEquals(5, job.getInt("imported"), job.prettify());
    }

    private static String sha1(String html) {
        return WarcRecords.sha1Base32(WarcRecords.utf8(html));
    }

    private static String cdx(Object... params) {
        return given().queryParams(map(params)).get("/cdx").then().statusCode(200).extract().asString();
    }

    private static Map<String, Object> map(Object... params) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            map.put((String) params[i], params[i + 1]);
        }
        return map;
    }

    private static List<String> lines(String body) {
        return body.isEmpty() ? List.of() : Arrays.asList(body.split("\n"));
    }

    private static String surt(String path) {
        String[] labels = host.split("\\.");
        StringBuilder key = new StringBuilder();
        for (int i = labels.length - 1; i >= 0; i--) {
            key.append(labels[i]).append(i == 0 ? "" : ",");
        }
        return key + ")" + path;
    }

    @Test
    void anExactQueryAnswersCdxjLinesOldestFirstWithRevisitsAsWarcRevisit() {
        List<String> lines = lines(cdx("url", a));

        assertEquals(3, lines.size(), String.join("\n", lines));
        String[] first = lines.get(0).split(" ", 3);
        assertEquals(surt("/news/2025/harbour"), first[0]);
        assertEquals("20250511100000", first[1]);
        JsonPath json = JsonPath.from(first[2]);
        assertEquals(a, json.getString("url"));
        assertEquals("text/html", json.getString("mime"));
        assertEquals("200", json.getString("status"));
        assertEquals(sha1(htmlA), json.getString("digest"));
        assertEquals(String.valueOf(WarcRecords.utf8(htmlA).length), json.getString("length"));
        assertEquals(source, json.getString("source"));
        String revisit = lines.get(1);
        assertTrue(revisit.startsWith(surt("/news/2025/harbour") + " 20250512100000 "), revisit);
        assertEquals("warc/revisit", JsonPath.from(revisit.split(" ", 3)[2]).getString("mime"));
        assertEquals(sha1(htmlA), JsonPath.from(revisit.split(" ", 3)[2]).getString("digest"));
        assertTrue(lines.get(2).startsWith(surt("/news/2025/harbour") + " 20250601083000 "));
    }

    @Test
    void theCdxTheTimeMapAndTheMementosAgreeForEveryImportedUrl() {
        for (String url : List.of(a, b, other)) {
            List<String> cdxTimes = lines(cdx("url", url, "fl", "timestamp", "output", "text"));
            Response timeMap = given().get("/memento/timemap/link/" + url);
            assertEquals(200, timeMap.statusCode());
            List<String> timeMapTimes = new ArrayList<>();
            Matcher m = MEMENTO.matcher(timeMap.asString());
            while (m.find()) {
                timeMapTimes.add(m.group(1));
            }
            assertEquals(cdxTimes, timeMapTimes, url);
            for (String timestamp : cdxTimes) {
                Response memento = given().redirects().follow(false).get("/memento/" + timestamp + "/" + url);
                assertEquals(200, memento.statusCode(), url + " at " + timestamp);
                Instant at = java.time.ZonedDateTime.parse(memento.header("Memento-Datetime"),
                        org.palimpsest.api.http.HttpDates.IMF_FIXDATE).toInstant();
                assertEquals(timestamp, java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                        .withZone(java.time.ZoneOffset.UTC).format(at));
            }
        }
    }

    @Test
    void prefixHostAndDomainQueriesInBothSpellings() {
        assertEquals(4, lines(cdx("url", host + "/news/", "matchType", "prefix")).size());
        assertEquals(4, lines(cdx("url", host + "/news/*")).size());
        assertEquals(1, lines(cdx("url", host + "/news/2025/b", "matchType", "prefix")).size());
        assertEquals(4, lines(cdx("url", host, "matchType", "host")).size());
        assertEquals(5, lines(cdx("url", host, "matchType", "domain")).size());
        assertEquals(5, lines(cdx("url", "*." + host)).size());
        assertEquals(0, lines(cdx("url", "*.ample.example")).size(), "a domain is whole labels");
    }

    @Test
    void fromToSortLimitFilterAndFieldsNarrowAndShapeTheLines() {
        assertEquals(List.of("20250511100000", "20250512100000"), lines(cdx("url", a, "fl", "timestamp", "output",
                "text", "to", "202505")));
        assertEquals(List.of("20250512100000", "20250601083000"), lines(cdx("url", a, "fl", "timestamp", "output",
                "text", "from", "20250512")));
        assertEquals(List.of("20250601083000", "20250512100000", "20250511100000"), lines(cdx("url", a, "fl",
                "timestamp", "output", "text", "sort", "reverse")));
        assertEquals(List.of("20250601083000"), lines(cdx("url", a, "fl", "timestamp", "output", "text", "sort",
                "closest", "closest", "20250525", "limit", "1")));
        assertEquals(List.of("20250512100000"), lines(cdx("url", a, "fl", "timestamp", "output", "text", "filter",
                "mime:warc/.*")));
        assertEquals(List.of("20250511100000", "20250601083000"), lines(cdx("url", a, "fl", "timestamp",
                "output", "text", "filter", "!mime:warc/revisit")));
        assertEquals(List.of("20250511100000 text/html 200"), lines(cdx("url", a, "fl", "timestamp,mime,status",
                "output", "text", "limit", "1")));
        String json = lines(cdx("url", b, "output", "json")).get(0);
        assertEquals(surt("/news/2025/bridge"), JsonPath.from(json).getString("urlkey"));
        assertEquals("20250511110000", JsonPath.from(json).getString("timestamp"));
        assertEquals(List.of(surt("/news/2025/bridge") + " 20250511110000 " + b + " text/html 200 "
                + sha1(htmlB) + " - - " + WarcRecords.utf8(htmlB).length + " - -"), lines(cdx("url", b, "output",
                "text")));
    }

    @Test
    void pagesAndTheirNumber() {
        assertEquals("3", cdx("url", a, "showNumPages", "true", "pageSize", "1").strip());
        assertEquals(2, JsonPath.from(cdx("url", host, "matchType", "domain", "showNumPages", "true", "pageSize", "3",
                "output", "json")).getInt("pages"));
        assertEquals(List.of("20250512100000"), lines(cdx("url", a, "fl", "timestamp", "output", "text", "page", "1",
                "pageSize", "1")));
    }

    @Test
    void badParametersAreProblemsThatSayWhatToFix() {
        for (Map<String, Object> bad : List.of(Map.<String, Object>of(), Map.<String, Object>of("url", a, "matchType",
                "fuzzy"), Map.<String, Object>of("url", a, "from", "2025-05"), Map.<String, Object>of("url", a, "sort",
                "closest"), Map.<String, Object>of("url", a, "filter", "nofield"), Map.<String, Object>of("url", a,
                "filter", "colour:red"), Map.<String, Object>of("url", a, "fl", "timestamp,size"),
                Map.<String, Object>of("url", a, "output", "xml"), Map.<String, Object>of("url", a, "limit", "0"),
                Map.<String, Object>of("url", a, "pageSize", "-1"))) {
            given().queryParams(bad).get("/cdx").then().statusCode(400).contentType("application/problem+json");
        }
    }
}
