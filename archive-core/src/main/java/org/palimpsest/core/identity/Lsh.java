package org.palimpsest.core.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * Locality-sensitive hashing of MinHash signatures: 32 bands of 4 rows. Two bodies become candidates when any band
 * is equal, which happens with probability 1 - (1 - s^4)^32 for Jaccard similarity s (0.87 at 0.5, 0.99 at 0.6,
 * 0.0002 at 0.05). Full and incremental derivation both take their candidates from here, so they see the same links.
 */
public final class Lsh {
    public static final int BANDS = 32;
    public static final int ROWS = MinHash.PERMUTATIONS / BANDS;

    private Lsh() {
    }

    /** The band hashes of a signature; an empty body has none (it is like nothing). */
    public static long[] bands(int[] signature) {
        if (signature[0] == Integer.MAX_VALUE) {
            return new long[0];
        }
        long[] out = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long h = 0x9E3779B97F4A7C15L * (b + 1);
            for (int r = 0; r < ROWS; r++) {
                h = (h ^ signature[b * ROWS + r]) * 0xBF58476D1CE4E5B9L;
                h ^= h >>> 31;
            }
            out[b] = h;
        }
        return out;
    }

    /**
     * The band keys of a signature, as stored in {@code lsh_band.band_key}: each band's hash with its band number
     * folded in, so equal hashes in different bands are different keys.
     */
    public static List<Long> bandKeys(int[] signature) {
        long[] bands = bands(signature);
        List<Long> keys = new ArrayList<>(bands.length);
        for (int b = 0; b < bands.length; b++) {
            keys.add(bands[b] * 31 + b);
        }
        return keys;
    }
}
