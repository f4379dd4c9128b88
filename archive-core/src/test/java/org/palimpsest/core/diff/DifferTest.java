package org.palimpsest.core.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.palimpsest.core.Samples;
import org.palimpsest.core.Variants;
import org.palimpsest.core.derivation.Derivation;
import org.palimpsest.core.derivation.SourceDerivation;
import org.palimpsest.core.normalize.NormalizationRules;
import org.palimpsest.core.normalize.NormalizedCapture;

class DifferTest {
    static final Differ DIFFER = new Differ();

    /** Sample 000 and a variant, normalised together with the other samples (so the template is learned). */
    static DiffDocument[] pair(String variant) {
        var captures = new java.util.ArrayList<>(List.of(Samples.capture(Samples.text(0), Instant.parse("2025-05-11T10:00:00Z"))));
        for (int i = 1; i < 5; i++) {
            captures.add(Samples.capture(Samples.text(i), Instant.parse("2025-05-11T10:00:00Z").plusSeconds(60L * i)));
        }
        captures.add(Samples.capture(Variants.text(variant), Instant.parse("2025-05-12T10:00:00Z")));
        Derivation d = new SourceDerivation(NormalizationRules.DEFAULT, 0.5).derive(captures);
        var biden = d.articles().stream().filter(a -> a.captures().get(0).normalized().headline().startsWith("Zelensky, Biden"))
                .findFirst().orElseThrow();
        NormalizedCapture a = biden.captures().get(0).normalized();
        NormalizedCapture b = biden.captures().get(1).normalized();
        return new DiffDocument[] {new DiffDocument(a.headline(), a.paragraphs()), new DiffDocument(b.headline(), b.paragraphs())};
    }

    static List<DiffOp> changes(DiffResult r) {
        return r.ops().stream().filter(o -> o.op() != DiffOp.Kind.EQUAL).toList();
    }

    @Test
    void oneChangedWordIsOneDeleteAndOneInsert() {
        DiffDocument[] p = pair("content-one-word");
        DiffResult r = DIFFER.diff(p[0], p[1], DiffGranularity.WORD);
        assertEquals(List.of(new DiffOp(DiffOp.Kind.DELETE, "fourth"), new DiffOp(DiffOp.Kind.INSERT, "fifth")), changes(r));
        assertEquals(new DiffResult.Stats(1, 1, r.stats().unchanged()), r.stats());
        assertFalse(r.headlineChanged());
        assertTrue(r.similarity() > 0.99);
        assertEquals(text(p[0]), side(r, DiffOp.Kind.INSERT));
        assertEquals(text(p[1]), side(r, DiffOp.Kind.DELETE));
    }

    @Test
    void anInsertedParagraphIsOneInsertAndTheRestStaysEqual() {
        DiffDocument[] p = pair("content-inserted-paragraph");
        DiffResult r = DIFFER.diff(p[0], p[1], DiffGranularity.WORD);
        assertEquals(List.of(new DiffOp(DiffOp.Kind.INSERT,
                "The White House did not say whether the two leaders discussed sanctions in detail during the call.\n")),
                changes(r));
        assertEquals(0, r.stats().deleted());
        assertEquals(17, r.stats().inserted());
    }

    @Test
    void aChangedHeadlineIsReportedAndDiffedByWord() {
        DiffDocument[] p = pair("content-headline");
        DiffResult r = DIFFER.diff(p[0], p[1], DiffGranularity.WORD);
        assertTrue(r.headlineChanged());
        assertEquals(List.of(new DiffOp(DiffOp.Kind.DELETE, "diplomacy,"), new DiffOp(DiffOp.Kind.INSERT, "diplomacy and")),
                changes(r));
        assertEquals(new DiffOp(DiffOp.Kind.EQUAL, "Zelensky, Biden discuss security, "), r.ops().get(0));
    }

    @Test
    void quoteStyleAndSpacingAreNotChanges() {
        DiffDocument[] p = pair("chrome-quote-style");
        DiffResult r = DIFFER.diff(new DiffDocument("A \u201Cquote\u201D", List.of("It\u2019s  here.")),
                new DiffDocument("A \"quote\"", List.of("It's here.")), DiffGranularity.WORD);
        assertEquals(List.of(), changes(r));
        assertEquals(1.0, r.similarity());
        assertEquals(List.of(), changes(DIFFER.diff(p[0], p[1], DiffGranularity.WORD)));
    }

    @Test
    void coarserGranularitiesReportWholeUnits() {
        DiffDocument[] p = pair("content-one-word");
        List<DiffOp> sentences = changes(DIFFER.diff(p[0], p[1], DiffGranularity.SENTENCE));
        assertEquals(2, sentences.size());
        assertTrue(sentences.get(0).text().endsWith("fourth overall."));
        assertTrue(sentences.get(1).text().endsWith("fifth overall."));
        List<DiffOp> paragraphs = changes(DIFFER.diff(p[0], p[1], DiffGranularity.PARAGRAPH));
        assertEquals(p[0].paragraphs().get(0) + "\n", paragraphs.get(0).text());
        assertEquals(p[1].paragraphs().get(0) + "\n", paragraphs.get(1).text());
    }

    @Test
    void sentencesEndAfterClosingQuotesAndTokensKeepEveryCharacter() {
        String text = "He said \u201CNo.\u201D  Then (briefly) left! Did he? Yes... e.g. this stays";
        assertEquals(List.of("He said \u201CNo.\u201D  ", "Then (briefly) left! ", "Did he? ",
                "Yes... e.g. this stays"), Differ.sentences(text), "no sentence starts with a lower-case word");
        assertEquals(List.of("a", "  ", "b,", "\n", "c"), Differ.tokens("a  b,\nc"));
        assertEquals(List.of(), Differ.sentences(""));
    }

    /** The text of one side: every op but those of the other side. */
    static String side(DiffResult r, DiffOp.Kind other) {
        StringBuilder sb = new StringBuilder();
        r.ops().stream().filter(o -> o.op() != other).forEach(o -> sb.append(o.text()));
        return sb.toString();
    }

    static String text(DiffDocument d) {
        StringBuilder sb = new StringBuilder(d.headline()).append('\n');
        d.paragraphs().forEach(p -> sb.append(p).append('\n'));
        return sb.toString();
    }

    /** One sentence of {@code words} words drawn from a vocabulary of its own (two such share no word). */
    static String sentence(String vocabulary, int words, long seed) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(vocabulary).append(random.nextInt(100_000)).append(i % 2 == 0 ? " " : "  ");
        }
        return text.toString().strip();
    }

    @Test
    void aWordDiffThatRunsPastItsDeadlineIsAbandonedAndTheSameDiffByParagraphIsNot() {
        // one long line on either side with no word in common: the word diff's cost grows with its size times
        // the size of the difference, far beyond any budget a request should wait for
        DiffDocument from = new DiffDocument("Page", List.of(sentence("alpha", 6_000, 1)));
        DiffDocument to = new DiffDocument("Page", List.of(sentence("omega", 6_000, 2)));
        Deadline.OutOfTime out = org.junit.jupiter.api.Assertions.assertThrows(Deadline.OutOfTime.class,
                () -> DIFFER.diff(from, to, DiffGranularity.WORD, Deadline.in(java.time.Duration.ofMillis(50))));
        assertEquals("the comparison took longer than 50 ms", out.getMessage());
        DiffResult whole = DIFFER.diff(from, to, DiffGranularity.PARAGRAPH, Deadline.in(java.time.Duration.ofSeconds(30)));
        assertEquals(6_000, whole.stats().inserted());
        assertEquals(6_000, whole.stats().deleted());
    }
}
