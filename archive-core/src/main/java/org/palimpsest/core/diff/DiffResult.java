package org.palimpsest.core.diff;

import java.util.List;

/**
 * A comparison: the ops in reading order (the headline first, paragraphs separated by {@code "\n"} in equal ops),
 * word counts, and similarity (Dice: twice the unchanged words over all words of both sides).
 */
public record DiffResult(List<DiffOp> ops, Stats stats, double similarity, boolean headlineChanged) {

    public record Stats(int inserted, int deleted, int unchanged) {
    }
}
