package org.palimpsest.core.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.palimpsest.core.Samples;
import org.palimpsest.core.Variants;
import org.palimpsest.core.normalize.NormalizationRules;

/**
 * A derivation planned from captures read as it asks ({@link SourceDerivation#plan}) decides what the derivation of
 * them all in memory decides, and keeps none of them: a source is re-derived without holding its text.
 */
class DerivationPlanTest {
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    private final SourceDerivation derivation = new SourceDerivation(NormalizationRules.DEFAULT, 0.5);

    /** Captures made anew from their text each time they are read, each read remembered weakly. */
    private static final class Reread implements SourceCaptures {
        private final Map<String, String> textByKey = new HashMap<>();
        private final Map<String, Instant> timeByKey = new HashMap<>();
        private final List<String> keys = new ArrayList<>();
        final List<WeakReference<SourceCapture>> read = new ArrayList<>();
        int mostHeld;

        Reread(List<String> texts) {
            for (int i = 0; i < texts.size(); i++) {
                Instant at = T0.plusSeconds(600L * i);
                String key = Samples.capture(texts.get(i), at).orderKey();
                textByKey.put(key, texts.get(i));
                timeByKey.put(key, at);
                keys.add(key);
            }
        }

        @Override
        public List<String> orderKeys() {
            return keys;
        }

        /** Gives the captures one by one, counting before each how many of those given before are still held. */
        @Override
        public void read(List<String> orderKeys, Consumer<SourceCapture> each) {
            for (String key : orderKeys) {
                mostHeld = Math.max(mostHeld, held());
                give(key, each);
            }
        }

        private void give(String key, Consumer<SourceCapture> each) {
            SourceCapture capture = Samples.capture(textByKey.get(key), timeByKey.get(key));
            read.add(new WeakReference<>(capture));
            each.accept(capture);
        }

        /** How many captures given so far are still reachable, after collecting garbage until none is or ten times. */
        int held() {
            for (int attempt = 0; attempt < 10 && read.stream().anyMatch(r -> r.get() != null); attempt++) {
                System.gc();
            }
            return (int) read.stream().filter(r -> r.get() != null).count();
        }

        List<SourceCapture> all() {
            return keys.stream().map(k -> Samples.capture(textByKey.get(k), timeByKey.get(k))).toList();
        }
    }

    private static List<String> texts() {
        List<String> texts = new ArrayList<>(Samples.texts());
        texts.add(Variants.text("content-one-word"));
        texts.add(Variants.text("chrome-reordered"));
        texts.add(Variants.text("content-headline"));
        texts.add(Variants.text("chrome-different-ticker"));
        return texts;
    }

    @Test
    void aPlanReadsEveryCaptureOnceARoundAndHoldsNoneOfThem() {
        Reread captures = new Reread(texts());
        SourceDerivation.Plan plan = derivation.plan(captures);
        assertEquals(plan.iterations() * 9, captures.read.size());
        assertEquals(0, captures.mostHeld, "captures read before still held while reading the next");
        assertEquals(0, captures.held(), "captures still held by the plan");
        assertEquals(5, plan.articles().size());
        assertTrue(plan.iterations() >= 2, "a template was learned: " + plan.iterations());
    }

    @Test
    void articlesOfAPlanAreThoseOfTheDerivationInMemory() {
        Reread captures = new Reread(texts());
        SourceDerivation.Plan plan = derivation.plan(captures);
        Derivation planned = new Derivation(plan.template(), plan.iterations(),
                derivation.articles(captures, plan, plan.articles()));
        Derivation inMemory = derivation.derive(captures.all());
        assertEquals(VersioningTest.fingerprint(inMemory), VersioningTest.fingerprint(planned));
        assertEquals(inMemory.template().headLines(), planned.template().headLines());
        assertEquals(inMemory.template().bodyLines(), planned.template().bodyLines());
        assertEquals(inMemory.iterations(), planned.iterations());
    }
}
