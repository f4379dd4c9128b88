package org.palimpsest.core.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.palimpsest.core.normalize.Canonical;

/**
 * Compares two documents the way the NewsEdits work on news revisions does: paragraphs are aligned first, then
 * sentences inside changed blocks, then words inside changed sentences — so a moved or inserted paragraph stays one
 * insertion instead of turning the rest of the article into noise. Units are compared in canonical form (quote
 * styles and spacing do not count as changes); ops keep the original characters.
 */
public final class Differ {
    private static final String CLOSERS = "\"'\u201D\u2019)]";

    /**
     * Paragraphs are equal when their text is, or else when their canonical forms are (computed once per paragraph):
     * most paragraphs of two versions are identical and never need canonicalising.
     */
    public DiffResult diff(DiffDocument from, DiffDocument to, DiffGranularity granularity) {
        Ops ops = new Ops();
        boolean headlineChanged = !Canonical.of(from.headline()).equals(Canonical.of(to.headline()));
        if (!from.headline().isEmpty() || !to.headline().isEmpty()) {
            block(List.of(from.headline()), List.of(to.headline()), granularity, ops);
            ops.add(DiffOp.Kind.EQUAL, "\n");
        }
        List<String> a = from.paragraphs();
        List<String> b = to.paragraphs();
        Map<String, String> canonicalForms = new IdentityHashMap<>();
        Patch<String> patch = DiffUtils.diff(a, b, (x, y) -> x.equals(y)
                || canonicalForms.computeIfAbsent(x, Canonical::of).equals(canonicalForms.computeIfAbsent(y, Canonical::of)));
        int ia = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            for (; ia < delta.getSource().getPosition(); ia++) {
                ops.equal(a.get(ia) + "\n");
            }
            int sa = delta.getSource().getPosition();
            int sb = delta.getTarget().getPosition();
            List<String> removed = a.subList(sa, sa + delta.getSource().size());
            List<String> added = b.subList(sb, sb + delta.getTarget().size());
            switch (delta.getType()) {
                case DELETE -> removed.forEach(p -> ops.delete(p + "\n"));
                case INSERT -> added.forEach(p -> ops.insert(p + "\n"));
                default -> {
                    if (granularity == DiffGranularity.PARAGRAPH || granularity == DiffGranularity.LINE) {
                        removed.forEach(p -> ops.delete(p + "\n"));
                        added.forEach(p -> ops.insert(p + "\n"));
                    } else {
                        block(removed, added, granularity, ops);
                        ops.add(DiffOp.Kind.EQUAL, "\n");
                    }
                }
            }
            ia = sa + delta.getSource().size();
        }
        for (; ia < a.size(); ia++) {
            ops.equal(a.get(ia) + "\n");
        }
        return ops.result(headlineChanged);
    }

    /** A changed block of paragraphs: sentences aligned, then words inside changed sentences. */
    private void block(List<String> removed, List<String> added, DiffGranularity granularity, Ops ops) {
        List<String> sa = sentences(String.join("\n", removed));
        List<String> sb = sentences(String.join("\n", added));
        Patch<String> patch = DiffUtils.diff(canonical(sa), canonical(sb));
        int i = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            for (; i < delta.getSource().getPosition(); i++) {
                ops.equal(sa.get(i));
            }
            int pa = delta.getSource().getPosition();
            int pb = delta.getTarget().getPosition();
            List<String> gone = sa.subList(pa, pa + delta.getSource().size());
            List<String> come = sb.subList(pb, pb + delta.getTarget().size());
            if (granularity == DiffGranularity.WORD && !gone.isEmpty() && !come.isEmpty()) {
                words(String.join("", gone), String.join("", come), ops);
            } else {
                gone.forEach(ops::delete);
                come.forEach(ops::insert);
            }
            i = pa + delta.getSource().size();
        }
        for (; i < sa.size(); i++) {
            ops.equal(sa.get(i));
        }
    }

    /** Word-level diff; white space runs are tokens too, so the ops rebuild both texts exactly. */
    static void words(String from, String to, Ops ops) {
        List<String> ta = tokens(from);
        List<String> tb = tokens(to);
        Patch<String> patch = DiffUtils.diff(canonical(ta), canonical(tb));
        int i = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            for (; i < delta.getSource().getPosition(); i++) {
                ops.equal(ta.get(i));
            }
            int pb = delta.getTarget().getPosition();
            for (int k = 0; k < delta.getSource().size(); k++) {
                ops.delete(ta.get(delta.getSource().getPosition() + k));
            }
            for (int k = 0; k < delta.getTarget().size(); k++) {
                ops.insert(tb.get(pb + k));
            }
            i = delta.getSource().getPosition() + delta.getSource().size();
        }
        for (; i < ta.size(); i++) {
            ops.equal(ta.get(i));
        }
    }

    /**
     * Sentences with their trailing white space, so that joining them gives the text back: a sentence ends at white
     * space after a full stop, question or exclamation mark (and up to two closing quotes or brackets), unless the
     * next word starts in lower case ("e.g. this").
     */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (!Character.isWhitespace(text.charAt(i)) || i == 0) {
                continue;
            }
            int end = i;
            while (end < n && Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            if (end < n && endsSentence(text, i) && !Character.isLowerCase(text.charAt(end))) {
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

    private static boolean endsSentence(String text, int whitespaceAt) {
        int p = whitespaceAt - 1;
        for (int closers = 0; closers < 2 && p >= 0 && CLOSERS.indexOf(text.charAt(p)) >= 0; closers++) {
            p--;
        }
        return p >= 0 && ".!?".indexOf(text.charAt(p)) >= 0;
    }

    /** Runs of white space and runs of everything else, in order. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        while (start < n) {
            boolean space = Character.isWhitespace(text.charAt(start));
            int end = start + 1;
            while (end < n && Character.isWhitespace(text.charAt(end)) == space) {
                end++;
            }
            out.add(text.substring(start, end));
            start = end;
        }
        return out;
    }

    private static List<String> canonical(List<String> units) {
        List<String> out = new ArrayList<>(units.size());
        for (String u : units) {
            String c = Canonical.of(u);
            out.add(c.isEmpty() && !u.isEmpty() ? " " : c);
        }
        return out;
    }

    /** Collects ops, merging neighbours of the same kind and counting words. */
    static final class Ops {
        private final List<DiffOp> ops = new ArrayList<>();
        private final StringBuilder pending = new StringBuilder();
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

        void add(DiffOp.Kind kind, String text) {
            if (text.isEmpty()) {
                return;
            }
            int words = countWords(text);
            switch (kind) {
                case EQUAL -> unchanged += words;
                case INSERT -> inserted += words;
                case DELETE -> deleted += words;
            }
            if (kind != pendingKind) {
                closePending();
                pendingKind = kind;
            }
            pending.append(text);
        }

        private void closePending() {
            if (pendingKind != null && pending.length() > 0) {
                ops.add(new DiffOp(pendingKind, pending.toString()));
            }
            pending.setLength(0);
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

        private static int countWords(String text) {
            int n = 0;
            boolean inWord = false;
            for (int i = 0; i < text.length(); i++) {
                boolean space = Character.isWhitespace(text.charAt(i));
                if (!space && !inWord) {
                    n++;
                }
                inWord = !space;
            }
            return n;
        }
    }
}
