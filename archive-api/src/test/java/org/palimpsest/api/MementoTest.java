package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.bytes;
import static org.palimpsest.api.TestArchive.samples;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 7089 on real captures: three captures of one article URL at 10:00, 11:00 and 12:00 on 11 May 2025. */
@QuarkusTest
class MementoTest {
    static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[a-z]+=\"[^\"]*\")+)");
    static final Pattern PARAM = Pattern.compile("([a-z]+)=\"([^\"]*)\"");

    String source;
    String url;
    String base;
    byte[] second;

    @BeforeEach
    void threeCaptures() {
        source = uniqueSource("memento");
        url = "https://example.org/" + source + "/zelensky-biden";
        base = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
        second = bytes(samples().get(0));
        String[] times = {"2025-05-11T10:00:00Z", "2025-05-11T11:00:00Z", "2025-05-11T12:00:00Z"};
        for (int i = 0; i < 3; i++) {
            byte[] body = i == 1 ? second : (new String(second, java.nio.charset.StandardCharsets.UTF_8) + "\nCapture " + i + ".")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            given().header("Authorization", ARCHIVIST).contentType("text/plain; charset=utf-8").body(body)
                    .queryParam("source", source).queryParam("url", i == 2 ? url + "?utm_source=x" : url)
                    .queryParam("capturedAt", times[i]).post("/api/captures").then().statusCode(201);
        }
    }

    Response timegate(String uri, String acceptDatetime) {
        var r = given().redirects().follow(false);
        if (acceptDatetime != null) {
            r = r.header("Accept-Datetime", acceptDatetime);
        }
        return r.get("/memento/timegate/" + uri);
    }

    @Test
    void timegateRedirectsToTheBestMementoWithVaryAndLinks() {
        Map<String, String> expected = Map.of(
                "Sun, 11 May 2025 10:40:00 GMT", "20250511110000",
                "Sun, 11 May 2025 10:20:00 GMT", "20250511100000",
                "Sun, 11 May 2025 10:30:00 GMT", "20250511100000", // as close to both: the earlier
                "Sun, 11 May 2025 11:00:00 GMT", "20250511110000",
                "Sun, 11 May 2025 11:59:59 GMT", "20250511120000",
                "Sat, 01 Jan 2000 00:00:00 GMT", "20250511100000",
                "Fri, 01 Jan 2100 00:00:00 GMT", "20250511120000");
        expected.forEach((datetime, stamp) -> {
            Response r = timegate(url, datetime);
            assertEquals(302, r.statusCode(), datetime);
            assertEquals(base + "/memento/" + stamp + "/" + url, r.header("Location"), datetime);
            assertEquals("accept-datetime", r.header("Vary"));
            assertEquals("<" + url + ">; rel=\"original\", <" + base + "/memento/timemap/link/" + url
                    + ">; rel=\"timemap\"; type=\"application/link-format\"", r.header("Link"));
        });
        assertEquals(base + "/memento/20250511120000/" + url, timegate(url, null).header("Location"),
                "no Accept-Datetime means the latest");
        Response bad = timegate(url, "yesterday at noon");
        assertEquals(400, bad.statusCode());
        assertEquals("application/problem+json", bad.contentType());
        assertEquals(404, timegate("https://example.org/never-captured", null).statusCode());
    }

    @Test
    void urlVariantsReachTheSameTimeMap() {
        String host = url.replace("https://example.org", "https://EXAMPLE.org");
        for (String variant : List.of(host, url + "?utm_campaign=y&fbclid=z")) {
            assertEquals(base + "/memento/20250511120000/" + url, timegate(variant, null).header("Location"), variant);
        }
    }

    @Test
    void aMementoAnswersWithItsDatetimeRawBytesAndNeighbours() {
        Response r = given().redirects().follow(false).get("/memento/20250511110000/" + url);
        assertEquals(200, r.statusCode());
        assertArrayEquals(second, r.asByteArray());
        assertEquals("Sun, 11 May 2025 11:00:00 GMT", r.header("Memento-Datetime"));
        Map<String, Map<String, String>> links = parse(r.header("Link"));
        assertEquals("original", links.get(url).get("rel"));
        assertEquals("timegate", links.get(base + "/memento/timegate/" + url).get("rel"));
        assertEquals("timemap", links.get(base + "/memento/timemap/link/" + url).get("rel"));
        assertEquals("first prev memento", links.get(base + "/memento/20250511100000/" + url).get("rel"));
        assertEquals("Sun, 11 May 2025 10:00:00 GMT", links.get(base + "/memento/20250511100000/" + url).get("datetime"));
        assertEquals("next last memento", links.get(base + "/memento/20250511120000/" + url).get("rel"));

        given().get("/memento/20250511110000/" + url + "?view=normalized").then().statusCode(200)
                .contentType("text/plain").body(org.hamcrest.Matchers.startsWith("Zelensky, Biden discuss security"));
        Response between = given().redirects().follow(false).get("/memento/20250511104500/" + url);
        assertEquals(302, between.statusCode());
        assertEquals(base + "/memento/20250511110000/" + url, between.header("Location"));
    }

    @Test
    void theTimeMapListsOriginalSelfTimegateAndEveryMemento() {
        Response r = given().get("/memento/timemap/link/" + url);
        assertEquals(200, r.statusCode());
        assertEquals("application/link-format", r.contentType());
        Map<String, Map<String, String>> links = parse(r.asString());
        assertEquals(6, links.size());
        assertEquals("original", links.get(url).get("rel"));
        Map<String, String> self = links.get(base + "/memento/timemap/link/" + url);
        assertEquals(Map.of("rel", "self", "type", "application/link-format", "from", "Sun, 11 May 2025 10:00:00 GMT",
                "until", "Sun, 11 May 2025 12:00:00 GMT"), self);
        assertEquals("timegate", links.get(base + "/memento/timegate/" + url).get("rel"));
        assertEquals(Map.of("rel", "first memento", "datetime", "Sun, 11 May 2025 10:00:00 GMT"),
                links.get(base + "/memento/20250511100000/" + url));
        assertEquals(Map.of("rel", "memento", "datetime", "Sun, 11 May 2025 11:00:00 GMT"),
                links.get(base + "/memento/20250511110000/" + url));
        assertEquals(Map.of("rel", "last memento", "datetime", "Sun, 11 May 2025 12:00:00 GMT"),
                links.get(base + "/memento/20250511120000/" + url));
    }

    /** A small link-format (RFC 6690) parser: target → parameters. */
    static Map<String, Map<String, String>> parse(String value) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Matcher m = LINK.matcher(value);
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            Map<String, String> params = new LinkedHashMap<>();
            Matcher p = PARAM.matcher(m.group(2));
            while (p.find()) {
                params.put(p.group(1), p.group(2));
            }
            out.put(m.group(1), params);
            seen.add(m.group(1));
        }
        return out;
    }
}
