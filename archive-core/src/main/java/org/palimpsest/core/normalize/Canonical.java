package org.palimpsest.core.normalize;

import java.text.Normalizer;

/**
 * The canonical form of text used for hashing and comparison: Unicode NFC, typographic variants folded
 * (curly and straight quotes and apostrophes, dashes, non-breaking and other spaces, the ellipsis),
 * white space collapsed and trimmed. Stored text keeps the original characters; only digests use this form.
 */
public final class Canonical {
    private Canonical() {
    }

    public static String of(String text) {
        if (alreadyCanonical(text)) {
            return text;
        }
        String nfc = mayNeedComposition(text) ? Normalizer.normalize(text, Normalizer.Form.NFC) : text;
        StringBuilder out = new StringBuilder(nfc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfc.length(); i++) {
            char c = fold(nfc.charAt(i));
            if (c == ' ') {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            if (c == '\u2026') {
                out.append("...");
            } else if (c != '\u200B' && c != '\uFEFF' && c != '\u00AD') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Printable ASCII with single inner spaces and nothing to fold is its own canonical form. */
    private static boolean alreadyCanonical(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (i == 0 || i == n - 1 || text.charAt(i - 1) == ' ') {
                    return false;
                }
            } else if (c < 0x21 || c > 0x7E || c == '`') {
                return false;
            }
        }
        return true;
    }

    /** Text below U+0300 (where combining marks begin) is already in NFC; skipping the normaliser saves most of the cost. */
    private static boolean mayNeedComposition(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '\u0300') {
                return true;
            }
        }
        return false;
    }

    private static char fold(char c) {
        return switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC', '\u0060', '\u00B4' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> '"';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
            case '\t', '\n', '\r', '\u000B', '\f', '\u00A0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003',
                    '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A', '\u2028', '\u2029',
                    '\u202F', '\u205F', '\u3000' -> ' ';
            default -> c;
        };
    }
}
