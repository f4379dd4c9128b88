package org.palimpsest.core.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.palimpsest.core.Samples;
import org.palimpsest.core.Variants;
import org.palimpsest.core.identity.IdentityDecision;
import org.palimpsest.core.normalize.NormalizationRules;
import org.palimpsest.core.version.Timeline;

/** Versions: chrome never makes one, content always does, and the order of ingestion never matters. */
class VersioningTest {
    static final Instant T0 = Instant.parse("2025-05-11T10:00:00Z");
    final SourceDerivation derivation = new SourceDerivation(NormalizationRules.DEFAULT, 0.5);

    /** The five samples at T0 + i minutes, then the given texts an hour apart after them. */
    static List<SourceCapture> samplesThen(String... texts) {
        List<SourceCapture> captures = new ArrayList<>();
        List<String> samples = Samples.texts();
        for (int i = 0; i < samples.size(); i++) {
            captures.add(Samples.capture(samples.get(i), T0.plusSeconds(60L * i)));
        }
        for (int i = 0; i < texts.length; i++) {
            captures.add(Samples.capture(texts[i], T0.plusSeconds(3600L * (i + 1))));
        }
        return captures;
    }

    static Derivation.Article articleOf(Derivation d, String headlinePrefix) {
        return d.articles().stream()
                .filter(a -> a.captures().get(0).normalized().headline().startsWith(headlinePrefix))
                .findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chrome-different-ticker", "chrome-missing-footer", "chrome-reordered",
            "chrome-quote-style", "chrome-crlf", "chrome-doubled-spaces"})
    void chromeOnlyChangeKeepsTheVersion(String variant) {
        Derivation d = derivation.derive(samplesThen(Variants.text(variant)));
        assertEquals(5, d.articles().size());
        Derivation.Article biden = articleOf(d, "Zelensky, Biden");
        assertEquals(2, biden.captures().size());
        assertEquals(1, biden.versions().size(), variant + " made a new version");
        assertEquals(biden.captures().get(0).normalized().contentSha256(),
                biden.captures().get(1).normalized().contentSha256());
        assertEquals(false, biden.captures().get(1).firstOfVersion());
    }

    @ParameterizedTest
    @ValueSource(strings = {"content-one-word", "content-headline", "content-correction", "content-inserted-paragraph"})
    void contentChangeMakesANewVersionOfTheSameArticle(String variant) {
        Derivation d = derivation.derive(samplesThen(Variants.text(variant)));
        assertEquals(5, d.articles().size(), variant + " became another article");
        Derivation.Article biden = articleOf(d, "Zelensky, Biden");
        assertEquals(2, biden.versions().size(), variant + " made no new version");
        assertNotEquals(biden.versions().get(0).digest(), biden.versions().get(1).digest());
        var edited = biden.captures().get(1);
        assertTrue(edited.firstOfVersion());
        assertEquals(2, edited.versionNumber());
        var identity = assertInstanceOf(IdentityDecision.BySimilarity.class, edited.identity());
        assertTrue(identity.score() >= 0.5, "similarity " + identity.score());
    }

    @Test
    void oneChangedWordChangesExactlyThatParagraph() {
        Derivation d = derivation.derive(samplesThen(Variants.text("content-one-word")));
        var biden = articleOf(d, "Zelensky, Biden");
        List<String> before = biden.captures().get(0).normalized().paragraphs();
        List<String> after = biden.captures().get(1).normalized().paragraphs();
        assertEquals(before.size(), after.size());
        assertEquals(before.get(0).replace("fourth overall", "fifth overall"), after.get(0));
        assertEquals(before.subList(1, before.size()), after.subList(1, after.size()));
    }

    @Test
    void revertGivesTheOldDigestAndTheTimelineIsRightAtEveryInstant() {
        String base = Samples.text(0);
        Derivation d = derivation.derive(samplesThen(Variants.text("content-one-word"), base));
        var biden = articleOf(d, "Zelensky, Biden");
        assertEquals(3, biden.captures().size());
        assertEquals(2, biden.versions().size());
        Timeline.Version a = biden.versions().get(0);
        Timeline.Version b = biden.versions().get(1);
        assertEquals(biden.captures().get(0).normalized().contentSha256(), a.digest());
        assertEquals(a.digest(), biden.captures().get(2).normalized().contentSha256());
        assertEquals(false, biden.captures().get(2).firstOfVersion());
        Instant edit = T0.plusSeconds(3600);
        Instant revert = T0.plusSeconds(7200);
        assertEquals(List.of(new Timeline.Interval(T0, Optional.of(edit)), new Timeline.Interval(revert, Optional.empty())),
                a.intervals());
        assertEquals(List.of(new Timeline.Interval(edit, Optional.of(revert))), b.intervals());
        for (Instant t : List.of(T0, edit.minusSeconds(1), edit, revert.minusSeconds(1), revert, revert.plusSeconds(86400))) {
            String expected = t.isBefore(edit) || !t.isBefore(revert) ? a.digest() : b.digest();
            String held = biden.versions().stream().filter(v -> v.intervals().stream().anyMatch(i -> i.contains(t)))
                    .map(Timeline.Version::digest).collect(Collectors.joining(","));
            assertEquals(expected, held, "as of " + t);
        }
    }

    @Test
    void anArticleQuotingTwoParagraphsOfAnotherIsADifferentArticle() {
        Derivation d = derivation.derive(samplesThen(Variants.text("identity-quoting-article")));
        assertEquals(6, d.articles().size());
        var quoting = articleOf(d, "Analysis: What the Zelensky-Biden call");
        assertInstanceOf(IdentityDecision.New.class, quoting.captures().get(0).identity());
        assertEquals(1, articleOf(d, "Zelensky, Biden").captures().size());
    }

    @Test
    void aTemplateIsNotLearnedFromCapturesOfOneArticle() {
        List<SourceCapture> captures = new ArrayList<>();
        String[] variants = {"chrome-different-ticker", "chrome-missing-footer", "chrome-reordered", "chrome-crlf"};
        captures.add(Samples.capture(Samples.text(0), T0));
        for (int i = 0; i < variants.length; i++) {
            captures.add(Samples.capture(Variants.text(variants[i]), T0.plusSeconds(60L * (i + 1))));
        }
        Derivation d = derivation.derive(captures);
        assertEquals(1, d.articles().size());
        assertEquals(Map.of(), d.template().headLines());
        assertEquals(Map.of(), d.template().bodyLines());
    }

    @Test
    void aHeadlineLikeTickerLineSharedByArticlesIsLearnedAsChrome() {
        String ticker = "Live: Markets tumble as talks stall\n";
        Derivation alone = derivation.derive(List.of(Samples.capture(ticker + Samples.text(0), T0)));
        assertEquals("Live: Markets tumble as talks stall", alone.articles().get(0).captures().get(0).normalized().headline());
        Derivation both = derivation.derive(List.of(Samples.capture(ticker + Samples.text(0), T0),
                Samples.capture(ticker + Samples.text(2), T0.plusSeconds(60))));
        assertEquals(Set.of("Zelensky, Biden discuss security, diplomacy, aid to Ukraine",
                        "EXCLUSIVE: Voice message reveals Russian military unit's catastrophic losses in Ukraine"),
                both.articles().stream().map(a -> a.captures().get(0).normalized().headline()).collect(Collectors.toSet()));
        assertTrue(both.template().headLines().containsKey("Live: Markets tumble as talks stall"));
    }

    @Test
    void aTickerLineRepeatedVerbatimInsideABodyStaysInThatBody() {
        String quoted = "Zelensky called a ceasefire the essential first step toward ending the war.";
        String text = Samples.text(4).replace("Zelensky held a press briefing with Stoltenberg",
                quoted + "\nZelensky held a press briefing with Stoltenberg");
        Derivation d = derivation.derive(samplesThen().subList(0, 4).stream().collect(Collectors.collectingAndThen(
                Collectors.toList(), l -> {
                    l.add(Samples.capture(text, T0.plusSeconds(600)));
                    return l;
                })));
        assertTrue(d.template().headLines().containsKey(quoted));
        var stoltenberg = articleOf(d, "Zelensky meets Stoltenberg");
        assertEquals(quoted, stoltenberg.captures().get(0).normalized().paragraphs().get(1));
    }

    @Test
    void theOrderOfIngestionNeverChangesArticlesDigestsOrMapping() {
        List<SourceCapture> captures = samplesThen(Variants.text("content-one-word"), Variants.text("chrome-reordered"),
                Variants.text("content-headline"), Samples.text(0), Variants.text("identity-quoting-article"),
                Variants.text("chrome-different-ticker"));
        Map<String, String> reference = fingerprint(derivation.derive(captures));
        List<SourceCapture> reversed = new ArrayList<>(captures);
        Collections.reverse(reversed);
        assertEquals(reference, fingerprint(derivation.derive(reversed)));
        for (long seed = 1; seed <= 5; seed++) {
            List<SourceCapture> shuffled = new ArrayList<>(captures);
            Collections.shuffle(shuffled, new Random(seed));
            assertEquals(reference, fingerprint(derivation.derive(shuffled)), "shuffle " + seed);
        }
        List<SourceCapture> grown = new ArrayList<>();
        for (SourceCapture c : reversed) {
            grown.add(c);
            derivation.derive(grown);
        }
        assertEquals(reference, fingerprint(derivation.derive(grown)), "one by one");
    }

    /** Each capture's key mapped to its article (by the article's sorted member keys) and its version digest. */
    /** The derivation's fingerprint, the same for the captures reversed and shuffled three ways. */
    static Map<String, String> assertSameInEveryOrder(SourceDerivation derivation, List<SourceCapture> captures) {
        Map<String, String> reference = fingerprint(derivation.derive(captures));
        List<SourceCapture> reversed = new ArrayList<>(captures);
        Collections.reverse(reversed);
        assertEquals(reference, fingerprint(derivation.derive(reversed)), "reversed");
        for (long seed = 1; seed <= 3; seed++) {
            List<SourceCapture> shuffled = new ArrayList<>(captures);
            Collections.shuffle(shuffled, new Random(seed));
            assertEquals(reference, fingerprint(derivation.derive(shuffled)), "shuffle " + seed);
        }
        return reference;
    }

    static Map<String, String> fingerprint(Derivation d) {
        Map<String, String> out = new TreeMap<>();
        for (Derivation.Article a : d.articles()) {
            Set<String> members = a.captures().stream().map(c -> c.capture().orderKey()).collect(Collectors.toCollection(TreeSet::new));
            for (var c : a.captures()) {
                out.put(c.capture().orderKey(), members.hashCode() + "|" + c.normalized().contentSha256() + "|v" + c.versionNumber());
            }
        }
        return out;
    }
}
