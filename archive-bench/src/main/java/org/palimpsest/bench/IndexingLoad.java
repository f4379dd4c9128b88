package org.palimpsest.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.palimpsest.core.json.Json;
import org.palimpsest.indexer.index.VersionDocument;
import org.palimpsest.indexer.index.IndexConfig;
import org.palimpsest.indexer.index.VersionIndex;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.WithDefault;
import java.lang.reflect.Proxy;
import java.time.Duration;

/**
 * Load harness for indexing (bin/bench-indexing runs it against servers it provisions on loopback).
 *
 * <p>Part 1, bulk: writes {@code docs} distinct version documents (each body as long as a sample, words drawn from the
 * samples' vocabulary) into a scratch index through
 * {@link VersionIndex#write}, the path the outbox consumer uses, and reports documents per second. A first pass of
 * {@code bulk-warmup} documents into another scratch index is not measured: it compiles the hot paths of both JVMs,
 * as they are in a server that has been running.
 *
 * <p>Part 2, lag: posts captures to the running API at {@code rate} per second for {@code seconds}, spread over
 * {@code sources} sources: a third start a synthetic article, a third revisit an earlier one unchanged, a third
 * edit one (adding a unique token); one per request, or {@code batch} at a time as one NDJSON batch request at the
 * due time of its first (the way a crawler's captures arrive). A sampler searches through the API for the token of every
 * {@code sample-every}th capture (20th by default) until it is found (all versions), sweeping every 100 ms; it
 * reports how often it searched, as its searches are load too. Lag is the time from the answer (the commit) to the
 * first search that finds it.
 */
public final class IndexingLoad {
    public static void main(String[] args) throws Exception {
        String es = arg(args, "es", "127.0.0.1:9202");
        String api = arg(args, "api", "http://127.0.0.1:8090");
        String token = arg(args, "token", "demo-archivist-token");
        int docs = Integer.parseInt(arg(args, "docs", "50000"));
        int rate = Integer.parseInt(arg(args, "rate", "200"));
        int batch = Integer.parseInt(arg(args, "batch", "1"));
        int seconds = Integer.parseInt(arg(args, "seconds", "30"));
        int sources = Integer.parseInt(arg(args, "sources", "20"));
        int sampleEvery = Integer.parseInt(arg(args, "sample-every", "20"));
        long apiPid = Long.parseLong(arg(args, "api-pid", "0"));
        long esPid = Long.parseLong(arg(args, "es-pid", "0"));
        int bulkWarmup = Integer.parseInt(arg(args, "bulk-warmup", "20000"));
        List<String> samples = Harness.samples(arg(args, "samples", "docs/samples"));
        if (bulkWarmup > 0) {
            System.out.printf("bulk warm-up: %d documents, not measured%n", bulkWarmup);
            bulk(es, bulkWarmup, samples, false);
        }
        bulk(es, docs, samples, true);
        int warmup = Integer.parseInt(arg(args, "warmup", "20"));
        if (warmup > 0) {
            System.out.printf("warm-up: %d s at %d/s, not measured%n", warmup, rate);
            lag(api, token, rate, batch, warmup, sources, sampleEvery, samples, false);
        }
        CpuMeter cpu = new CpuMeter(apiPid);
        CpuMeter.Reading before = cpu.read();
        double esBefore = CpuMeter.seconds(esPid);
        long self = ProcessHandle.current().pid();
        double selfBefore = CpuMeter.seconds(self);
        int accepted = lag(api, token, rate, batch, seconds, sources, sampleEvery, samples, true);
        CpuMeter.Reading spent = cpu.read().minus(before);
        System.out.printf("CPU per accepted capture over the measured run (ms): API %.1f, PostgreSQL %.1f,"
                + " Elasticsearch %.1f, this harness %.1f%n", 1000 * spent.api() / accepted,
                1000 * spent.postgres() / accepted, 1000 * (CpuMeter.seconds(esPid) - esBefore) / accepted,
                1000 * (CpuMeter.seconds(self) - selfBefore) / accepted);
    }

    static void bulk(String es, int docs, List<String> samples, boolean report) throws Exception {
        String[] hostPort = es.split(":");
        try (RestClient rest = RestClient.builder(new HttpHost(hostPort[0], Integer.parseInt(hostPort[1]))).build()) {
            ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(Json.MAPPER)));
            String index = "bench-bulk-" + System.currentTimeMillis();
            client.indices().create(c -> c.index(index).settings(s -> s.numberOfShards("1").numberOfReplicas("0")
                    .refreshInterval(t -> t.time("-1"))).mappings(VersionIndex.mapping("standard")));
            VersionIndex writer = new VersionIndex(client, defaultIndexConfig());
            int batch = 1000;
            List<VersionDocument> all = new ArrayList<>();
            Instant t0 = Instant.parse("2025-05-11T10:00:00Z");
            for (int i = 0; i < docs; i++) {
                // Distinct bodies, each as long as a sample (5.8 KB on average): Elasticsearch does not see the same
                // five texts again and again (until 2026-12-05 it did, which flattered its compression and caches).
                int length = samples.get(i % samples.size()).length();
                StringBuilder distinct = new StringBuilder(length + 2_000);
                for (int part = 0; distinct.length() < length; part++) {
                    distinct.append(article(samples, i + part * docs, null));
                }
                String body = distinct.toString();
                Instant from = t0.plusSeconds(i);
                all.add(new VersionDocument(new java.util.UUID(0, i).toString(), new java.util.UUID(1, i / 3).toString(),
                        "source-" + (i % 20), null, null, "Headline " + i, body, "sha" + i, 1 + i % 3, from, null,
                        List.of(new VersionDocument.Validity(from, null)), true, 1, from, from, List.of(), null));
            }
            long bytes = all.stream().mapToLong(d -> d.body().length()).sum();
            int threads = 2;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            List<java.util.concurrent.Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < all.size(); i += batch) {
                List<VersionDocument> slice = all.subList(i, Math.min(all.size(), i + batch));
                writes.add(pool.submit(() -> writer.write(index, slice, List.of())));
            }
            for (var w : writes) {
                w.get();
            }
            double secs = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            client.indices().delete(d -> d.index(index));
            if (!report) {
                return;
            }
            System.out.printf("bulk: %d documents (%.1f MB of text) in %.2f s = %.0f docs/s (batches of %d, %d concurrent requests)%n",
                    docs, bytes / 1e6, secs, docs / secs, batch, threads);
        }
    }

    /**
     * The index settings as a server without configuration has them: each method answers its {@code @WithDefault},
     * converted as Quarkus converts it.
     */
    static IndexConfig defaultIndexConfig() {
        return (IndexConfig) Proxy.newProxyInstance(IndexConfig.class.getClassLoader(), new Class<?>[] {IndexConfig.class},
                (proxy, method, args) -> {
                    String value = method.getAnnotation(WithDefault.class).value();
                    Class<?> type = method.getReturnType();
                    if (type == int.class) {
                        return Integer.parseInt(value);
                    } else if (type == boolean.class) {
                        return Boolean.parseBoolean(value);
                    } else if (type == MemorySize.class) {
                        return new MemorySizeConverter().convert(value);
                    } else if (type == Duration.class) {
                        return new DurationConverter().convert(value);
                    }
                    return value;
                });
    }

    /** Posts captures at {@code rate} for {@code seconds} and measures their lag; answers how many were accepted. */
    static int lag(String api, String token, int rate, int batch, int seconds, int sources, int sampleEvery,
            List<String> samples, boolean report) throws Exception {
        return new LagLoad(api, token, rate, batch, seconds, sources, sampleEvery, samples).run(report);
    }

    /**
     * The n-th capture of a run: a third of the captures start an article, a third revisit one unchanged, a third
     * edit one (a new token); {@code word} is the token a search finds it by.
     */
    record Capture(int n, String source, Instant capturedAt, String text, String word) {
        boolean sampled(int every) {
            return n % 3 != 1 && n % every == 0; // a revisit adds no searchable word
        }
    }

    static Capture capture(List<String> samples, String tag, int sources, int n) {
        int kind = n % 3;
        int articleNo = kind == 0 ? n : n - 3 * (1 + (n / 3) % 5);
        articleNo = Math.max(0, articleNo - articleNo % 3);
        String word = "tok" + tag + "x" + n;
        String text = article(samples, articleNo, kind == 1 ? "tok" + tag + "x" + articleNo : word);
        return new Capture(n, "bench-" + tag + "-" + (articleNo / 3 % sources),
                Instant.parse("2025-06-01T00:00:00Z").plusSeconds(n), text, word);
    }

    static int postOne(HttpClient http, String api, String token, Capture c) throws Exception {
        HttpRequest post = HttpRequest.newBuilder(URI.create(api + "/api/captures?source=" + c.source()
                        + "&capturedAt=" + c.capturedAt()))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(c.text())).build();
        return http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Posts captures as one NDJSON batch; answers each line's status, in order (500 for all if the request failed). */
    static List<Integer> postBatch(HttpClient http, String api, String token, List<Capture> captures) throws Exception {
        StringBuilder ndjson = new StringBuilder();
        for (Capture c : captures) {
            ndjson.append(Json.MAPPER.createObjectNode().put("source", c.source())
                    .put("capturedAt", c.capturedAt().toString()).put("contentType", "text/plain")
                    .put("content", c.text())).append('\n');
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api + "/api/captures/batch"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            return Collections.nCopies(captures.size(), r.statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (String line : r.body().split("\n")) {
            statuses.add(Json.MAPPER.readTree(line).get("status").asInt());
        }
        return statuses;
    }

    /**
     * A synthetic article: a headline and eight paragraphs of words drawn (with a fixed seed per article) from the
     * samples' vocabulary, so articles are distinct while sharing the site's language; an optional token sentence.
     */
    static String article(List<String> samples, int number, String token) {
        List<String> vocabulary = VOCABULARY.computeIfAbsent(samples, IndexingLoad::vocabulary);
        java.util.SplittableRandom random = new java.util.SplittableRandom(number * 7919L + 17);
        StringBuilder text = new StringBuilder("Article ").append(number).append(" on ")
                .append(vocabulary.get(random.nextInt(vocabulary.size()))).append(" and ")
                .append(vocabulary.get(random.nextInt(vocabulary.size()))).append("\n\n");
        for (int p = 0; p < 8; p++) {
            for (int w = 0; w < 30; w++) {
                text.append(w == 0 ? "" : " ").append(vocabulary.get(random.nextInt(vocabulary.size())));
            }
            text.append(".\n");
        }
        if (token != null) {
            text.append("Update: ").append(token).append(" was reported.\n");
        }
        return text.toString();
    }

    static final java.util.Map<List<String>, List<String>> VOCABULARY = new java.util.concurrent.ConcurrentHashMap<>();

    static List<String> vocabulary(List<String> samples) {
        java.util.Set<String> words = new java.util.TreeSet<>();
        for (String s : samples) {
            for (String w : s.split("[^\\p{L}]+")) {
                if (w.length() > 3) {
                    words.add(w.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return List.copyOf(words);
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static String arg(String[] args, String name, String def) {
        return Harness.arg(args, name, def);
    }
}
