package org.palimpsest.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.difflib.DiffUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.palimpsest.bench.CpuMeter;
import org.palimpsest.bench.Harness;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.palimpsest.core.identity.CanonicalUrl;
import org.palimpsest.core.json.Json;

/**
 * The load and scale harness (bin/bench-scale runs it against the real stack it provisions on loopback). It grows a
 * synthetic archive ({@link SyntheticArchive}) through the API to each size asked for and, at each size, measures
 * every figure next to a baseline taken in the same run: batch and single ingest against a bare JDBC batch insert and
 * a COPY of the same payloads; as-of and TimeGate look-ups against the same look-up as one SQL statement; diffs
 * against a bare java-diff-utils call on the same tokens; search against the same query sent straight to
 * Elasticsearch; export against a COPY of the same rows; and the API process's resident memory throughout.
 */
public final class ScaleHarness {
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    static final int RESERVOIR = 2_000;
    static final int LOOKUPS = 2_000;
    static final int LOOKUPS_WARMUP = 5_000;
    static final int SEARCHES = 300;
    static final int SEARCHES_WARMUP = 300;
    static final int DIFFS = 200;
    static final int SINGLES = 300;
    /** How often (in captures) batch ingest reports its rate and the CPU it cost, on stderr. */
    static final int PROGRESS_EVERY = 5_000;
    static final int BASELINE_ROWS = 10_000;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String api;
    private final String es;
    private final String token;
    private final Connection db;
    private final RssSampler rss;
    private final CpuMeter cpu;
    private final SplittableRandom random = new SplittableRandom(7);
    private final List<Sample> reservoir = new ArrayList<>();
    private final List<String> revised = new ArrayList<>();
    private long seen;
    private final Report report = new Report();

    /** A capture the harness keeps for later look-ups (a uniform sample of all captures). */
    record Sample(String articleId, String url, Instant capturedAt) {
    }

    ScaleHarness(String api, String es, String token, Connection db, RssSampler rss, CpuMeter cpu) {
        this.api = api;
        this.es = es;
        this.token = token;
        this.db = db;
        this.rss = rss;
        this.cpu = cpu;
    }

    public static void main(String[] args) throws Exception {
        String api = arg(args, "api", "http://127.0.0.1:8091");
        String es = arg(args, "es", "http://127.0.0.1:9203");
        String jdbc = arg(args, "db", "jdbc:postgresql://127.0.0.1:5432/palimpsest_scale?user=postgres");
        long[] sizes = Arrays.stream(arg(args, "sizes", "1000,5000").split(",")).mapToLong(Long::parseLong).toArray();
        int sources = Integer.parseInt(arg(args, "sources", "8"));
        long seed = Long.parseLong(arg(args, "seed", "42"));
        int batch = Integer.parseInt(arg(args, "batch", "200"));
        List<String> samples = Harness.samples(arg(args, "samples", "docs/samples"));
        long apiPid = Long.parseLong(arg(args, "api-pid", "0"));
        try (Connection db = DriverManager.getConnection(jdbc); RssSampler rss = new RssSampler(apiPid)) {
            ScaleHarness h = new ScaleHarness(api, es, arg(args, "token", "demo-archivist-token"), db, rss,
                    new CpuMeter(apiPid));
            long start = System.nanoTime();
            if (Arrays.asList(args).contains("--existing")) {
                // The archive a previous run left: no ingest, the look-ups sampled from what the database holds.
                long size = h.sampleExisting();
                h.report.startSize(size);
                h.report.note("measured the archive a previous run left (nothing ingested in this run)");
                h.measure(size, start);
            } else {
                SyntheticArchive archive = new SyntheticArchive(samples, sources, sizes[sizes.length - 1], seed);
                long size = 0;
                for (long target : sizes) {
                    h.report.startSize(target);
                    h.ingest(archive, target - size, batch);
                    size = target;
                    h.awaitIndexed();
                    h.measure(target, start);
                }
            }
            Files.writeString(Path.of(arg(args, "out", "archive-bench/target/scale-report.md")), h.report.all());
        }
    }

    /** Every figure but ingest, at the archive's present size. */
    void measure(long size, long start) throws Exception {
        phase(size, "look-ups");
        lookups();
        phase(size, "diffs");
        diffs();
        phase(size, "searches");
        searches();
        phase(size, "export");
        export("synthetic-a");
        report.row("API resident memory, max (MB)", rss.maxMb(), Double.NaN, "≤ 512");
        report.note(String.format(Locale.ROOT, "harness running for %.0f s", (System.nanoTime() - start) / 1e9));
        System.out.println(report.table(size));
    }

    /**
     * Fills the look-up reservoir with a uniform sample of the captures the database holds (and the revised
     * articles with versions after the first), as ingest would have; answers the number of captures.
     */
    long sampleExisting() throws SQLException {
        try (var st = db.createStatement()) {
            long captures;
            try (ResultSet rs = st.executeQuery("select count(*) from capture")) {
                rs.next();
                captures = rs.getLong(1);
            }
            double percent = Math.min(100, 100.0 * 2 * RESERVOIR / Math.max(1, captures));
            try (ResultSet rs = st.executeQuery(String.format(Locale.ROOT, "select article_id, url, captured_at"
                    + " from capture tablesample bernoulli (%.6f) repeatable (7) where article_id is not null"
                    + " limit %d", percent, RESERVOIR))) {
                while (rs.next()) {
                    reservoir.add(new Sample(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
                }
            }
            try (ResultSet rs = st.executeQuery("select article_id from version where version_number >= 2"
                    + " and superseded_by is null order by md5(id::text) limit " + DIFFS)) {
                while (rs.next()) {
                    revised.add(rs.getString(1));
                }
            }
            return captures;
        }
    }

    private static void phase(long size, String what) {
        System.out.printf("%s at %,d captures: %s%n", java.time.LocalTime.now().withNano(0), size, what);
    }

    // ---------------------------------------------------------------- ingest

    void ingest(SyntheticArchive archive, long count, int batchSize) throws Exception {
        List<SyntheticArchive.Capture> kept = new ArrayList<>();
        long bytes = 0;
        // Single captures first (a few hundred), then batches: both are part of the archive.
        int singles = (int) Math.min(SINGLES, count / 10);
        long t0 = System.nanoTime();
        for (int i = 0; i < singles; i++) {
            SyntheticArchive.Capture c = archive.next();
            kept.add(c);
            bytes += c.text().length();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api + "/api/captures?source="
                            + c.source() + "&url=" + enc(c.url()) + "&capturedAt=" + c.capturedAt()))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(c.text())).build(), HttpResponse.BodyHandlers.ofString());
            check(r, 201);
            keep(Json.MAPPER.readTree(r.body()));
        }
        double singleSecs = (System.nanoTime() - t0) / 1e9;
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "batch-sender");
            t.setDaemon(true); // a refused line ends the run instead of leaving the JVM waiting on idle senders
            return t;
        });
        List<Future<List<JsonNode>>> inFlight = new ArrayList<>();
        long remaining = count - singles;
        long t1 = System.nanoTime();
        long windowStart = t1;
        long windowCaptures = 0;
        CpuMeter.Reading windowCpu = cpu.read();
        while (remaining > 0) {
            int n = (int) Math.min(batchSize, remaining);
            StringBuilder body = new StringBuilder(n * 7_000);
            for (int i = 0; i < n; i++) {
                SyntheticArchive.Capture c = archive.next();
                if (kept.size() < BASELINE_ROWS) {
                    kept.add(c);
                }
                bytes += c.text().length();
                ObjectNode line = Json.MAPPER.createObjectNode().put("source", c.source()).put("url", c.url())
                        .put("capturedAt", c.capturedAt().toString()).put("contentType", "text/plain")
                        .put("content", c.text());
                body.append(Json.MAPPER.writeValueAsString(line)).append('\n');
            }
            remaining -= n;
            String payload = body.toString();
            inFlight.add(pool.submit(() -> postBatch(payload)));
            if (inFlight.size() >= 2) {
                inFlight.remove(0).get().forEach(this::keep);
            }
            windowCaptures += n;
            if (windowCaptures >= PROGRESS_EVERY || remaining == 0) {
                long now = System.nanoTime();
                CpuMeter.Reading used = cpu.read();
                CpuMeter.Reading spent = used.minus(windowCpu);
                System.err.printf("ingest: %,d to go; last %,d at %.0f captures/s, CPU per capture: API %.2f ms,"
                                + " PostgreSQL %.2f ms%n", remaining, windowCaptures,
                        windowCaptures / ((now - windowStart) / 1e9), spent.api() * 1000 / windowCaptures,
                        spent.postgres() * 1000 / windowCaptures);
                windowStart = now;
                windowCaptures = 0;
                windowCpu = used;
            }
        }
        for (Future<List<JsonNode>> f : inFlight) {
            f.get().forEach(this::keep);
        }
        pool.shutdown();
        double batchSecs = (System.nanoTime() - t1) / 1e9;
        double batchRate = (count - singles) / batchSecs;
        double[] baselines = baselineInserts(kept);
        report.row("batch ingest (captures/s)", batchRate, baselines[0], "≥ 1,500 and ≥ 0.3× JDBC batch");
        report.row("batch ingest vs COPY (captures/s)", batchRate, baselines[1], "");
        report.row("single ingest (captures/s)", singles / singleSecs, baselines[0], "");
        report.note(String.format(Locale.ROOT, "ingested %,d captures (%.1f MB of text) in %.1f s", count,
                bytes / 1e6, singleSecs + batchSecs));
    }

    private List<JsonNode> postBatch(String payload) {
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(api + "/api/captures/batch"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofInputStream());
            List<JsonNode> out = new ArrayList<>();
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    JsonNode node = Json.MAPPER.readTree(line);
                    if (node.has("type")) { // a problem: only accepted captures carry no type
                        throw new IllegalStateException("a batch line was refused: " + line);
                    }
                    out.add(node);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reservoir sampling over every capture the API accepted; versions after the first are kept for diffs. */
    private void keep(JsonNode capture) {
        seen++;
        Sample s = new Sample(capture.get("articleId").asText(), capture.get("url").asText(),
                Instant.parse(capture.get("capturedAt").asText()));
        if (reservoir.size() < RESERVOIR) {
            reservoir.add(s);
        } else {
            long at = random.nextLong(seen);
            if (at < RESERVOIR) {
                reservoir.set((int) at, s);
            }
        }
        if (capture.path("newVersion").asBoolean() && capture.path("versionNumber").asInt() >= 2) {
            if (revised.size() < DIFFS) {
                revised.add(capture.get("articleId").asText());
            } else {
                revised.set(random.nextInt(DIFFS), capture.get("articleId").asText());
            }
        }
    }

    /** The same payloads as bare rows: a JDBC batch insert and a COPY, in captures per second. */
    private double[] baselineInserts(List<SyntheticArchive.Capture> rows) throws SQLException, IOException {
        try (var st = db.createStatement()) {
            st.execute("create table if not exists scale_baseline (id bigserial primary key, source text not null,"
                    + " url text, captured_at timestamptz not null, content text not null)");
            st.execute("truncate scale_baseline");
        }
        db.setAutoCommit(false);
        long t0 = System.nanoTime();
        try (PreparedStatement insert = db.prepareStatement(
                "insert into scale_baseline (source, url, captured_at, content) values (?, ?, ?, ?)")) {
            int n = 0;
            for (SyntheticArchive.Capture c : rows) {
                insert.setString(1, c.source());
                insert.setString(2, c.url());
                insert.setTimestamp(3, Timestamp.from(c.capturedAt()));
                insert.setString(4, c.text());
                insert.addBatch();
                if (++n % 200 == 0) {
                    insert.executeBatch();
                    db.commit();
                }
            }
            insert.executeBatch();
            db.commit();
        }
        double jdbc = rows.size() / ((System.nanoTime() - t0) / 1e9);
        db.setAutoCommit(true);
        try (var st = db.createStatement()) {
            st.execute("truncate scale_baseline");
        }
        long t1 = System.nanoTime();
        CopyIn copyIn = db.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "copy scale_baseline (source, url, captured_at, content) from stdin");
        for (SyntheticArchive.Capture c : rows) {
            byte[] line = (c.source() + '\t' + c.url() + '\t' + c.capturedAt() + '\t'
                    + c.text().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n") + '\n')
                    .getBytes(StandardCharsets.UTF_8);
            copyIn.writeToCopy(line, 0, line.length);
        }
        copyIn.endCopy();
        double copy = rows.size() / ((System.nanoTime() - t1) / 1e9);
        try (var st = db.createStatement()) {
            st.execute("drop table scale_baseline");
        }
        return new double[] {jdbc, copy};
    }

    // ---------------------------------------------------------------- indexing

    void awaitIndexed() throws Exception {
        long t0 = System.nanoTime();
        JsonNode status = getJson(api + "/api/admin/indexing");
        long backlog = status.get("backlog").asLong();
        double lagAtEnd = status.path("lag").asDouble(); // seconds
        while (backlog > 0) {
            Thread.sleep(250);
            backlog = getJson(api + "/api/admin/indexing").get("backlog").asLong();
        }
        double drain = (System.nanoTime() - t0) / 1e9;
        report.row("index backlog drained after ingest ended (s)", drain, Double.NaN, "");
        report.row("age of the oldest unindexed event when ingest ended (s)", lagAtEnd, Double.NaN, "");
    }

    // ---------------------------------------------------------------- look-ups

    void lookups() throws Exception {
        Stats asOf = new Stats();
        Stats timegate = new Stats();
        Stats sqlAsOf = new Stats();
        Stats sqlTimegate = new Stats();
        try (PreparedStatement byArticle = db.prepareStatement("select id, version_id from capture where article_id = ?"
                + " and captured_at <= ? order by captured_at desc, raw_sha256 desc limit 1");
                PreparedStatement byUrl = db.prepareStatement("select id, captured_at from capture where url_key = ?"
                        + " and captured_at <= ? order by captured_at desc limit 1")) {
            for (int i = 0; i < LOOKUPS_WARMUP + LOOKUPS; i++) {
                Sample s = reservoir.get(random.nextInt(reservoir.size()));
                Instant at = s.capturedAt().plusSeconds(random.nextInt(7200));
                // The first ones compile the look-up paths of the API and of this client, and warm the caches: a
                // server answering look-ups has answered many before.
                boolean measured = i >= LOOKUPS_WARMUP;
                String surt = CanonicalUrl.of(s.url()).surtKey();
                long a0 = System.nanoTime();
                Probe.Answer r = Probe.get(api + "/api/articles/" + s.articleId() + "/as-of/" + at, Map.of());
                long a1 = System.nanoTime();
                check(r.status(), 200, "as-of");
                // The TimeGate of the article's address; tracking parameters would canonicalise to the same one.
                Probe.Answer g = Probe.get(api + "/memento/timegate/" + s.url().replaceFirst("\\?.*", ""),
                        Map.of("Accept-Datetime", HTTP_DATE.format(at)));
                long a2 = System.nanoTime();
                check(g.status(), 302, "timegate");
                byArticle.setObject(1, java.util.UUID.fromString(s.articleId()));
                byArticle.setTimestamp(2, Timestamp.from(at));
                long b0 = System.nanoTime();
                try (ResultSet rs = byArticle.executeQuery()) {
                    rs.next();
                }
                long b1 = System.nanoTime();
                byUrl.setString(1, surt);
                byUrl.setTimestamp(2, Timestamp.from(at));
                try (ResultSet rs = byUrl.executeQuery()) {
                    rs.next();
                }
                long b2 = System.nanoTime();
                if (measured) {
                    asOf.add(a1 - a0);
                    timegate.add(a2 - a1);
                    sqlAsOf.add(b1 - b0);
                    sqlTimegate.add(b2 - b1);
                }
            }
        }
        report.latency("as-of", asOf, sqlAsOf, "p99 ≤ 5 ms at 1M");
        report.latency("TimeGate", timegate, sqlTimegate, "p99 ≤ 5 ms at 1M");
    }

    // ---------------------------------------------------------------- diffs

    void diffs() throws Exception {
        record Pair(String url, List<String> from, List<String> to) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (String articleId : revised) {
            JsonNode timeline = getJson(api + "/api/articles/" + articleId).get("timeline");
            if (timeline.size() < 2) {
                continue;
            }
            int i = 1 + random.nextInt(timeline.size() - 1);
            pairs.add(new Pair(api + "/api/diff?from=" + timeline.get(i - 1).get("versionId").asText() + "&to="
                    + timeline.get(i).get("versionId").asText(), tokens(timeline.get(i - 1)), tokens(timeline.get(i))));
        }
        Stats ours = new Stats();
        Stats bare = new Stats();
        for (int round = 0; round < 2; round++) { // the first round warms both sides up and is not kept
            Stats keptOurs = round == 0 ? new Stats() : ours;
            Stats keptBare = round == 0 ? new Stats() : bare;
            for (Pair pair : pairs) {
                keptOurs.time(() -> send(pair.url()).length());
                keptBare.time(() -> DiffUtils.diff(pair.from(), pair.to()).getDeltas().size());
            }
        }
        report.latency("diff, word (API, two versions)", ours, bare, "");
    }

    private static List<String> tokens(JsonNode version) {
        List<String> out = new ArrayList<>(Arrays.asList(version.get("headline").asText().split("\\s+")));
        version.get("paragraphs").forEach(p -> out.addAll(Arrays.asList(p.asText().split("\\s+"))));
        return out;
    }

    // ---------------------------------------------------------------- search

    void searches() throws Exception {
        Stats ours = new Stats();
        Stats bare = new Stats();
        for (int i = 0; i < SEARCHES_WARMUP + SEARCHES; i++) {
            Sample s = reservoir.get(random.nextInt(reservoir.size()));
            JsonNode article = getJson(api + "/api/articles/" + s.articleId());
            String[] words = article.get("headline").asText().split("\\s+");
            String q = words[random.nextInt(words.length)];
            boolean asOf = i % 2 == 0;
            String url = api + "/api/search?q=" + enc(q) + (asOf ? "&asOf=" + s.capturedAt() : "");
            // The same work as the API asks of Elasticsearch: the query, its filter, highlights and both facets.
            String body = "{\"size\":20,\"_source\":{\"excludes\":[\"body\"]},\"track_total_hits\":true,\"query\":{\"bool\":{\"must\":{\"simple_query_string\":"
                    + "{\"query\":" + Json.MAPPER.writeValueAsString(q) + ",\"fields\":[\"headline^2\",\"body\"],\"default_operator\":\"and\"}},"
                    + "\"filter\":" + (asOf ? "{\"range\":{\"validity\":{\"gte\":\"" + s.capturedAt() + "\",\"lte\":\""
                    + s.capturedAt() + "\"}}}" : "{\"term\":{\"current\":true}}") + "}},"
                    + "\"highlight\":{\"pre_tags\":[\"<mark>\"],\"post_tags\":[\"</mark>\"],\"fields\":{\"headline\":"
                    + "{\"number_of_fragments\":0},\"body\":{\"fragment_size\":160,\"number_of_fragments\":3}}},"
                    + "\"aggs\":{\"sources\":{\"terms\":{\"field\":\"source\",\"size\":100}},\"months\":"
                    + "{\"date_histogram\":{\"field\":\"firstCapturedAt\",\"calendar_interval\":\"month\","
                    + "\"format\":\"yyyy-MM\",\"min_doc_count\":1}}}}";
            // Whichever goes second finds Elasticsearch's caches warm for the query: each goes first half the time.
            boolean oursFirst = i % 4 < 2;
            long t0 = System.nanoTime();
            Probe.Answer r = oursFirst ? null : Probe.post(es + "/palimpsest-versions/_search", "application/json", body);
            long t1 = System.nanoTime();
            send(url);
            long t2 = System.nanoTime();
            if (oursFirst) {
                r = Probe.post(es + "/palimpsest-versions/_search", "application/json", body);
            }
            long t3 = System.nanoTime();
            check(r.status(), 200, "Elasticsearch search");
            if (i >= SEARCHES_WARMUP) {
                ours.add(t2 - t1);
                bare.add(oursFirst ? t3 - t2 : t1 - t0);
            }
        }
        report.latency("search (half of them as of a past instant)", ours, bare, "p99 ≤ 50 ms");
    }

    // ---------------------------------------------------------------- export

    void export(String source) throws Exception {
        // Twice: the first export of a server's life also compiles the export path and reads from disk what the
        // caches do not hold; the second is what a running archive gives.
        double[] first = exportOnce(source);
        double[] again = exportOnce(source);
        long bytes = (long) again[0];
        double secs = again[1];
        var counter = new java.io.OutputStream() {
            long n;

            @Override
            public void write(int b) {
                n++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                n += len;
            }
        };
        long t1 = System.nanoTime();
        db.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (select v.*, a.url, a.canonical_url from version v"
                + " join article a on a.id = v.article_id where a.source = '" + source + "' and v.superseded_by is null"
                + " order by v.article_id, v.version_number) to stdout", counter);
        double copySecs = (System.nanoTime() - t1) / 1e9;
        report.row("export JSONL of one source, first (MB/s)", first[0] / 1e6 / first[1], counter.n / 1e6 / copySecs, "");
        report.row("export JSONL of one source, again (MB/s)", bytes / 1e6 / secs, counter.n / 1e6 / copySecs,
                "≥ 50 MB/s");
        report.note(String.format(Locale.ROOT, "export of %s: %.1f MB in %.2f s (first: %.2f s); COPY of its version"
                + " rows %.1f MB", source, bytes / 1e6, secs, first[1], counter.n / 1e6));
    }

    /** One JSONL export of the source: its bytes and seconds. */
    private double[] exportOnce(String source) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(api + "/api/exports?format=jsonl&source="
                + source)).build(), HttpResponse.BodyHandlers.ofInputStream());
        check(r.statusCode(), 200, "export");
        long bytes = drain(r.body());
        return new double[] {bytes, (System.nanoTime() - t0) / 1e9};
    }

    // ---------------------------------------------------------------- plumbing

    private JsonNode getJson(String url) throws IOException {
        return Json.MAPPER.readTree(send(url));
    }

    private static String send(String url) {
        Probe.Answer r = Probe.get(url, Map.of());
        if (r.status() != 200) {
            throw new IllegalStateException(url + " answered " + r.status() + ": " + r.body());
        }
        return r.body();
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long n = 0;
        try (in) {
            for (int r; (r = in.read(buf)) > 0; ) {
                n += r;
            }
        }
        return n;
    }

    private static void check(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static void check(int got, int want, String what) {
        if (got != want) {
            throw new IllegalStateException(what + " answered " + got + ", expected " + want);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String arg(String[] args, String name, String def) {
        return Harness.arg(args, name, def);
    }
}
