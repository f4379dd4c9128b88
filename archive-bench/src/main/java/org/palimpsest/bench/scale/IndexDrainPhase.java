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
        JsonNode status = run.getJson(run.api + "/api/admin/indexing");
        long backlog = status.get("backlog").asLong();
        double lagAtEnd = status.path("lag").asDouble(); // seconds
        while (backlog > 0) {
            Thread.sleep(250);
            backlog = run.getJson(run.api + "/api/admin/indexing").get("backlog").asLong();
        }
        double drain = (System.nanoTime() - t0) / 1e9;
        run.report.row("index backlog drained after ingest ended (s)", drain, Double.NaN, "");
        run.report.row("age of the oldest unindexed event when ingest ended (s)", lagAtEnd, Double.NaN, "");
    }
}
