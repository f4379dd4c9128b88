package org.palimpsest.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.netpreserve.jwarc.HttpResponse.Builder;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.palimpsest.core.json.Json;

/**
 * Captures brought as a crawler brings them: written into WARC files, one a source (as a crawl of one site is), then
 * uploaded to {@code POST /api/imports} all at once, and timed from the first upload to the end of the last job. Every
 * record must become a capture: a job that ends otherwise ends the run.
 */
final class WarcImports {
    private static final MediaType TEXT = MediaType.parse("text/plain;charset=utf-8");

    /** What one import of a step took: captures imported, the WARC files' bytes, and the seconds. */
    record Timed(int captures, long bytes, double seconds) {
        double capturesPerSecond() {
            return captures / seconds;
        }
    }

    private WarcImports() {
    }

    static Timed importAll(ScaleRun run, List<SyntheticArchive.Capture> captures) throws Exception {
        Map<String, List<SyntheticArchive.Capture>> bySource = new LinkedHashMap<>();
        captures.forEach(c -> bySource.computeIfAbsent(c.source(), k -> new ArrayList<>()).add(c));
        Path dir = Files.createTempDirectory("scale-warc");
        try {
            Map<String, Path> files = new LinkedHashMap<>();
            long bytes = 0;
            for (Map.Entry<String, List<SyntheticArchive.Capture>> e : bySource.entrySet()) {
                Path file = dir.resolve(e.getKey() + ".warc");
                write(file, e.getValue());
                files.put(e.getKey(), file);
                bytes += Files.size(file);
            }
            long t0 = System.nanoTime();
            Map<String, String> jobs = new LinkedHashMap<>(); // source -> the id of its file's job
            for (Map.Entry<String, Path> e : files.entrySet()) {
                jobs.put(e.getKey(), upload(run, e.getKey(), e.getValue()));
            }
            for (Map.Entry<String, String> job : jobs.entrySet()) {
                awaitCompleted(run, job.getValue(), bySource.get(job.getKey()).size());
            }
            return new Timed(captures.size(), bytes, (System.nanoTime() - t0) / 1e9);
        } finally {
            try (Stream<Path> left = Files.list(dir)) {
                for (Path p : left.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static void write(Path file, List<SyntheticArchive.Capture> captures) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            WarcWriter writer = new WarcWriter(out);
            for (SyntheticArchive.Capture c : captures) {
                writer.write(new WarcResponse.Builder(URI.create(c.url())).date(c.capturedAt())
                        .body(new Builder(200, "OK").body(TEXT, c.text().getBytes(StandardCharsets.UTF_8)).build())
                        .build());
            }
        }
    }

    /** Uploads one file; the id of the job it started. */
    private static String upload(ScaleRun run, String source, Path file) throws IOException, InterruptedException {
        HttpResponse<String> r = run.http.send(HttpRequest.newBuilder(URI.create(run.api + "/api/imports?source="
                        + ScaleRun.enc(source) + "&name=" + ScaleRun.enc(file.getFileName().toString())))
                .header("Authorization", "Bearer " + run.token).header("Content-Type", "application/warc")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        ScaleRun.check(r, 202);
        return Json.MAPPER.readTree(r.body()).path("id").asText();
    }

    private static void awaitCompleted(ScaleRun run, String job, int expected) throws Exception {
        while (true) {
            HttpRequest get = HttpRequest.newBuilder(URI.create(run.api + "/api/imports/" + job))
                    .header("Authorization", "Bearer " + run.token).GET().build();
            HttpResponse<String> r = run.http.send(get, HttpResponse.BodyHandlers.ofString());
            ScaleRun.check(r, 200);
            JsonNode state = Json.MAPPER.readTree(r.body());
            String status = state.path("status").asText();
            if (!status.equals("running")) {
                if (!status.equals("completed") || state.path("imported").asInt() != expected) {
                    throw new IllegalStateException("import job " + job + " ended " + status + " with "
                            + state.path("imported").asInt() + " of " + expected + " captures imported: " + r.body());
                }
                return;
            }
            Thread.sleep(100);
        }
    }
}
