package org.palimpsest.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palimpsest.api.TestArchive.post;
import static org.palimpsest.api.TestArchive.samples;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.palimpsest.api.Eventually;
import org.palimpsest.api.TestArchive;

/**
 * The web interface in a real browser: Debian's headless Chromium, driven through the system chromedriver
 * (bin/test installs both). Screenshots of every step are kept in archive-api/target/screenshots.
 */
@QuarkusTest
class BrowserTest {
    static final Path CHROMIUM = Path.of(System.getProperty("palimpsest.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("palimpsest.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static WebDriver browser;
    static Path profile;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void startBrowser() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser tests need Debian's chromium and chromium-driver: bin/test installs them"
                        + " (apt-get install chromium chromium-driver)");
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory("palimpsest-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // No network beyond loopback on this machine: keep Chromium from reaching out at start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1600", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void aReaderSearchesOpensTheArticleAndSeesTheEditHighlightedInTheDiff() throws IOException {
        String source = uniqueSource("browser");
        String base = new String(TestArchive.bytes(samples().get(0)), StandardCharsets.UTF_8);
        post(source, base.getBytes(StandardCharsets.UTF_8), "text/plain", "2025-05-11T10:00:00Z").statusCode(201);
        post(source, base.replace("fourth overall", "fourth overall, aboard Kilimanjaro")
                .getBytes(StandardCharsets.UTF_8), "text/plain", "2025-05-12T10:00:00Z").statusCode(201);
        Eventually.await(Duration.ofSeconds(30), () -> io.restassured.RestAssured.given()
                        .queryParams(Map.of("q", "Kilimanjaro", "source", source)).get("/api/search")
                        .then().extract().jsonPath().getInt("total"), total -> total == 1,
                "the edit to be searchable");

        browser.get(root.toString());
        WebElement box = browser.findElement(By.cssSelector("input[type=search][name=q]"));
        assertEquals("Search what was published", browser.findElement(By.cssSelector("label[for=home-q]"))
                .getText().strip());
        box.sendKeys("Kilimanjaro", Keys.ENTER);
        waitForTitle("Kilimanjaro – Search");
        browser.findElement(By.id("source")).sendKeys(source, Keys.ENTER);
        waitFor(By.cssSelector("ol.hits li"));
        screenshot("1-search");
        List<WebElement> hits = browser.findElements(By.cssSelector("ol.hits li"));
        assertEquals(1, hits.size());
        assertEquals("Kilimanjaro", hits.get(0).findElement(By.tagName("mark")).getText());
        assertTrue(hits.get(0).getText().contains("version 2"), hits.get(0).getText());
        assertEquals(source + " (1)", browser.findElement(By.cssSelector(".facets li")).getText());

        hits.get(0).findElement(By.cssSelector("h3 a")).click();
        waitFor(By.cssSelector("svg.timeline"));
        screenshot("2-article");
        assertEquals("Zelensky, Biden discuss security, diplomacy, aid to Ukraine",
                browser.findElement(By.tagName("h1")).getText());
        assertEquals(2, browser.findElements(By.cssSelector("svg.timeline rect")).size());
        assertEquals(2, browser.findElements(By.cssSelector("svg.timeline circle")).size());
        WebElement v2 = browser.findElement(By.id("v2"));
        assertEquals(List.of("removed overall.", "added overall, aboard Kilimanjaro."),
                v2.findElements(By.cssSelector("ul li")).stream().map(WebElement::getText).toList());

        v2.findElement(By.linkText("see the changes side by side")).click();
        waitFor(By.cssSelector(".cols"));
        screenshot("3-diff");
        List<WebElement> inserted = browser.findElements(By.cssSelector("section[aria-labelledby=after-heading] ins"));
        assertEquals(List.of("overall, aboard Kilimanjaro."), inserted.stream().map(WebElement::getText).toList());
        assertEquals(List.of("overall."), browser.findElements(By.cssSelector(
                "section[aria-labelledby=before-heading] del")).stream().map(WebElement::getText).toList());
        assertTrue(browser.findElements(By.cssSelector("section[aria-labelledby=before-heading] ins")).isEmpty());
        assertEquals("3 words inserted, 1 deleted, 555 unchanged; similarity 1.00.",
                browser.findElement(By.cssSelector(".stats")).getText());

        browser.navigate().back();
        waitFor(By.cssSelector("svg.timeline"));
        browser.findElement(By.cssSelector("#v2 p.meta a[href^='/captures/']")).click();
        waitFor(By.id("removed-heading"));
        screenshot("4-capture");
        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("Capture of Zelensky, Biden"));
        assertEquals("the exact bytes as captured", browser.findElement(By.partialLinkText("exact bytes")).getText());
    }

    @Test
    void aReaderFindsTheStealthEditAndTheCorrectionOnTheChangesPageAndCitesTheVersion() throws IOException {
        String source = uniqueSource("browser-changes");
        String base = new String(TestArchive.bytes(samples().get(0)), StandardCharsets.UTF_8);
        String fixed = base.replace("over 120,000 troops", "over 127,000 troops");
        String notice = "Correction: An earlier version of this story misstated the number of troops.";
        post(source, base.getBytes(StandardCharsets.UTF_8), "text/plain", "2025-05-11T10:00:00Z").statusCode(201);
        post(source, fixed.getBytes(StandardCharsets.UTF_8), "text/plain", "2025-05-12T10:00:00Z").statusCode(201);
        post(source, fixed.replace("\nMost Popular", "\n" + notice + "\nMost Popular").getBytes(StandardCharsets.UTF_8),
                "text/plain", "2025-05-13T10:00:00Z").statusCode(201);

        browser.get(root + "changes?source=" + source);
        waitFor(By.cssSelector("ol.changes li"));
        screenshot("5-changes");
        List<WebElement> items = browser.findElements(By.cssSelector("ol.changes li"));
        assertEquals(2, items.size());
        assertEquals(List.of("correction", "notice"), badges(items.get(0)));
        assertEquals(List.of("stealth edit", "figures"), badges(items.get(1)));
        assertEquals(1, browser.findElements(By.cssSelector("link[rel=alternate][type='application/atom+xml']"))
                .size());

        items.get(1).findElement(By.linkText("see the changes side by side")).click();
        waitFor(By.cssSelector(".cols"));
        assertEquals(List.of("127,000"), browser.findElements(By.cssSelector(
                "section[aria-labelledby=after-heading] ins")).stream().map(WebElement::getText).toList());

        browser.navigate().back();
        waitFor(By.cssSelector("ol.changes li"));
        browser.findElements(By.cssSelector("ol.changes li h2 a")).get(0).click();
        waitFor(By.id("cite-heading"));
        screenshot("6-article-changes");
        assertEquals(List.of("stealth edit", "figures"), badges(browser.findElement(By.id("v2"))));
        assertEquals(List.of("correction", "notice"), badges(browser.findElement(By.id("v3"))));
        assertEquals(List.of("CSL-JSON", "BibTeX", "RIS"), browser.findElements(By.cssSelector(
                "a[href*='/citation?format=']")).stream().map(WebElement::getText).toList());
    }

    @Test
    void aCapturedPagesScriptNeitherRunsNorReachesOutWhenReplayedThroughTheRawOrMementoLink() throws Exception {
        java.util.concurrent.atomic.AtomicInteger beacons = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer local = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        local.createContext("/", exchange -> {
            beacons.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        local.start();
        try {
            String url = "https://evil.example/news/" + uniqueSource("replay");
            String html = "<html><head><title>Quiet headline of the page</title>"
                    + "<script>document.title = 'script ran'; new Image().src = 'http://127.0.0.1:"
                    + local.getAddress().getPort() + "/from-script.png';</script></head><body>"
                    + "<h1>Quiet headline of the page</h1><p>A sentence of the article body, long enough to keep.</p>"
                    + "<img src=\"http://127.0.0.1:" + local.getAddress().getPort() + "/beacon.png\"></body></html>";
            String id = io.restassured.RestAssured.given().header("Authorization", TestArchive.ARCHIVIST)
                    .contentType("text/html; charset=utf-8").queryParam("source", uniqueSource("replay"))
                    .queryParam("url", url).queryParam("capturedAt", "2025-05-11T10:00:00Z")
                    .body(html.getBytes(StandardCharsets.UTF_8)).post("/api/captures").then().statusCode(201)
                    .extract().path("captureId");
            for (String replay : List.of("api/captures/" + id + "/raw", "memento/20250511100000/" + url)) {
                io.restassured.RestAssured.given().get("/" + replay).then().statusCode(200)
                        .header("Content-Security-Policy", org.palimpsest.api.http.SecurityHeaders.REPLAY_POLICY)
                        .header("X-Content-Type-Options", "nosniff");
                browser.get(root + replay);
                waitFor(By.tagName("h1"));
                Thread.sleep(500); // time for a script or an image request, had they been allowed
                assertEquals("Quiet headline of the page", browser.getTitle(), replay);
            }
            screenshot("7-replay-sandboxed");
            assertEquals(0, beacons.get(), "no request left the sandboxed replays");
            io.restassured.RestAssured.given().get("/").then().statusCode(200)
                    .header("Content-Security-Policy", org.palimpsest.api.http.SecurityHeaders.PAGE_POLICY)
                    .header("X-Frame-Options", "DENY");
        } finally {
            local.stop(0);
        }
    }

    private static List<String> badges(WebElement item) {
        return item.findElements(By.cssSelector(".badge")).stream().map(WebElement::getText).toList();
    }

    private void waitFor(By what) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(what).isEmpty());
    }

    private void waitForTitle(String start) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getTitle().startsWith(start));
    }

    private static void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
