package org.palimpsest.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.difflib.DiffUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Word diffs of two neighbouring versions of revised articles through the API, beside a bare java-diff-utils call. */
final class DiffPhase implements Phase {
    private final ScaleRun run;

    DiffPhase(ScaleRun run) {
        this.run = run;
    }

    @Override
    public String name() {
        return "diffs";
    }

    private record Pair(String url, List<String> from, List<String> to) {
    }

    @Override
    public void run() throws Exception {
        List<Pair> pairs = new ArrayList<>();
        for (String articleId : run.reservoir.revised()) {
            JsonNode timeline = run.getJson(run.api + "/api/articles/" + articleId).get("timeline");
            if (timeline.size() < 2) {
                continue;
            }
            int i = 1 + run.random.nextInt(timeline.size() - 1);
            pairs.add(new Pair(run.api + "/api/diff?from=" + timeline.get(i - 1).get("versionId").asText() + "&to="
                    + timeline.get(i).get("versionId").asText(), tokens(timeline.get(i - 1)), tokens(timeline.get(i))));
        }
        Stats ours = new Stats();
        Stats bare = new Stats();
        for (int round = 0; round < 2; round++) { // the first round warms both sides up and is not kept
            Stats keptOurs = round == 0 ? new Stats() : ours;
            Stats keptBare = round == 0 ? new Stats() : bare;
            for (Pair pair : pairs) {
                keptOurs.time(() -> ScaleRun.send(pair.url()).length());
                keptBare.time(() -> DiffUtils.diff(pair.from(), pair.to()).getDeltas().size());
            }
        }
        run.report.latency("diff, word (API, two versions)", ours, bare, "");
    }

    private static List<String> tokens(JsonNode version) {
        List<String> out = new ArrayList<>(Arrays.asList(version.get("headline").asText().split("\\s+")));
        version.get("paragraphs").forEach(p -> out.addAll(Arrays.asList(p.asText().split("\\s+"))));
        return out;
    }
}
