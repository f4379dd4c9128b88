package org.palimpsest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.palimpsest.core.decode.CaptureMediaType;
import org.palimpsest.core.decode.Extractor;
import org.palimpsest.core.derivation.Derivation;
import org.palimpsest.core.derivation.SourceCapture;
import org.palimpsest.core.derivation.SourceDerivation;
import org.palimpsest.core.digest.ContentDigest;
import org.palimpsest.core.identity.MinHash;
import org.palimpsest.core.normalize.NormalizationRules;
import org.palimpsest.core.normalize.NormalizedCapture;
import org.palimpsest.core.normalize.Normalizer;
import org.palimpsest.core.normalize.Template;
import org.palimpsest.core.placement.TemplateLines;
import org.palimpsest.core.placement.TemplateLines.ZoneLine;

/**
 * Normalise + fingerprint of one sample capture: decode, extract lines, remove chrome with the learned template,
 * digest the content, and compute the MinHash signature of the body. Throughput in MB/s = sample size / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NormalizeBenchmark {
    static final CaptureMediaType PLAIN = CaptureMediaType.parse("text/plain; charset=utf-8");

    @Param({"0", "1", "2", "3", "4"})
    public int sample;

    byte[] bytes;
    Template template;
    Normalizer normalizer;
    NormalizedCapture normalized;
    SourceDerivation derivation;
    List<SourceCapture> all;

    @Setup
    public void setUp() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("palimpsest.samples", "docs/samples")))) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        all = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            byte[] b = Files.readAllBytes(files.get(i));
            String sha = ContentDigest.of(b).hex();
            all.add(new SourceCapture(sha, Instant.EPOCH.plusSeconds(i), sha, Optional.empty(), Optional.empty(),
                    Extractor.extract(b, PLAIN)));
        }
        bytes = Files.readAllBytes(files.get(sample));
        derivation = new SourceDerivation(NormalizationRules.DEFAULT, 0.5);
        Derivation d = derivation.derive(all);
        template = d.template();
        normalizer = new Normalizer(NormalizationRules.DEFAULT);
        normalized = normalizer.normalize(Extractor.extract(bytes, PLAIN), template);
    }

    @Benchmark
    public int[] normalizeAndFingerprint() {
        NormalizedCapture n = normalizer.normalize(Extractor.extract(bytes, PLAIN), template);
        return MinHash.signature(n.canonicalBody());
    }

    /**
     * The template lines of a normalised capture, each named by its hash, as batch ingest computes them for every
     * capture it reads ahead (6 % of the ingest threads' CPU at 100k captures, docs/benchmarks.md).
     */
    @Benchmark
    public Set<ZoneLine> templateLines() {
        return TemplateLines.of(normalized);
    }

    /** The sample's size, printed so throughput can be computed from the time. */
    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args);
    }
}
