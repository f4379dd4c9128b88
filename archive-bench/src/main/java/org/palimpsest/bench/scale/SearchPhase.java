package org.palimpsest.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;
import org.palimpsest.core.json.Json;

/**
 * Searches for a word of a sampled article's headline (half of them as of the capture's time) through the API,
 * beside the same query sent straight to Elasticsearch; the first {@link #WARMUP} are not measured.
 */
final class SearchPhase implements Phase {
    static final int SEARCHES = 300;
    static final int WARMUP = 300;

    private final ScaleRun run;

    SearchPhase(ScaleRun run) {
        this.run = run;
    }

    @Override
    public String name() {
        return "searches";
    }

    @Override
    public void run() throws Exception {
        Stats ours = new Stats();
        Stats bare = new Stats();
        for (int i = 0; i < WARMUP + SEARCHES; i++) {
            Reservoir.Sample s = run.reservoir.any();
            JsonNode article = run.getJson(run.api + "/api/articles/" + s.articleId());
            String[] words = article.get("headline").asText().split("\\s+");
            String q = words[run.random.nextInt(words.length)];
            boolean asOf = i % 2 == 0;
            String url = run.api + "/api/search?q=" + ScaleRun.enc(q) + (asOf ? "&asOf=" + s.capturedAt() : "");
            String body = elasticsearchQuery(q, asOf ? s.capturedAt().toString() : null);
            // Whichever goes second finds Elasticsearch's caches warm for the query: each goes first half the time.
            boolean oursFirst = i % 4 < 2;
            long t0 = System.nanoTime();
            Probe.Answer r = oursFirst ? null : Probe.post(run.es + "/palimpsest-versions/_search", "application/json", body);
            long t1 = System.nanoTime();
            ScaleRun.send(url);
            long t2 = System.nanoTime();
            if (oursFirst) {
                r = Probe.post(run.es + "/palimpsest-versions/_search", "application/json", body);
            }
            long t3 = System.nanoTime();
            ScaleRun.check(r.status(), 200, "Elasticsearch search");
            if (i >= WARMUP) {
                ours.add(t2 - t1);
                bare.add(oursFirst ? t3 - t2 : t1 - t0);
            }
        }
        run.report.latency("search (half of them as of a past instant)", ours, bare, "p99 ≤ 50 ms");
    }

    /** The same work as the API asks of Elasticsearch: the query, its filter, highlights and both facets. */
    private static String elasticsearchQuery(String q, String asOf) throws Exception {
        return "{\"size\":20,\"_source\":{\"excludes\":[\"body\"]},\"track_total_hits\":true,\"query\":{\"bool\":{\"must\":{\"simple_query_string\":"
                + "{\"query\":" + Json.MAPPER.writeValueAsString(q) + ",\"fields\":[\"headline^2\",\"body\"],\"default_operator\":\"and\"}},"
                + "\"filter\":" + (asOf != null ? "{\"range\":{\"validity\":{\"gte\":\"" + asOf + "\",\"lte\":\""
                + asOf + "\"}}}" : "{\"term\":{\"current\":true}}") + "}},"
                + "\"highlight\":{\"pre_tags\":[\"<mark>\"],\"post_tags\":[\"</mark>\"],\"fields\":{\"headline\":"
                + "{\"number_of_fragments\":0},\"body\":{\"fragment_size\":160,\"number_of_fragments\":3}}},"
                + "\"aggs\":{\"sources\":{\"terms\":{\"field\":\"source\",\"size\":100}},\"months\":"
                + "{\"date_histogram\":{\"field\":\"firstCapturedAt\",\"calendar_interval\":\"month\","
                + "\"format\":\"yyyy-MM\",\"min_doc_count\":1}}}}";
    }
}
