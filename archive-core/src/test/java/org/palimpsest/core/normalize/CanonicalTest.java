package org.palimpsest.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CanonicalTest {
    @Test
    void typographicVariantsFoldToOneForm() {
        assertEquals("\"It's a 'test' - really...\" she said",
                Canonical.of("\u201CIt\u2019s a \u2018test\u2019 \u2014 really\u2026\u201D\u00A0she  said"));
    }

    @Test
    void whiteSpaceAndLineEndingsCollapse() {
        assertEquals("a b c", Canonical.of("  a\r\n\tb \u2009 c \r\n"));
    }

    @Test
    void composedAndDecomposedAccentsAreEqual() {
        assertEquals(Canonical.of("Caf\u00E9"), Canonical.of("Cafe\u0301"));
    }

    @Test
    void caseAndWordsAreKept() {
        assertEquals("Kyiv KYIV", Canonical.of("Kyiv KYIV"));
    }
}
