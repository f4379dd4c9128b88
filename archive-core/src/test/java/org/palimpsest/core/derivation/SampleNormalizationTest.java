package org.palimpsest.core.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.palimpsest.core.Samples;
import org.palimpsest.core.normalize.Canonical;
import org.palimpsest.core.normalize.NormalizationRules;
import org.palimpsest.core.normalize.NormalizedCapture;

/** The five real captures: five articles, their exact headlines, bodies without the site's chrome. */
class SampleNormalizationTest {
    static final Instant T0 = Instant.parse("2025-05-11T10:00:00Z");
    static Map<String, NormalizedCapture> byHeadline;

    @BeforeAll
    static void deriveSamples() {
        List<SourceCapture> captures = new ArrayList<>();
        List<String> texts = Samples.texts();
        for (int i = 0; i < texts.size(); i++) {
            captures.add(Samples.capture(texts.get(i), T0.plusSeconds(60L * i)));
        }
        Derivation d = new SourceDerivation(NormalizationRules.DEFAULT, 0.5).derive(captures);
        assertEquals(5, d.articles().size());
        byHeadline = d.articles().stream().map(a -> a.captures().get(0).normalized())
                .collect(Collectors.toMap(NormalizedCapture::headline, n -> n, (a, b) -> a, TreeMap::new));
    }

    @Test
    void fiveSamplesGiveFiveArticlesWithTheirExactHeadlines() {
        assertEquals(List.of(
                "EXCLUSIVE: Voice message reveals Russian military unit's catastrophic losses in Ukraine",
                "Russia pushes for resuming peace talks in Istanbul based on 2022 terms, situation on the ground, Ushakov says",
                "Russia rejects European peacekeepers, NATO infrastructure in Ukraine amid potential peace talks, Peskov says",
                "Zelensky meets Stoltenberg, French defense minister in Kyiv",
                "Zelensky, Biden discuss security, diplomacy, aid to Ukraine"), List.copyOf(byHeadline.keySet()));
    }

    @Test
    void firstAndLastBodyParagraphsAreKept() {
        assertBody("Zelensky, Biden discuss security, diplomacy, aid to Ukraine",
                "President Volodymyr Zelensky held a phone conversation with U.S. President Joe Biden late on Jan. 27,"
                        + " their second conversation in January and fourth overall.",
                "\"We continue to see, including in the last 24 hours, more accumulation of credible combat forces"
                        + " arrayed by the Russians in, again, the western part of their country and in Belarus,\u201d"
                        + " said Pentagon press secretary John Kirby.", 17);
        assertBody("Russia pushes for resuming peace talks in Istanbul based on 2022 terms, situation on the ground, Ushakov says",
                "Russia wants to restart peace talks with Ukraine in Istanbul based on the results of the 2022"
                        + " negotiations and the current situation \"on the ground,\" Kremlin aide Yury Ushakov said on"
                        + " May 11, Russian state-controlled media reported.",
                "Lavrov said Kyiv must lift its ban on talks with Putin, accept a halt to Western military aid, drop"
                        + " international legal claims against Moscow, and allow the return of frozen Russian assets.", 15);
        assertBody("Russia rejects European peacekeepers, NATO infrastructure in Ukraine amid potential peace talks, Peskov says",
                "Kremlin spokesperson Dmitry Peskov rejected the idea of deploying European peacekeepers in Ukraine in"
                        + " an interview with ABC News released on May 11.",
                "The Kremlin has shown no signs it is willing to move forward on a peace deal with Ukraine, to Trump's"
                        + " reported frustration. Russian authorities have listed maximalist demands in ceasefire"
                        + " negotiations brokered by the U.S.", 11);
    }

    @Test
    void noTickerOrFooterLineIsLeftInAnyBody() {
        List<String> chrome = new ArrayList<>();
        for (String text : Samples.texts()) {
            List<String> lines = List.of(text.split("\n"));
            for (String line : lines) {
                if (line.startsWith("Read More:")) {
                    chrome.add(Canonical.of(line));
                }
            }
            int marker = lines.indexOf("Most Popular");
            if (marker >= 0) {
                lines.subList(marker, lines.size()).forEach(l -> chrome.add(Canonical.of(l)));
            }
        }
        for (NormalizedCapture n : byHeadline.values()) {
            for (String p : n.paragraphs()) {
                assertFalse(chrome.contains(Canonical.of(p)), "chrome left in '" + n.headline() + "': " + p);
            }
            assertTrue(n.removed().size() >= 13, "the ticker above '" + n.headline() + "' was removed");
        }
        NormalizedCapture biden = byHeadline.get("Zelensky, Biden discuss security, diplomacy, aid to Ukraine");
        assertTrue(biden.paragraphs().stream().noneMatch(p -> p.contains("Prevost")),
                "a ticker line above the headline stays out of the body");
    }

    @Test
    void theBodyParagraphThatTheTickerQuotesStaysInTheBody() {
        NormalizedCapture ushakov = byHeadline.get(
                "Russia pushes for resuming peace talks in Istanbul based on 2022 terms, situation on the ground, Ushakov says");
        assertEquals("Ushakov\u2019s comments follow Russian President Vladimir Putin's May 11 invitation for direct"
                + " talks with Ukraine in Istanbul starting May 15, after a temporary ceasefire for Russia\u2019s Victory"
                + " Day celebrations expired.", ushakov.paragraphs().get(1));
    }

    private static void assertBody(String headline, String first, String last, int count) {
        NormalizedCapture n = byHeadline.get(headline);
        assertEquals(first, n.paragraphs().get(0));
        assertEquals(last, n.paragraphs().get(n.paragraphs().size() - 1));
        assertEquals(count, n.paragraphs().size());
    }
}
