package org.palimpsest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.palimpsest.core.decode.CaptureMediaType;
import org.palimpsest.core.decode.Extraction;
import org.palimpsest.core.decode.Extractor;
import org.palimpsest.core.decode.TextDecoder;
import org.palimpsest.core.identity.MinHash;
import org.palimpsest.core.normalize.NormalizationRules;
import org.palimpsest.core.normalize.NormalizedCapture;
import org.palimpsest.core.normalize.Normalizer;
import org.palimpsest.core.normalize.Template;

/**
 * How well the archive finds an article's body in one page alone, as the first capture of a source sees it (no
 * template learned yet): each page of a labelled set is extracted and normalised with an empty template, its
 * paragraphs are the body, and the body is scored against the hand-made one by token-shingle precision, recall and
 * F1 (tokens are runs of word characters, shingles four tokens long with their counts, each page's counts
 * normalised to sum to one, precision and recall averaged over pages, F1 of the averages — the measure the
 * published comparisons of article extractors use). The set is a directory with {@code ground-truth.json}
 * ({@code {id: {articleBody}}}) and {@code html/<id>.html.gz}, as the public article-extraction benchmark lays it
 * out; where it also gives a page's {@code headline} and {@code datePublished}, the metadata the page's markup states
 * is scored too ({@link MetadataScore}). Usage: ExtractionQuality DIR [--worst N] [--quick (no warm throughput)]
 */
public final class ExtractionQuality {
    private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private ExtractionQuality() {
    }

    /** One page's scores: precision and recall (NaN where nothing was found or expected) for each extractor. */
    record PageScore(String id, String url, double[] ours, double[] readability, double[] plainText) {
        double f1() {
            return ExtractionQuality.f1(ours);
        }
    }

    /** A set's scores: each page's, the metadata's, and the time our extraction took. */
    record Measured(List<PageScore> pages, MetadataScore metadata, long oursNanos, long readabilityNanos,
            List<byte[]> bytes) {
        double precision() {
            return mean(pages.stream().map(PageScore::ours).toList(), 0);
        }

        double recall() {
            return mean(pages.stream().map(PageScore::ours).toList(), 1);
        }

        double f1() {
            return ExtractionQuality.f1(pages.stream().map(PageScore::ours).toList());
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<String> options = List.of(args);
        int worst = options.contains("--worst") ? Integer.parseInt(options.get(options.indexOf("--worst") + 1)) : 0;
        Measured m = measure(dir, true);
        List<double[]> baseline = m.pages().stream().map(PageScore::readability).toList();
        List<double[]> floor = m.pages().stream().map(PageScore::plainText).toList();
        int n = m.pages().size();
        System.out.printf("pages %d: F1 %.3f, precision %.3f, recall %.3f; extraction %.1f ms a page%n", n, m.f1(),
                m.precision(), m.recall(), m.oursNanos() / 1e6 / n);
        System.out.printf("readability4j 1.0.8, same pages: F1 %.3f, precision %.3f, recall %.3f; %.1f ms a page%n",
                f1(baseline), mean(baseline, 0), mean(baseline, 1), m.readabilityNanos() / 1e6 / n);
        System.out.printf("plain jsoup text of the page (the floor): F1 %.3f, precision %.3f, recall %.3f%n",
                f1(floor), mean(floor, 0), mean(floor, 1));
        System.out.printf("pages where nothing was found: ours %d, readability4j %d%n",
                nothing(m.pages().stream().map(PageScore::ours).toList()), nothing(baseline));
        m.metadata().print();
        if (options.contains("--pages")) {
            System.out.println("| page | ours P / R / F1 | readability4j F1 | plain text F1 |");
            System.out.println("|---|---|---|---|");
            for (PageScore p : m.pages()) {
                System.out.printf("| %s | %.2f / %.2f / %.2f | %.2f | %.2f |%n", p.id(), p.ours()[0], p.ours()[1],
                        p.f1(), f1(p.readability()), f1(p.plainText()));
            }
        }
        if (!options.contains("--quick")) {
            warmThroughput(m.bytes(), new Normalizer(NormalizationRules.DEFAULT), CaptureMediaType.parse("text/html"));
        }
        m.pages().stream().sorted(java.util.Comparator.comparingDouble(PageScore::f1)).limit(worst).forEach(p ->
                System.out.printf("  %s precision %.2f recall %.2f %s%n", p.id(), p.ours()[0], p.ours()[1], p.url()));
    }

    /**
     * Extracts every page of a labelled set as the first capture of a source sees it and scores the body (and the
     * metadata, where labelled); with {@code baselines}, readability4j and plain jsoup text of the same pages too.
     */
    static Measured measure(Path dir, boolean baselines) throws IOException {
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
        Normalizer normalizer = new Normalizer(NormalizationRules.DEFAULT);
        CaptureMediaType html = CaptureMediaType.parse("text/html");
        List<PageScore> scores = new ArrayList<>();
        List<byte[]> pages = new ArrayList<>();
        MetadataScore metadata = new MetadataScore();
        long nanos = 0;
        long baselineNanos = 0;
        for (Iterator<String> it = truth.fieldNames(); it.hasNext();) {
            String id = it.next();
            JsonNode label = truth.get(id);
            byte[] bytes = page(dir, id);
            pages.add(bytes);
            long start = System.nanoTime();
            Extraction extraction = Extractor.extract(bytes, html);
            NormalizedCapture n = normalizer.normalize(extraction, Template.EMPTY);
            nanos += System.nanoTime() - start;
            metadata.add(label, extraction.page());
            String expected = label.path("articleBody").asText("");
            double[] ours = score(expected, String.join("\n", n.paragraphs()));
            double[] theirs = {Double.NaN, Double.NaN};
            double[] floor = {Double.NaN, Double.NaN};
            if (baselines) {
                // The same page through readability4j (a Java port of Readability.js), and as plain jsoup text.
                String decoded = TextDecoder.decode(bytes, java.util.Optional.empty(), true).text();
                start = System.nanoTime();
                String text;
                try {
                    Article article = new Readability4J(label.path("url").asText("http://example.com/"), decoded)
                            .parse();
                    text = article.getTextContent() == null ? "" : article.getTextContent();
                } catch (RuntimeException e) {
                    text = "";
                }
                baselineNanos += System.nanoTime() - start;
                theirs = score(expected, text);
                floor = score(expected, Jsoup.parse(decoded).text());
            }
            scores.add(new PageScore(id, label.path("url").asText(), ours, theirs, floor));
        }
        return new Measured(scores, metadata, nanos, baselineNanos, pages);
    }

    /** A page of the set, as {@code html/<id>.html.gz} (the public benchmark) or {@code html/<id>.html}. */
    private static byte[] page(Path dir, String id) throws IOException {
        Path plain = dir.resolve("html/" + id + ".html");
        if (Files.exists(plain)) {
            return Files.readAllBytes(plain);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("html/" + id + ".html.gz")))) {
            return in.readAllBytes();
        }
    }

    /**
     * Extract + normalise + fingerprint of every page, again and again for ten seconds after a warm-up as long: the
     * throughput a running archive sees (the pass above is the first, cold one).
     */
    private static void warmThroughput(List<byte[]> pages, Normalizer normalizer, CaptureMediaType html) {
        long bytes = 0;
        long started = 0;
        long end = System.nanoTime() + 20_000_000_000L;
        long sink = 0;
        while (System.nanoTime() < end) {
            if (started == 0 && System.nanoTime() > end - 10_000_000_000L) {
                started = System.nanoTime();
                bytes = 0;
            }
            for (byte[] page : pages) {
                NormalizedCapture n = normalizer.normalize(Extractor.extract(page, html), Template.EMPTY);
                sink += MinHash.signature(n.canonicalBody())[0];
                bytes += page.length;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("warm: %.1f MB/s on one thread (extract + normalise + fingerprint, %d pages, %.0f KB"
                + " average)%s%n", bytes / 1e6 / seconds, pages.size(),
                pages.stream().mapToInt(p -> p.length).average().orElse(0) / 1024, sink == 42 ? " " : "");
    }

    private static double f1(List<double[]> scores) {
        double precision = mean(scores, 0);
        double recall = mean(scores, 1);
        return 2 * precision * recall / (precision + recall);
    }

    /** Pages with no precision (nothing predicted): the mean of precision leaves them out, recall counts them 0. */
    private static long nothing(List<double[]> scores) {
        return scores.stream().filter(s -> Double.isNaN(s[0])).count();
    }

    private static double f1(double[] s) {
        return s[0] + s[1] == 0 ? 0 : 2 * s[0] * s[1] / (s[0] + s[1]);
    }

    /** Precision (NaN when nothing was predicted) and recall (NaN when nothing was expected) of one page. */
    static double[] score(String expected, String predicted) {
        Map<List<String>, Integer> truth = shingles(expected);
        Map<List<String>, Integer> pred = shingles(predicted);
        double tp = 0;
        double fp = 0;
        double fn = 0;
        Map<List<String>, Integer> all = new HashMap<>(truth);
        pred.forEach((k, v) -> all.putIfAbsent(k, 0));
        for (List<String> key : all.keySet()) {
            int t = truth.getOrDefault(key, 0);
            int p = pred.getOrDefault(key, 0);
            tp += Math.min(t, p);
            fp += Math.max(0, p - t);
            fn += Math.max(0, t - p);
        }
        double sum = tp + fp + fn;
        if (sum > 0) {
            tp /= sum;
            fp /= sum;
            fn /= sum;
        }
        double precision = fp == 0 && fn == 0 ? 1 : tp == 0 && fp == 0 ? 0 : tp / (tp + fp);
        double recall = fp == 0 && fn == 0 ? 1 : tp == 0 && fn == 0 ? 0 : tp / (tp + fn);
        return new double[] {tp + fp > 0 ? precision : Double.NaN, tp + fn > 0 ? recall : Double.NaN};
    }

    private static double mean(List<double[]> scores, int which) {
        return scores.stream().mapToDouble(s -> s[which]).filter(d -> !Double.isNaN(d)).average().orElse(0);
    }

    private static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        Map<List<String>, Integer> out = new HashMap<>();
        for (int i = 0; i < Math.max(1, tokens.size() - 4 + 1); i++) {
            List<String> shingle = tokens.subList(i, Math.min(tokens.size(), i + 4));
            if (!shingle.isEmpty()) {
                out.merge(List.copyOf(shingle), 1, Integer::sum);
            }
        }
        return out;
    }
}
