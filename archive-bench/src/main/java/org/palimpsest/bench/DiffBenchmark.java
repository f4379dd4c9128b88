package org.palimpsest.bench;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.Patch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.palimpsest.core.diff.ChangeClassifier;
import org.palimpsest.core.diff.DiffDocument;
import org.palimpsest.core.diff.DiffGranularity;
import org.palimpsest.core.diff.DiffResult;
import org.palimpsest.core.diff.Differ;
import org.palimpsest.core.diff.VersionChange;

/**
 * Word diff of two sample-sized versions (sample 000's body, and the same with one word changed), next to the
 * baseline: a bare java-diff-utils call on the two token lists, measured in the same run. Like the baseline's token
 * lists, the two documents are made in the set-up; a third benchmark makes them inside the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DiffBenchmark {
    private static final ChangeClassifier CLASSIFIER = new ChangeClassifier();
    DiffDocument before;
    DiffDocument after;
    String textBefore;
    String textAfter;
    List<String> tokensBefore;
    List<String> tokensAfter;
    final Differ differ = new Differ();

    @Setup
    public void setUp() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(System.getProperty("palimpsest.samples", "docs/samples"))
                .resolve("000_ac351c74c4d92a7b.txt"));
        List<String> body = lines.subList(16, lines.indexOf("Most Popular"));
        // new strings, as two versions read from the database are: no paragraph is the same instance in both
        List<String> edited = body.stream().map(p -> new String(p.replace("fourth overall", "fifth overall"))).toList();
        before = new DiffDocument(lines.get(14), body);
        after = new DiffDocument(lines.get(14), edited);
        textBefore = String.join("\n", body);
        textAfter = String.join("\n", edited);
        tokensBefore = tokens(textBefore);
        tokensAfter = tokens(textAfter);
    }

    static List<String> tokens(String text) {
        return java.util.regex.Pattern.compile("\\s+|[^\\s]+").matcher(text).results().map(m -> m.group()).toList();
    }

    @Benchmark
    public DiffResult palimpsestWordDiff() {
        return differ.diff(before, after, DiffGranularity.WORD);
    }

    /** The same diff with both documents prepared inside the measurement (their words counted), as a request does. */
    @Benchmark
    public DiffResult palimpsestPrepareAndWordDiff() {
        return differ.diff(new DiffDocument(before.headline(), before.paragraphs()),
                new DiffDocument(after.headline(), after.paragraphs()), DiffGranularity.WORD);
    }

    /** Classifying the change between two versions, as ingest does for every new version (fresh documents). */
    @Benchmark
    public VersionChange classifyChange() {
        return CLASSIFIER.classify(new DiffDocument(before.headline(), before.paragraphs()),
                new DiffDocument(after.headline(), after.paragraphs()), "previous");
    }

    /** The floor: java-diff-utils on token lists made in the set-up (no text read, no text given back). */
    @Benchmark
    public Patch<String> bareJavaDiffUtilsOnTokens() {
        return DiffUtils.diff(tokensBefore, tokensAfter);
    }

    /**
     * The same work as a request, done bare: both texts cut into words and white space inside the measurement (with a
     * hand loop, not the set-up's regular expression), then java-diff-utils on the tokens.
     */
    @Benchmark
    public Patch<String> bareJavaDiffUtilsFromText() {
        return DiffUtils.diff(handTokens(textBefore), handTokens(textAfter));
    }

    static List<String> handTokens(String text) {
        List<String> out = new java.util.ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            boolean space = Character.isWhitespace(text.charAt(start));
            int end = start + 1;
            while (end < text.length() && Character.isWhitespace(text.charAt(end)) == space) {
                end++;
            }
            out.add(text.substring(start, end));
            start = end;
        }
        return out;
    }
}
