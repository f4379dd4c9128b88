package org.palimpsest.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.palimpsest.core.decode.CaptureMediaType;
import org.palimpsest.core.decode.Extractor;
import org.palimpsest.core.identity.MinHash;
import org.palimpsest.core.normalize.NormalizationRules;
import org.palimpsest.core.normalize.NormalizedCapture;
import org.palimpsest.core.normalize.Normalizer;
import org.palimpsest.core.normalize.Template;

/**
 * HTML extract + normalise + fingerprint on one core, over real pages of 50–500 KB: each call takes the next page of
 * the set (every distinct page in turn, never the same one twice running), as a first capture of its source sees it
 * (no template yet). The pages come from {@code -Dpalimpsest.html=DIR}, laid out as the public article-extraction
 * benchmark ({@code html/<id>.html.gz}; not part of this repository). Throughput in MB/s = bytes processed / time,
 * printed at the end of the run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class HtmlNormalizeBenchmark {
    static final CaptureMediaType HTML = CaptureMediaType.parse("text/html");
    static final int MIN = 50 * 1024;
    static final int MAX = 500 * 1024;

    List<byte[]> pages;
    Normalizer normalizer;
    int next;
    long bytes;
    long calls;

    @Setup
    public void setUp() throws IOException {
        Path dir = Path.of(System.getProperty("palimpsest.html", "../aeb")).resolve("html");
        pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".html.gz")).sorted().toList()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                    byte[] page = in.readAllBytes();
                    if (page.length >= MIN && page.length <= MAX) {
                        pages.add(page);
                    }
                }
            }
        }
        if (pages.isEmpty()) {
            throw new IllegalStateException("no pages of 50-500 KB in " + dir + " (set -Dpalimpsest.html=DIR)");
        }
        normalizer = new Normalizer(NormalizationRules.DEFAULT);
    }

    @Benchmark
    public int[] extractNormalizeAndFingerprint() {
        byte[] page = pages.get(next);
        next = (next + 1) % pages.size();
        bytes += page.length;
        calls++;
        NormalizedCapture n = normalizer.normalize(Extractor.extract(page, HTML), Template.EMPTY);
        return MinHash.signature(n.canonicalBody());
    }

    @TearDown
    public void report() {
        System.out.printf("%n%d pages of 50-500 KB, %.0f KB on average per call%n", pages.size(),
                bytes / 1024.0 / Math.max(1, calls));
    }
}
