package org.palimpsest.core.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palimpsest.core.derivation.EditorialNoticeDerivationTest.withLine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.palimpsest.core.Samples;
import org.palimpsest.core.normalize.Canonical;
import org.palimpsest.core.normalize.EditorialNotice;
import org.palimpsest.core.normalize.NormalizationRules;

/**
 * A body line each article gains as an edit, at its own time, is content however many articles gain it; a line every
 * capture of the source holds from one day on is chrome, although every article gained it too.
 */
class EditLineDerivationTest {
    static final Instant T0 = Instant.parse("2025-05-11T10:00:00Z");
    /** Matches no notice pattern: only the way it appears tells it from chrome. */
    static final String EDIT = "Staff writer Dana Whitfield contributed reporting from the border region.";
    static final String SIGN_UP = "Sign up for our morning briefing to get the day's top stories in your inbox.";
    static final int DAYS = 5;

    final SourceDerivation derivation = new SourceDerivation(NormalizationRules.DEFAULT, 0.5);

    /**
     * Each sample captured on day 0 and on each of days 1 to 5. From day 1 every capture carries the sign-up line; sample
     * i carries the edit from day i + 1 on, so each article gains it at its own time while the others' captures of the
     * same days do not hold it yet.
     */
    static List<SourceCapture> captures() {
        List<SourceCapture> out = new ArrayList<>();
        List<String> samples = Samples.texts();
        for (int day = 0; day <= DAYS; day++) {
            for (int i = 0; i < samples.size(); i++) {
                String text = samples.get(i);
                if (day >= i + 1) {
                    text = withLine(text, EDIT);
                }
                if (day >= 1) {
                    text = withLine(text, SIGN_UP);
                }
                out.add(Samples.capture(text, T0.plusSeconds(86_400L * day + 60L * i)));
            }
        }
        return out;
    }

    @Test
    void theLinesMatchNoNoticePattern() {
        assertFalse(EditorialNotice.is(EDIT));
        assertFalse(EditorialNotice.is(SIGN_UP));
    }

    @Test
    void aLineEachArticleGainsAtItsOwnTimeIsAnEditAndALineEveryCaptureHoldsFromOneDayOnIsChrome() {
        Derivation d = derivation.derive(captures());
        assertFalse(d.template().bodyLines().containsKey(Canonical.of(EDIT)), "the edit is not chrome");
        assertEquals(5, d.template().bodyLines().get(Canonical.of(SIGN_UP)), "the sign-up line is chrome, in 5 articles");
        assertEquals(5, d.articles().size());
        for (Derivation.Article article : d.articles()) {
            assertEquals(2, article.versions().size(), "one version before the edit, one after");
            var edited = article.captures().get(article.captures().size() - 1).normalized();
            assertEquals(EDIT, edited.paragraphs().get(edited.paragraphs().size() - 1));
            assertFalse(edited.paragraphs().contains(SIGN_UP), "the sign-up line is removed");
            assertTrue(edited.removed().stream().anyMatch(r -> r.text().equals(SIGN_UP)));
            assertEquals(article.captures().get(0).normalized().paragraphs(),
                    edited.paragraphs().subList(0, edited.paragraphs().size() - 1),
                    "the rest of the text is what the first capture holds");
        }
    }

    @Test
    void editsAndChromeGiveTheSameArticlesDigestsAndMappingInEveryOrder() {
        VersioningTest.assertSameInEveryOrder(derivation, captures());
    }

    @Test
    void anArticleFirstCapturedWithTheLineCountsItAsItsOwn() {
        // Three articles born with the line (their first capture holds it) make it template whatever its timing: a
        // line a site's new pages are born with is the site's.
        List<SourceCapture> captures = new ArrayList<>();
        List<String> samples = Samples.texts();
        captures.add(Samples.capture(samples.get(0), T0));
        for (int i = 1; i <= 3; i++) {
            captures.add(Samples.capture(withLine(samples.get(i), EDIT), T0.plusSeconds(86_400L * i)));
        }
        captures.add(Samples.capture(samples.get(4), T0.plusSeconds(86_400L * 2 + 60)));
        Derivation d = derivation.derive(captures);
        assertEquals(3, d.template().bodyLines().get(Canonical.of(EDIT)));
    }
}
