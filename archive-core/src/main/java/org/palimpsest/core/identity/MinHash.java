package org.palimpsest.core.identity;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * MinHash signatures of word shingles, for estimating the Jaccard similarity of two bodies without keeping their
 * shingle sets. Seeds are fixed, so signatures are stable across runs and machines.
 */
public final class MinHash {
    public static final int SHINGLE_WORDS = 4;
    public static final int PERMUTATIONS = 128;
    private static final long[] A = new long[PERMUTATIONS];
    private static final long[] B = new long[PERMUTATIONS];

    static {
        SplittableRandom random = new SplittableRandom(0x5A1135E57L);
        for (int i = 0; i < PERMUTATIONS; i++) {
            A[i] = random.nextLong() | 1L;
            B[i] = random.nextLong();
        }
    }

    private MinHash() {
    }

    /** The signature of a canonical body; an empty body has a signature of {@code Integer.MAX_VALUE}s. */
    public static int[] signature(String canonicalBody) {
        long[] hashes = wordHashes(canonicalBody);
        int n = hashes.length;
        int[] sig = new int[PERMUTATIONS];
        Arrays.fill(sig, Integer.MAX_VALUE);
        int shingles = n < SHINGLE_WORDS ? Math.min(n, 1) : n - SHINGLE_WORDS + 1;
        for (int s = 0; s < shingles; s++) {
            long h = 0;
            for (int k = s; k < Math.min(n, s + SHINGLE_WORDS); k++) {
                h = h * 0x100000001B3L + hashes[k];
            }
            for (int i = 0; i < PERMUTATIONS; i++) {
                int v = (int) ((A[i] * h + B[i]) >>> 33);
                if (v < sig[i]) {
                    sig[i] = v;
                }
            }
        }
        return sig;
    }

    /** The estimated Jaccard similarity of the two shingle sets, 0 when either body is empty. */
    public static double similarity(int[] a, int[] b) {
        if (a[0] == Integer.MAX_VALUE || b[0] == Integer.MAX_VALUE) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < PERMUTATIONS; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return same / (double) PERMUTATIONS;
    }

    /** FNV-1a hashes of the lower-cased words (runs of letters and digits) of the text. */
    private static long[] wordHashes(String text) {
        long[] out = new long[Math.max(8, text.length() / 5)];
        int n = 0;
        long h = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (!inWord) {
                    h = 0xcbf29ce484222325L;
                    inWord = true;
                }
                h = (h ^ Character.toLowerCase(c)) * 0x100000001b3L;
            } else if (inWord) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = h;
                inWord = false;
            }
        }
        if (inWord) {
            out = n == out.length ? Arrays.copyOf(out, n + 1) : out;
            out[n++] = h;
        }
        return Arrays.copyOf(out, n);
    }

    /** A signature as stored in {@code version.signature}: its ints, big-endian. */
    public static byte[] toBytes(int[] signature) {
        ByteBuffer buffer = ByteBuffer.allocate(signature.length * 4);
        buffer.asIntBuffer().put(signature);
        return buffer.array();
    }

    /** A signature read back from {@link #toBytes}. */
    public static int[] fromBytes(byte[] bytes) {
        int[] out = new int[bytes.length / 4];
        ByteBuffer.wrap(bytes).asIntBuffer().get(out);
        return out;
    }
}
