package org.palimpsest.core.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void whiteSpaceIsExactlyWhatJavaCallsWhiteSpace() {
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            assertEquals(Character.isWhitespace(c), Words.isSpace(c), () -> "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void wordsAreRunsBetweenWhiteSpaceOfAnyKind() {
        assertEquals(0, Words.count(""));
        assertEquals(0, Words.count(" \t\n"));
        assertEquals(4, Words.count("  It\u2019s\u2003four\twords\n here "));
        assertEquals(1, Words.count("no\u00A0break"), "a non-breaking space joins");
    }
}
