package org.palimpsest.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Part 2 of {@link IndexingLoad}: posts captures to the API at a rate, in three steps — send on schedule, sample
 * which sampled tokens search finds, then wait for the rest and report — and measures the lag from commit to
 * searchable.
 */
final class LagLoad {
    /** A sampled capture: the token a search finds it by, and when the API answered for it. */
    private record Sent(String word, long committedNanos) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String api;
    private final String token;
    private final int rate;
    private final int batch;
    private final int seconds;
    private final int sources;
    private final int sampleEvery;
    private final List<String> samples;
    private final ConcurrentLinkedQueue<Sent> toCheck = new ConcurrentLinkedQueue<>();
    private final List<Double> lags = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger searches = new AtomicInteger();

    LagLoad(String api, String token, int rate, int batch, int seconds, int sources, int sampleEvery,
            List<String> samples) {
        this.api = api;
        this.token = token;
        this.rate = rate;
        this.batch = batch;
        this.seconds = seconds;
        this.sources = sources;
        this.sampleEvery = sampleEvery;
        this.samples = samples;
    }

    /** Runs the load; prints the figures when {@code report}; answers how many captures were accepted. */
    int run(boolean report) throws Exception {
        long start = System.nanoTime();
        int total = rate * seconds;
        ExecutorService senders = send(start, total);
        Thread sampler = sampler();
        sampler.start();
        senders.shutdown();
        senders.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        double sendSecs = (System.nanoTime() - start) / 1e9;
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!toCheck.isEmpty() && System.nanoTime() < waitUntil) {
            Thread.sleep(100);
        }
        sampler.interrupt();
        if (report) {
            print(total, sendSecs);
        }
        return sent.get() - failures.get();
    }

    /** Schedules every send: a capture (or a batch) at the due time of its first, on 16 threads. */
    private ExecutorService send(long start, int total) {
        ExecutorService senders = Executors.newFixedThreadPool(16);
        String tag = Long.toString(System.currentTimeMillis(), 36);
        for (int first = 0; first < total; first += batch) {
            long due = start + (long) (first * 1e9 / rate);
            int from = first;
            int to = Math.min(total, first + batch);
            senders.submit(() -> {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } else if (-wait > TimeUnit.SECONDS.toNanos(5)) {
                    return null; // more than 5 s behind its schedule: the server cannot take the offered rate
                }
                List<IndexingLoad.Capture> captures = new ArrayList<>();
                for (int n = from; n < to; n++) {
                    captures.add(IndexingLoad.capture(samples, tag, sources, n));
                }
                List<Integer> statuses = batch == 1 ? List.of(IndexingLoad.postOne(http, api, token, captures.get(0)))
                        : IndexingLoad.postBatch(http, api, token, captures);
                long committed = System.nanoTime();
                for (int k = 0; k < captures.size(); k++) {
                    IndexingLoad.Capture c = captures.get(k);
                    if (statuses.get(k) != 201) {
                        failures.incrementAndGet();
                    } else if (c.sampled(sampleEvery)) {
                        toCheck.add(new Sent(c.word(), committed));
                    }
                    sent.incrementAndGet();
                }
                return null;
            });
        }
        return senders;
    }

    /** A thread that searches for every pending token each 100 ms and records the lag of those it finds. */
    private Thread sampler() {
        return new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(100); // a sweep every 100 ms: the sampler must not become the load
                } catch (InterruptedException e) {
                    return;
                }
                for (Sent s : new ArrayList<>(toCheck)) {
                    try {
                        String url = api + "/api/search?allVersions=true&size=1&q="
                                + URLEncoder.encode(s.word(), StandardCharsets.UTF_8);
                        searches.incrementAndGet();
                        String body = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                                HttpResponse.BodyHandlers.ofString()).body();
                        if (body.startsWith("{\"total\":1")) {
                            lags.add((System.nanoTime() - s.committedNanos()) / 1e6);
                            toCheck.remove(s);
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            }
        });
    }

    private void print(int total, double sendSecs) {
        List<Double> sorted = new ArrayList<>(lags);
        Collections.sort(sorted);
        System.out.printf("lag: %d of %d captures sent in %.1f s = %.0f captures/s accepted (offered %d/s, %s), %d"
                + " refused; %d sampled, %d never found; the sampler searched %.0f times/s%n", sent.get(), total,
                sendSecs, sent.get() / sendSecs, rate, batch == 1 ? "one per request" : "in batches of " + batch,
                failures.get(), sorted.size(), toCheck.size(), searches.get() / sendSecs);
        if (!sorted.isEmpty()) {
            System.out.printf("lag commit->searchable ms: p50 %.0f, p90 %.0f, p99 %.0f, max %.0f%n",
                    IndexingLoad.pct(sorted, 50), IndexingLoad.pct(sorted, 90), IndexingLoad.pct(sorted, 99),
                    sorted.get(sorted.size() - 1));
        }
    }
}
