package org.palimpsest.bench.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.palimpsest.core.decode.CaptureMediaType;
import org.palimpsest.core.digest.ContentDigest;
import org.palimpsest.core.derivation.Derivation;
import org.palimpsest.core.derivation.SourceCapture;
import org.palimpsest.core.derivation.SourceDerivation;
import org.palimpsest.core.identity.CanonicalUrl;
import org.palimpsest.core.decode.Extractor;
import org.palimpsest.core.normalize.NormalizationRules;

class SyntheticArchiveTest {
    static List<String> samples() throws IOException {
        Path dir = Path.of(System.getProperty("palimpsest.samples", "../docs/samples"));
        try (Stream<Path> files = Files.list(dir)) {
            List<String> out = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                out.add(Files.readString(p));
            }
            return out;
        }
    }

    static List<SyntheticArchive.Capture> take(long seed, int n) throws IOException {
        List<SyntheticArchive.Capture> out = new ArrayList<>();
        new SyntheticArchive(samples(), 4, n, seed).forEachRemaining(out::add);
        return out;
    }

    @Test
    void theSameSeedGrowsTheSameArchiveAndAnotherSeedAnother() throws IOException {
        List<SyntheticArchive.Capture> a = take(42, 300);
        assertEquals(a, take(42, 300));
        assertNotEquals(a.stream().map(SyntheticArchive.Capture::text).toList(),
                take(43, 300).stream().map(SyntheticArchive.Capture::text).toList());
        for (int i = 1; i < a.size(); i++) {
            assertTrue(a.get(i).capturedAt().isAfter(a.get(i - 1).capturedAt()), "captures come in time order");
        }
    }

    @Test
    void oneSourceOnlyGivesThatSourcesCapturesAsTheWholeArchiveDoes() throws IOException {
        List<SyntheticArchive.Capture> whole = take(42, 400);
        List<SyntheticArchive.Capture> ofB = whole.stream().filter(c -> c.source().equals("synthetic-b")).toList();
        List<SyntheticArchive.Capture> only = new ArrayList<>();
        new SyntheticArchive(samples(), 4, ofB.size(), 42).only("synthetic-b").forEachRemaining(only::add);
        assertEquals(ofB.size(), only.size());
        for (int i = 0; i < ofB.size(); i++) {
            SyntheticArchive.Capture a = ofB.get(i);
            SyntheticArchive.Capture b = only.get(i);
            assertEquals(List.of(a.source(), a.url(), a.capturedAt(), a.text(), a.kind()),
                    List.of(b.source(), b.url(), b.capturedAt(), b.text(), b.kind()));
            assertEquals(i, b.number(), "numbered among the source's own captures");
        }
    }

    @Test
    void mostCapturesAreRevisitsAndEveryKindOfEditOccurs() throws IOException {
        Map<SyntheticArchive.Kind, Integer> kinds = new EnumMap<>(SyntheticArchive.Kind.class);
        take(42, 5_000).forEach(c -> kinds.merge(c.kind(), 1, Integer::sum));
        assertEquals(SyntheticArchive.Kind.values().length, kinds.size(), kinds.toString());
        assertTrue(kinds.get(SyntheticArchive.Kind.REVISIT) > 3_000, kinds.toString());
    }

    /**
     * Through the real derivation: the chrome (ticker, popular list) goes, every story is one article, and each
     * article has one version per content edit the generator made.
     */
    @Test
    void theArchiveDerivesToOneArticlePerStoryWithOneVersionPerEdit() throws IOException {
        List<SyntheticArchive.Capture> all = take(42, 3_000);
        List<SourceCapture> captures = new ArrayList<>();
        Map<String, Integer> expectedVersions = new HashMap<>();
        for (SyntheticArchive.Capture c : all) {
            if (!c.source().equals("synthetic-a")) {
                continue;
            }
            byte[] bytes = c.text().getBytes(StandardCharsets.UTF_8);
            String sha = ContentDigest.of(bytes).hex();
            CanonicalUrl url = CanonicalUrl.of(c.url());
            captures.add(new SourceCapture(sha + "@" + c.capturedAt(), c.capturedAt(), sha, Optional.of(c.url()),
                    Optional.of(url.surtKey()), Extractor.extract(bytes, CaptureMediaType.parse("text/plain"))));
            expectedVersions.merge(url.surtKey(), c.kind() == SyntheticArchive.Kind.REVISIT ? 0 : 1, Integer::sum);
        }
        Derivation d = new SourceDerivation(NormalizationRules.DEFAULT, 0.5).derive(captures);

        assertTrue(expectedVersions.size() > 50, "stories of one source: " + expectedVersions.size());
        assertTrue(expectedVersions.values().stream().filter(v -> v >= 2).count() > 20, "stories that were edited");
        assertEquals(expectedVersions.size(), d.articles().size());
        List<Integer> versions = new ArrayList<>();
        for (Derivation.Article a : d.articles()) {
            versions.add(a.versions().size());
            for (Derivation.DerivedCapture c : a.captures()) {
                assertFalse(c.normalized().paragraphs().contains("Most Popular"));
                assertFalse(c.normalized().headline().isEmpty());
            }
        }
        assertEquals(expectedVersions.values().stream().sorted().toList(), versions.stream().sorted().toList());
    }
}
