package org.palimpsest.core.diff;

/** White space as the diff sees it, and the words it separates. */
final class Words {
    private Words() {
    }

    /**
     * {@link Character#isWhitespace}, with the ASCII answers first: the diff asks this of every character it reads,
     * and the general lookup is most of the cost.
     */
    static boolean isSpace(char c) {
        if (c < 0x80) {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
        }
        return Character.isWhitespace(c);
    }

    /** Runs of anything but white space. */
    static int count(String text) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = isSpace(text.charAt(i));
            if (!space && !inWord) {
                n++;
            }
            inWord = !space;
        }
        return n;
    }
}
