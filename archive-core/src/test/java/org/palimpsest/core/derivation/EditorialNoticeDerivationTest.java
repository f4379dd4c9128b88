package org.palimpsest.core.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.palimpsest.core.Samples;
import org.palimpsest.core.normalize.Canonical;
import org.palimpsest.core.normalize.NormalizationRules;

/** Editorial notices are content: the same correction on many articles is never learned as chrome. */
class EditorialNoticeDerivationTest {
    static final Instant T0 = Instant.parse("2025-05-11T10:00:00Z");
    static final String NOTICE = "Correction: An earlier version of this story misstated a figure. The story has been"
            + " updated.";
    final SourceDerivation derivation = new SourceDerivation(NormalizationRules.DEFAULT, 0.5);

    /** A sample with a line put in the body: before its first section marker, or at its end when it has none. */
    static String withLine(String text, String line) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.equals("Most Popular") || l.equals("Editors' Picks")) {
                at = i;
                break;
            }
        }
        lines.add(at, line);
        return String.join("\n", lines);
    }

    /** Each of the five samples at T0 + i minutes, and again a day later carrying the correction. */
    static List<SourceCapture> correctedSamples() {
        List<SourceCapture> captures = new ArrayList<>();
        List<String> samples = Samples.texts();
        for (int i = 0; i < samples.size(); i++) {
            captures.add(Samples.capture(samples.get(i), T0.plusSeconds(60L * i)));
            captures.add(Samples.capture(withLine(samples.get(i), NOTICE), T0.plusSeconds(86_400L + 60L * i)));
        }
        return captures;
    }

    @Test
    void aCorrectionOnFiveArticlesMakesANewVersionOfEachAndIsNeverTemplate() {
        Derivation d = derivation.derive(correctedSamples());
        assertFalse(d.template().bodyLines().containsKey(Canonical.of(NOTICE)), "the notice is not chrome");
        assertFalse(d.template().headLines().containsKey(Canonical.of(NOTICE)));
        assertEquals(5, d.articles().size());
        for (Derivation.Article article : d.articles()) {
            assertEquals(2, article.versions().size(), "the corrected capture is a new version");
            var corrected = article.captures().get(1).normalized();
            assertEquals(NOTICE, corrected.paragraphs().get(corrected.paragraphs().size() - 1));
            assertEquals(article.captures().get(0).normalized().paragraphs(),
                    corrected.paragraphs().subList(0, corrected.paragraphs().size() - 1),
                    "the rest of the text is what the first capture holds");
        }
    }

    @Test
    void correctionsGiveTheSameArticlesDigestsAndMappingInEveryOrder() {
        List<SourceCapture> captures = correctedSamples();
        Map<String, String> reference = VersioningTest.assertSameInEveryOrder(derivation, captures);
        List<SourceCapture> grown = new ArrayList<>();
        for (SourceCapture c : captures) {
            grown.add(c);
            derivation.derive(grown);
        }
        assertEquals(reference, VersioningTest.fingerprint(derivation.derive(grown)), "one by one");
    }
}
