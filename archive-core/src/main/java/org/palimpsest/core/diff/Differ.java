package org.palimpsest.core.diff;

import java.util.ArrayList;
import java.util.List;
import org.palimpsest.core.normalize.Canonical;

/**
 * Compares two documents the way the NewsEdits work on news revisions does: paragraphs are aligned first, then
 * sentences inside changed blocks, then words inside changed sentences — so a moved or inserted paragraph stays one
 * insertion instead of turning the rest of the article into noise. Units are compared in canonical form (quote
 * styles and spacing do not count as changes); ops keep the original characters.
 */
public final class Differ {
    private static final String CLOSERS = "\"'\u201D\u2019)]";

    public DiffResult diff(DiffDocument from, DiffDocument to, DiffGranularity granularity) {
        return diff(from, to, granularity, Deadline.NONE);
    }

    /** The comparison, abandoned with {@link Deadline.OutOfTime} when it runs past the deadline. */
    public DiffResult diff(DiffDocument from, DiffDocument to, DiffGranularity granularity, Deadline deadline) {
        Ops ops = new Ops();
        boolean headlineChanged = !from.headline().equals(to.headline())
                && !Canonical.of(from.headline()).equals(Canonical.of(to.headline()));
        if (from.headline().equals(to.headline())) {
            ops.equal(from.headline().isEmpty() ? "" : from.headline() + "\n");
        } else {
            block(List.of(from.headline()), List.of(to.headline()), granularity, ops, deadline);
            ops.equal("\n");
        }
        List<String> a = from.paragraphs();
        List<String> b = to.paragraphs();
        Alignment.walk(a, b, deadline, i -> ops.equalParagraph(a.get(i), from.words(i)), c -> {
            List<String> removed = a.subList(c.fromStart(), c.fromEnd());
            List<String> added = b.subList(c.toStart(), c.toEnd());
            if (removed.isEmpty() || added.isEmpty()
                    || granularity == DiffGranularity.PARAGRAPH || granularity == DiffGranularity.LINE) {
                removed.forEach(p -> ops.delete(p + "\n"));
                added.forEach(p -> ops.insert(p + "\n"));
            } else {
                block(removed, added, granularity, ops, deadline);
                ops.equal("\n");
            }
        });
        return ops.result(headlineChanged);
    }

    /** A changed block of paragraphs: sentences aligned, then words inside changed sentences. */
    private void block(List<String> removed, List<String> added, DiffGranularity granularity, Ops ops,
            Deadline deadline) {
        List<String> sa = sentences(String.join("\n", removed));
        List<String> sb = sentences(String.join("\n", added));
        Alignment.walk(sa, sb, deadline, i -> ops.equal(sa.get(i)), c -> {
            List<String> gone = sa.subList(c.fromStart(), c.fromEnd());
            List<String> come = sb.subList(c.toStart(), c.toEnd());
            if (granularity == DiffGranularity.WORD && !gone.isEmpty() && !come.isEmpty()) {
                words(String.join("", gone), String.join("", come), ops, deadline);
            } else {
                gone.forEach(ops::delete);
                come.forEach(ops::insert);
            }
        });
    }

    /** Word-level diff; white space runs are tokens too, so the ops rebuild both texts exactly. */
    static void words(String from, String to, Ops ops, Deadline deadline) {
        List<String> ta = tokens(from);
        List<String> tb = tokens(to);
        Alignment.walk(ta, tb, deadline, i -> ops.token(DiffOp.Kind.EQUAL, ta.get(i)), c -> {
            ta.subList(c.fromStart(), c.fromEnd()).forEach(t -> ops.token(DiffOp.Kind.DELETE, t));
            tb.subList(c.toStart(), c.toEnd()).forEach(t -> ops.token(DiffOp.Kind.INSERT, t));
        });
    }

    /**
     * Sentences with their trailing white space, so that joining them gives the text back: a sentence ends at white
     * space after a full stop, question or exclamation mark (and up to two closing quotes or brackets), unless the
     * next word starts in lower case ("e.g. this").
     */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        char[] chars = text.toCharArray(); // read as an array: see Words.count
        int start = 0;
        int n = chars.length;
        for (int i = 1; i < n; i++) {
            if (!Words.isSpace(chars[i])) {
                continue;
            }
            int end = i;
            while (end < n && Words.isSpace(chars[end])) {
                end++;
            }
            if (end < n && endsSentence(chars, i) && !Character.isLowerCase(chars[end])) {
                out.add(text.substring(start, end));
                start = end;
            }
            i = end - 1;
        }
        if (start < n) {
            out.add(text.substring(start));
        }
        return out;
    }

    private static boolean endsSentence(char[] text, int whitespaceAt) {
        int p = whitespaceAt - 1;
        for (int closers = 0; closers < 2 && p >= 0 && CLOSERS.indexOf(text[p]) >= 0; closers++) {
            p--;
        }
        return p >= 0 && ".!?".indexOf(text[p]) >= 0;
    }

    /** Runs of white space and runs of everything else, in order. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        char[] chars = text.toCharArray(); // read as an array: see Words.count
        int n = chars.length;
        int start = 0;
        while (start < n) {
            boolean space = Words.isSpace(chars[start]);
            int end = start + 1;
            while (end < n && Words.isSpace(chars[end]) == space) {
                end++;
            }
            out.add(text.substring(start, end));
            start = end;
        }
        return out;
    }

    /**
     * Collects ops, merging neighbours of the same kind and counting words. A run of one kind is kept as its pieces
     * and joined once when it ends: one copy of its characters, into a string of the run's exact size (a builder
     * copied each piece in, widened itself at the first character outside Latin-1, and copied the run out again —
     * a fifth of a word diff's time, most of it on the unchanged text).
     */
    static final class Ops {
        private final List<DiffOp> ops = new ArrayList<>();
        private final List<String> pending = new ArrayList<>();
        private DiffOp.Kind pendingKind;
        private int inserted;
        private int deleted;
        private int unchanged;

        void equal(String text) {
            add(DiffOp.Kind.EQUAL, text);
        }

        void insert(String text) {
            add(DiffOp.Kind.INSERT, text);
        }

        void delete(String text) {
            add(DiffOp.Kind.DELETE, text);
        }

        /** A paragraph both documents share, with its words already counted, and its line break. */
        void equalParagraph(String text, int words) {
            add(DiffOp.Kind.EQUAL, text, words);
            add(DiffOp.Kind.EQUAL, "\n", 0);
        }

        /** A token of {@link #tokens}: one word, or white space (none). */
        void token(DiffOp.Kind kind, String token) {
            add(kind, token, Words.isSpace(token.charAt(0)) ? 0 : 1);
        }

        void add(DiffOp.Kind kind, String text) {
            add(kind, text, Words.count(text));
        }

        private void add(DiffOp.Kind kind, String text, int words) {
            if (text.isEmpty()) {
                return;
            }
            switch (kind) {
                case EQUAL -> unchanged += words;
                case INSERT -> inserted += words;
                case DELETE -> deleted += words;
            }
            if (kind != pendingKind) {
                closePending();
                pendingKind = kind;
            }
            pending.add(text);
        }

        private void closePending() {
            if (pendingKind != null && !pending.isEmpty()) {
                ops.add(new DiffOp(pendingKind, pending.size() == 1 ? pending.get(0) : String.join("", pending)));
            }
            pending.clear();
        }

        DiffResult result(boolean headlineChanged) {
            closePending();
            int all = 2 * unchanged + inserted + deleted;
            double similarity = all == 0 ? 1.0 : 2.0 * unchanged / all;
            return new DiffResult(cleanedUp(), new DiffResult.Stats(inserted, deleted, unchanged),
                    Math.round(similarity * 10000) / 10000.0, headlineChanged);
        }

        /**
         * Absorbs white space that sits alone between two changes into them, and gives each run of changes as one
         * delete followed by one insert: "diplomacy," becoming "diplomacy and" reads as one replacement.
         */
        private List<DiffOp> cleanedUp() {
            List<DiffOp> out = new ArrayList<>();
            StringBuilder deleted = new StringBuilder();
            StringBuilder inserted = new StringBuilder();
            for (int i = 0; i < ops.size(); i++) {
                DiffOp op = ops.get(i);
                boolean between = op.op() == DiffOp.Kind.EQUAL && op.text().isBlank() && !op.text().contains("\n")
                        && i > 0 && i < ops.size() - 1 && ops.get(i + 1).op() != DiffOp.Kind.EQUAL;
                if (op.op() == DiffOp.Kind.DELETE || between) {
                    deleted.append(op.text());
                }
                if (op.op() == DiffOp.Kind.INSERT || between) {
                    inserted.append(op.text());
                }
                if (op.op() == DiffOp.Kind.EQUAL && !between) {
                    flush(out, deleted, inserted);
                    out.add(op);
                }
            }
            flush(out, deleted, inserted);
            return List.copyOf(out);
        }

        private static void flush(List<DiffOp> out, StringBuilder deleted, StringBuilder inserted) {
            if (deleted.length() > 0) {
                out.add(new DiffOp(DiffOp.Kind.DELETE, deleted.toString()));
            }
            if (inserted.length() > 0) {
                out.add(new DiffOp(DiffOp.Kind.INSERT, inserted.toString()));
            }
            deleted.setLength(0);
            inserted.setLength(0);
        }

    }
}
