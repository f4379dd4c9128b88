package org.palimpsest.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;

/** Waits for the index backlog ingest left to drain; reports how long that took and how old the backlog was. */
final class IndexDrainPhase implements Phase {
    private final ScaleRun run;

    IndexDrainPhase(ScaleRun run) {
        this.run = run;
    }

    @Override
    public String name() {
        return "index drain";
    }

    @Override
    public void run() throws Exception {
        long t0 = System.nanoTime();
        JsonNode status = status();
        long backlog = status.get("backlog").asLong();
        double lagAtEnd = status.path("lag").asDouble(); // seconds
        while (backlog > 0) {
            Thread.sleep(250);
            backlog = status().get("backlog").asLong();
        }
        double drain = (System.nanoTime() - t0) / 1e9;
        run.report.row("index backlog drained after ingest ended (s)", drain, Double.NaN, "");
        run.report.row("age of the oldest unindexed event when ingest ended (s)", lagAtEnd, Double.NaN, "");
    }

    /** The outbox status, from the admin endpoint (it needs the admin role). */
    private JsonNode status() throws java.io.IOException {
        Probe.Answer r = Probe.get(run.api + "/api/admin/indexing", java.util.Map.of("Authorization", "Bearer " + run.token));
        ScaleRun.check(r.status(), 200, "indexing status");
        return org.palimpsest.core.json.Json.MAPPER.readTree(r.body());
    }
}
