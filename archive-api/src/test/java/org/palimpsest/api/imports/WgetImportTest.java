package org.palimpsest.api.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palimpsest.api.TestArchive.uniqueSource;
import static org.palimpsest.api.imports.Imports.captures;
import static org.palimpsest.api.imports.Imports.importFile;
import static org.palimpsest.api.imports.Imports.summary;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.palimpsest.api.TestArchive;

/** A WARC written by wget (Debian's) of pages from a local server imports as the pages it holds. */
@QuarkusTest
class WgetImportTest {

    @Test
    void aWarcWrittenByWgetImportsEveryPageWithItsUrlAndTime() throws Exception {
        Path wget = Path.of("/usr/bin/wget");
        TestArchive.requireTool(Files.isExecutable(wget), "no /usr/bin/wget (apt-get install wget)");
        Map<String, String> pages = Map.of(
                "/2025/05/11/tram.html", WarcRecords.page("Tram line opens", "The new tram line opened to crowds."),
                "/2025/05/11/market.html", WarcRecords.page("Market moves", "The Saturday market moves to the quay."));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pages.forEach((path, html) -> server.createContext(path, exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }));
        server.start();
        Path dir = Files.createTempDirectory("wget-warc");
        try {
            List<String> command = new ArrayList<>(List.of(wget.toString(), "--no-verbose", "--warc-file="
                    + dir.resolve("crawl"), "--directory-prefix=" + dir.resolve("files")));
            pages.keySet().stream().sorted().forEach(p -> command.add("http://127.0.0.1:" + server.getAddress()
                    .getPort() + p));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "wget did not finish");
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), out);
        } finally {
            server.stop(0);
        }
        byte[] warc = Files.readAllBytes(dir.resolve("crawl.warc.gz"));
        List<String> expected = new ArrayList<>();
        try (WarcReader reader = new WarcReader(dir.resolve("crawl.warc.gz"))) {
            for (WarcRecord record : reader) {
                if (record instanceof WarcResponse response) {
                    String path = response.targetURI().getPath();
                    expected.add(response.date() + " " + response.target() + " "
                            + WarcRecords.sha256(WarcRecords.utf8(pages.get(path))));
                }
            }
        }
        expected.sort(null);
        String source = uniqueSource("wget");

        JsonPath job = importFile(source, "crawl.warc.gz", warc);

        assertEquals("completed", job.getString("status"), job.prettify());
        assertEquals(2, job.getInt("imported"));
        assertEquals(0, job.getInt("failed"), job.prettify());
        assertEquals(Map.of("not-a-capture", 6), job.getMap("reasons"), "warcinfo, 2 requests, metadata, 2 resources of wget's own");
        assertEquals(warc.length, job.getLong("bytesTotal"));
        List<JsonPath> captures = captures(source);
        assertEquals(expected, summary(captures));
        assertTrue(captures.get(0).getString("provenance.origin.warc.crawler").startsWith("Wget/"),
                captures.get(0).prettify());
        assertTrue(captures.get(0).getString("provenance.origin.warc.request").startsWith("GET /2025/05/11/"),
                captures.get(0).getString("provenance.origin.warc.request"));
        assertEquals("matches", captures.get(0).getString("provenance.origin.warc.payloadDigestCheck"));
        deleteRecursively(dir);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
