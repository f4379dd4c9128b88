package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.palimpsest.api.ArchiveShapes.at;
import static org.palimpsest.api.ArchiveShapes.text;
import static org.palimpsest.api.TestArchive.ADMIN;
import static org.palimpsest.api.TestArchive.post;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A whole-source re-derivation holds every capture of the source in memory; one larger than the server allows is
 * refused with a problem that says so, and nothing of it is written, instead of running the server out of heap (at
 * about 480,000 captures of the scale harness, 60,000 a source, one did: every request failed after it).
 */
@QuarkusTest
@TestProfile(RederiveLimitTest.OneCapture.class)
class RederiveLimitTest {
    public static class OneCapture implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("palimpsest.rederive.max-captures", "1");
        }
    }

    private static final String TICKER = "Live: Markets tumble as talks stall\n";

    @Test
    void aCaptureWhosePlacementNeedsALargerRederivationIsRefusedAndNotStored() {
        String source = uniqueSource("rederive-limit");
        post(source, (TICKER + text(0)).getBytes(StandardCharsets.UTF_8), "text/plain", at(0)).statusCode(201)
                .header("Palimpsest-Derived", "source"); // a source's first capture derives it: one capture

        post(source, (TICKER + text(2)).getBytes(StandardCharsets.UTF_8), "text/plain", at(1)).statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://palimpsest.example/problems/too-large-to-rederive"))
                .body("detail", containsString("re-derived from all its 2 captures"))
                .body("detail", containsString("re-derives at most 1"));

        assertEquals(List.of(1), given().queryParam("source", source).get("/api/articles").then().statusCode(200)
                .extract().path("items.captureCount"), "the refused capture was not stored");
        post(source, (TICKER + text(0)).getBytes(StandardCharsets.UTF_8), "text/plain", at(5)).statusCode(201)
                .header("Palimpsest-Derived", "article"); // an append needs no re-derivation
    }

    @Test
    void anOperatorsRederivationOfALargerSourceIsRefusedAndChangesNothing() {
        String source = uniqueSource("rederive-limit-admin");
        post(source, text(0).getBytes(StandardCharsets.UTF_8), "text/plain", at(0)).statusCode(201);
        post(source, text(0).getBytes(StandardCharsets.UTF_8), "text/plain", at(5)).statusCode(201);
        String before = given().get("/api/sources/" + source + "/template").then().statusCode(200).extract().asString();

        given().header("Authorization", ADMIN).post("/api/admin/sources/" + source + "/rederive").then()
                .statusCode(503).contentType("application/problem+json")
                .body("status", equalTo(503))
                .body("type", equalTo("https://palimpsest.example/problems/too-large-to-rederive"))
                .body("detail", containsString("re-derived from all its 2 captures (asked for by an operator)"));

        assertEquals(before, given().get("/api/sources/" + source + "/template").then().statusCode(200).extract()
                .asString());
    }
}
