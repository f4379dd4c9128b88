package org.palimpsest.core.diff;

import java.util.Arrays;
import java.util.List;

/**
 * What is compared: a headline and paragraphs (for raw text: no headline, one paragraph per line). A paragraph's words
 * are counted the first time a diff needs them and kept, so a document compared twice (a version beside the one
 * before and the one after it) is counted once. Safe to share: a count computed twice is the same number.
 */
public final class DiffDocument {
    private final String headline;
    private final List<String> paragraphs;
    private final int[] words;

    public DiffDocument(String headline, List<String> paragraphs) {
        this.headline = headline;
        this.paragraphs = List.copyOf(paragraphs);
        this.words = new int[this.paragraphs.size()];
        Arrays.fill(words, -1);
    }

    public String headline() {
        return headline;
    }

    public List<String> paragraphs() {
        return paragraphs;
    }

    /** The words in paragraph {@code i}. */
    int words(int i) {
        if (words[i] < 0) {
            words[i] = Words.count(paragraphs.get(i));
        }
        return words[i];
    }
}
