package org.palimpsest.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.palimpsest.bench.CpuMeter;
import org.palimpsest.core.json.Json;

/**
 * What the phases of one scale run share: the servers (the API, Elasticsearch, PostgreSQL), the API process's meters,
 * one seeded random source, the captures sampled for look-ups, and the report.
 */
final class ScaleRun {
    final HttpClient http = HttpClient.newHttpClient();
    final String api;
    final String es;
    final String token;
    final Connection db;
    final RssSampler rss;
    final CpuMeter cpu;
    final SplittableRandom random = new SplittableRandom(7);
    final Reservoir reservoir;
    final Report report = new Report();

    ScaleRun(String api, String es, String token, Connection db, RssSampler rss, CpuMeter cpu) {
        this.api = api;
        this.es = es;
        this.token = token;
        this.db = db;
        this.rss = rss;
        this.cpu = cpu;
        this.reservoir = new Reservoir(random);
    }

    /**
     * A pool of {@code n} daemon threads named {@code name} that send requests: a refused capture ends the run instead
     * of leaving the JVM waiting on idle senders.
     */
    static ExecutorService senders(int n, String name) {
        return Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Posts one capture on its own (it must be new: 201) and answers the API's view of it. */
    JsonNode postSingle(SyntheticArchive.Capture c) throws IOException, InterruptedException {
        return post(c, false);
    }

    /**
     * Posts one capture on its own with {@code async}: {@code Prefer: respond-async}, answered 202 once it is in the
     * inbox, placed later; else it must be new (201). Answers the API's answer.
     */
    JsonNode post(SyntheticArchive.Capture c, boolean async) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + "/api/captures?source="
                        + c.source() + "&url=" + enc(c.url()) + "&capturedAt=" + c.capturedAt()))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain; charset=utf-8");
        if (async) {
            request.header("Prefer", "respond-async");
        }
        HttpResponse<String> r = http.send(request.POST(HttpRequest.BodyPublishers.ofString(c.text())).build(),
                HttpResponse.BodyHandlers.ofString());
        check(r, async ? 202 : 201);
        return Json.MAPPER.readTree(r.body());
    }

    JsonNode getJson(String url) throws IOException {
        return Json.MAPPER.readTree(send(url));
    }

    /** A GET that must answer 200; its body. */
    static String send(String url) {
        Probe.Answer r = Probe.get(url, Map.of());
        if (r.status() != 200) {
            throw new IllegalStateException(url + " answered " + r.status() + ": " + r.body());
        }
        return r.body();
    }

    /** Reads a stream to its end; the number of bytes. */
    static long drain(InputStream in) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long n = 0;
        try (in) {
            for (int r; (r = in.read(buf)) > 0; ) {
                n += r;
            }
        }
        return n;
    }

    static void check(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    static void check(int got, int want, String what) {
        if (got != want) {
            throw new IllegalStateException(what + " answered " + got + ", expected " + want);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
