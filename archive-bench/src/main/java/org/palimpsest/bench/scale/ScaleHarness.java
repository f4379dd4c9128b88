package org.palimpsest.bench.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.palimpsest.bench.CpuMeter;
import org.palimpsest.bench.Harness;

/**
 * The load and scale harness (bin/bench-scale runs it against the real stack it provisions on loopback). It grows a
 * synthetic archive ({@link SyntheticArchive}) through the API to each size asked for and, at each size, measures
 * every figure next to a baseline taken in the same run, one {@link Phase} after another: ingest, index drain,
 * look-ups, diffs, searches, export; and the API process's resident memory throughout.
 */
public final class ScaleHarness {
    private ScaleHarness() {
    }

    public static void main(String[] args) throws Exception {
        String jdbc = Harness.arg(args, "db", "jdbc:postgresql://127.0.0.1:5432/palimpsest_scale?user=postgres");
        long[] sizes = Arrays.stream(Harness.arg(args, "sizes", "1000,5000").split(","))
                .mapToLong(Long::parseLong).toArray();
        long apiPid = Long.parseLong(Harness.arg(args, "api-pid", "0"));
        long start = System.nanoTime();
        try (Connection db = DriverManager.getConnection(jdbc); RssSampler rss = new RssSampler(apiPid)) {
            ScaleRun run = new ScaleRun(Harness.arg(args, "api", "http://127.0.0.1:8091"),
                    Harness.arg(args, "es", "http://127.0.0.1:9203"),
                    Harness.arg(args, "token", "demo-archivist-token"), db, rss, new CpuMeter(apiPid));
            String jvm = "the API ran on " + javaOf(apiPid);
            if (Arrays.asList(args).contains("--existing")) {
                // The archive a previous run left: no ingest, the look-ups sampled from what the database holds.
                long size = run.reservoir.sampleExisting(db);
                run.report.startSize(size);
                int singles = Integer.parseInt(Harness.arg(args, "singles", "0"));
                int warmUp = Integer.parseInt(Harness.arg(args, "warm-up", "5000"));
                if (singles > 0) {
                    // The archive's own next captures: the generator (same seed and sources as the run that built
                    // it) replayed past the captures it holds.
                    SyntheticArchive archive = synthetic(args, size + warmUp + singles);
                    for (long i = 0; i < size; i++) {
                        archive.next();
                    }
                    run.report.note("single captures added to the archive a previous run left");
                    Phase phase = new SinglesPhase(run, archive, warmUp, singles,
                            Integer.parseInt(Harness.arg(args, "clients", "1")),
                            Arrays.asList(args).contains("--async"));
                    runPhase(phase, size);
                    run.report.note(jvm);
                    System.out.println(run.report.table(size));
                } else {
                    run.report.note("measured the archive a previous run left (nothing ingested in this run)");
                    measure(run, size, start, jvm, List.of());
                }
            } else {
                SyntheticArchive archive = synthetic(args, sizes[sizes.length - 1]);
                String only = Harness.arg(args, "only-source", "");
                if (!only.isEmpty()) {
                    archive.only(only); // one source's captures, as many as --sizes says
                    System.err.println("only the captures of source " + only + ", those the whole archive gives it");
                }
                int batch = Integer.parseInt(Harness.arg(args, "batch", "200"));
                int inFlight = Integer.parseInt(Harness.arg(args, "in-flight", "2"));
                long size = 0;
                for (long target : sizes) {
                    run.report.startSize(target);
                    measure(run, target, start, jvm, List.of(
                            new IngestPhase(run, archive, target - size, batch, inFlight), new IndexDrainPhase(run)));
                    size = target;
                }
            }
            Files.writeString(Path.of(Harness.arg(args, "out", "archive-bench/target/scale-report.md")),
                    run.report.all());
        }
    }

    /** The synthetic archive the arguments name ({@code --samples}, {@code --sources}, {@code --seed}), to {@code total}. */
    private static SyntheticArchive synthetic(String[] args, long total) throws IOException {
        return new SyntheticArchive(Harness.samples(Harness.arg(args, "samples", "docs/samples")),
                Integer.parseInt(Harness.arg(args, "sources", "8")), total, Long.parseLong(Harness.arg(args, "seed", "42")));
    }

    /** Runs {@code growth}, then every figure but ingest, at the archive's size. */
    private static void measure(ScaleRun run, long size, long start, String jvm, List<Phase> growth)
            throws Exception {
        List<Phase> phases = new ArrayList<>(growth);
        phases.addAll(List.of(new LookupPhase(run), new DiffPhase(run), new SearchPhase(run),
                new ExportPhase(run, "synthetic-a"), new FootprintPhase(run)));
        for (Phase phase : phases) {
            runPhase(phase, size);
        }
        run.report.row("API resident memory, max (MB)", run.rss.maxMb(), Double.NaN, "≤ 512");
        run.report.note(String.format(Locale.ROOT, "harness running for %.0f s", (System.nanoTime() - start) / 1e9));
        run.report.note(jvm);
        System.out.println(run.report.table(size));
    }

    /** Runs a phase, saying first what it measures and at what size. */
    private static void runPhase(Phase phase, long size) throws Exception {
        System.out.printf("%s at %,d captures: %s%n", LocalTime.now().withNano(0), size, phase.name());
        phase.run();
    }

    /** The java executable the API process runs (bin/api's {@code PALIMPSEST_JAVA}, or the one on PATH). */
    private static String javaOf(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe")).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "a JVM the harness cannot name (" + e.getMessage() + ")";
        }
    }
}
