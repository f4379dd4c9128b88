package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.palimpsest.api.TestArchive.ARCHIVIST;
import static org.palimpsest.api.TestArchive.READER;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every route of the OpenAPI document has a rule here, and answers by it: open to anyone, writes for the
 * archivist role, /api/admin/* for the admin role. A new route without a rule fails this test, and an endpoint
 * with no role annotation is refused (quarkus.security.jaxrs.deny-unannotated-endpoints).
 */
@QuarkusTest
class AccessRulesTest {
    /** FORM_ARCHIVIST: a web form that carries an archivist's token as a field (browsers send no bearer header). */
    enum Rule { OPEN, ARCHIVIST, ADMIN, FORM_ARCHIVIST }

    static final Map<String, Rule> RULES = new TreeMap<>();

    static {
        for (String open : List.of("/", "/search", "/articles/{articleId}", "/diff", "/captures/{captureId}", "/export",
                "/changes", "/api/exports", "/api/search", "/api/articles", "/api/articles/{articleId}",
                "/api/articles/{articleId}/versions/{versionId}", "/api/articles/{articleId}/versions/{versionId}/citation",
                "/api/articles/{articleId}/as-of/{instant}", "/api/sources/{source}/template", "/api/diff",
                "/memento/timegate/{uri}", "/memento/timemap/link/{uri}", "/memento/{timestamp}/{uri}", "/api/changes",
                "/feeds/changes.atom", "/feeds/articles/{articleId}.atom", "/api/captures/{id}", "/api/captures/{id}/raw",
                "/api/imports", "/api/imports/{id}", "/cdx", "/imports", "/imports/{id}", "/api/exports/{id}/manifest")) {
            RULES.put("GET " + open, Rule.OPEN);
        }
        for (String write : List.of("/api/captures", "/api/captures/batch", "/api/imports")) {
            RULES.put("POST " + write, Rule.ARCHIVIST);
        }
        RULES.put("GET /api/admin/inbox", Rule.ADMIN);
        RULES.put("GET /api/admin/indexing", Rule.ADMIN);
        RULES.put("POST /api/admin/indexing/retry", Rule.ADMIN);
        RULES.put("POST /api/admin/sources/{source}/rederive", Rule.ADMIN);
        RULES.put("POST /api/admin/reindex", Rule.ADMIN);
        RULES.put("GET /api/admin/blobs", Rule.ADMIN);
        RULES.put("POST /api/admin/blobs/migration", Rule.ADMIN);
        RULES.put("GET /api/admin/fixity", Rule.ADMIN);
        RULES.put("POST /api/admin/fixity", Rule.ADMIN);
        RULES.put("GET /api/admin/replica", Rule.ADMIN);
        RULES.put("POST /api/admin/rollover", Rule.ADMIN);
        RULES.put("POST /imports", Rule.FORM_ARCHIVIST);
    }

    static String concrete(String template) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "instant" -> "2025-05-11T10:00:00Z";
                case "source" -> "no-such-source";
                case "timestamp" -> "20250511100000";
                case "uri" -> "https://example.org/none";
                default -> UUID.randomUUID().toString();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    static int status(String route, String token) {
        String method = route.substring(0, route.indexOf(' '));
        String path = concrete(route.substring(route.indexOf(' ') + 1));
        RequestSpecification request = given().redirects().follow(false);
        if (token != null) {
            request.header("Authorization", token);
        }
        return method.equals("GET") ? request.get(path).statusCode() : request.post(path).statusCode();
    }

    @Test
    void everyRouteOfTheOpenApiDocumentHasARuleAndAnswersByIt() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").jsonPath().getMap("paths");
        List<String> routes = new ArrayList<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> List.of("get", "post", "put", "delete", "patch").contains(m))
                .forEach(m -> routes.add(m.toUpperCase() + " " + path)));
        assertEquals(RULES.keySet(), new java.util.TreeSet<>(routes), "every route has a rule");
        List<String> wrong = new ArrayList<>();
        RULES.forEach((route, rule) -> {
            int anonymous = status(route, null);
            switch (rule) {
                case OPEN -> {
                    if (anonymous == 401 || anonymous == 403) {
                        wrong.add(route + " refused anyone: " + anonymous);
                    }
                }
                case FORM_ARCHIVIST -> {
                    for (String token : new String[] {null, "not-a-token", READER.substring("Bearer ".length())}) {
                        var form = given().redirects().follow(false).multiPart("source", "access-rules")
                                .multiPart("file", "x.warc", new byte[] {1});
                        if (token != null) {
                            form.multiPart("token", token);
                        }
                        int status = form.post(route.substring(route.indexOf(' ') + 1)).statusCode();
                        if (status != (token != null && token.startsWith("test-reader") ? 403 : 401)) {
                            wrong.add(route + " answered " + status + " to the form token " + token);
                        }
                    }
                }
                case ARCHIVIST, ADMIN -> {
                    if (anonymous != 401) {
                        wrong.add(route + " answered " + anonymous + " without a token");
                    }
                    int reader = status(route, READER);
                    if (reader != 403) {
                        wrong.add(route + " answered " + reader + " to a reader");
                    }
                    if (rule == Rule.ADMIN && status(route, ARCHIVIST) != 403) {
                        wrong.add(route + " let an archivist in");
                    }
                }
            }
        });
        assertEquals(List.of(), wrong);
    }
}
