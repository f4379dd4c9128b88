package org.palimpsest.core.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentDigestTest {
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void aTextIsNamedByTheLowerCaseHexOfItsSha256() {
        assertEquals(ABC, ContentDigest.of("abc").hex());
        assertEquals(ABC, new ContentDigest(ABC).hex());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "ba7816bf", ABC + "0", "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
            "ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a ",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a/"})
    void anythingButSixtyFourLowerCaseHexDigitsIsRefused(String hex) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ContentDigest(hex));
        assertEquals("not a SHA-256 hex digest: " + hex, e.getMessage());
    }
}
