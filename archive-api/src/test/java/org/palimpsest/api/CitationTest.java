package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.bytes;
import static org.palimpsest.api.TestArchive.samples;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A version cited in CSL-JSON, BibTeX and RIS, pointing at its memento with its digest. */
@QuarkusTest
class CitationTest {
    static final String URL = "https://kyivindependent.com/zelensky-biden-discuss-security";

    @Test
    void aVersionIsCitedWithItsMementoFirstSeenAndLastCaptureInThreeFormats() {
        String source = uniqueSource("cite");
        JsonPath first = null;
        for (String at : List.of("2025-05-11T10:00:00Z", "2025-05-12T12:00:00Z")) {
            JsonPath c = given().header("Authorization", ARCHIVIST).contentType("text/plain")
                    .queryParam("source", source).queryParam("url", URL).queryParam("capturedAt", at)
                    .body(bytes(samples().get(0))).post("/api/captures").then().statusCode(201).extract().jsonPath();
            first = first == null ? c : first;
        }
        String path = "/api/articles/" + first.getString("articleId") + "/versions/" + first.getString("versionId");
        String digest = given().get(path).path("contentSha256");
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        String memento = base + "/memento/20250511100000/" + URL;
        String note = "Version first seen 2025-05-11T10:00:00Z by the Palimpsest news archive; content SHA-256 "
                + digest + "; original " + URL;

        assertEquals(String.join("\r\n", "TY  - NEWS", "TI  - Zelensky, Biden discuss security, diplomacy, aid to Ukraine",
                "T2  - " + source, "DA  - 2025/05/11/", "Y2  - 2025/05/12/", "UR  - " + memento, "L2  - " + URL,
                "DB  - Palimpsest news archive", "N1  - " + note, "ER  - ", ""),
                given().queryParam("format", "ris").get(path + "/citation").then().statusCode(200)
                        .contentType("application/x-research-info-systems").extract().asString());

        JsonPath csl = given().get(path + "/citation").then().statusCode(200)
                .contentType("application/vnd.citationstyles.csl+json").extract().jsonPath();
        assertEquals("article-newspaper", csl.getString("[0].type"));
        assertEquals("Zelensky, Biden discuss security, diplomacy, aid to Ukraine", csl.getString("[0].title"));
        assertEquals(source, csl.getString("[0].container-title"));
        assertEquals(URL, csl.getString("[0].URL"));
        assertEquals(memento, csl.getString("[0].archive_location"));
        assertEquals(List.of(List.of(2025, 5, 11)), csl.getList("[0].issued.date-parts"));
        assertEquals(List.of(List.of(2025, 5, 12)), csl.getList("[0].accessed.date-parts"));
        assertEquals(note, csl.getString("[0].note"));

        String bibtex = given().queryParam("format", "bibtex").get(path + "/citation").then().statusCode(200)
                .extract().asString();
        assertTrue(bibtex.startsWith("@article{palimpsest-" + first.getString("versionId").substring(0, 8) + ",\n"
                + "  title = {{Zelensky, Biden discuss security, diplomacy, aid to Ukraine}},\n"
                + "  journal = {" + source.replace("_", "\\_") + "},\n  year = {2025},\n  month = {may},\n"
                + "  url = {" + memento + "},\n  urldate = {2025-05-12},\n"), bibtex);

        given().get(memento.substring(base.length())).then().statusCode(200)
                .header("Memento-Datetime", "Sun, 11 May 2025 10:00:00 GMT");
        given().queryParam("format", "xml").get(path + "/citation").then().statusCode(400)
                .body("detail", equalTo("format 'xml' is not known: use csl-json, bibtex or ris"));
    }
}
