package org.palimpsest.core.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import org.netpreserve.jwarc.WarcDigest;

/** A SHA-256 digest, kept as lower-case hex. */
public record ContentDigest(String hex) {

    public ContentDigest {
        if (!isSha256Hex(hex)) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + hex);
        }
    }

    /**
     * Whether the text is 64 lower-case hex digits. Checked by hand, not by a regular expression compiled on each call:
     * every template line of every capture is named by a digest, and the compile was half the cost of naming a
     * capture's lines (NormalizeBenchmark.templateLines, docs/benchmarks.md).
     */
    private static boolean isSha256Hex(String hex) {
        if (hex == null || hex.length() != 64) {
            return false;
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    public static ContentDigest of(byte[] bytes) {
        return new ContentDigest(HexFormat.of().formatHex(sha256().digest(bytes)));
    }

    public static ContentDigest of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The SHA-1 of the bytes in base32, as WARC and CDX tools write payload digests (without the sha1: prefix). */
    public static String sha1Base32(byte[] bytes) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(bytes);
            return new WarcDigest(sha1).base32();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    /** The RFC 9530 {@code Repr-Digest} value: {@code sha-256=:<base64>:}. */
    public String reprDigest() {
        return "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex)) + ":";
    }

    @Override
    public String toString() {
        return hex;
    }
}
