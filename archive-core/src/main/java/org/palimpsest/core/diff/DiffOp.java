package org.palimpsest.core.diff;

/** One run of text that is equal in both sides, only in the new one (insert), or only in the old one (delete). */
public record DiffOp(Kind op, String text) {

    public enum Kind { EQUAL, INSERT, DELETE }
}
