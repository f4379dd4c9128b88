package org.palimpsest.core.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.palimpsest.core.normalize.Canonical;

/**
 * Where two lists of text units (paragraphs, sentences or words) differ: Myers' diff from java-diff-utils, with units
 * equal when their text is or, failing that, their canonical forms are (quote styles and spacing do not count). The
 * common head and tail are matched by plain equality first — most units of two versions are the same strings — so the
 * diff and the canonical forms (each computed at most once) are only spent on the part that changed.
 */
final class Alignment {
    private Alignment() {
    }

    /** {@code from[fromStart, fromEnd)} became {@code to[toStart, toEnd)}; either side may be empty. */
    record Change(int fromStart, int fromEnd, int toStart, int toEnd) {
    }

    static List<Change> changes(List<String> from, List<String> to) {
        return changes(from, to, Deadline.NONE);
    }

    /** The changes, abandoned with {@link Deadline.OutOfTime} once the deadline passes (checked at every step). */
    static List<Change> changes(List<String> from, List<String> to, Deadline deadline) {
        int shorter = Math.min(from.size(), to.size());
        int head = 0;
        while (head < shorter && from.get(head).equals(to.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < shorter - head && from.get(from.size() - 1 - tail).equals(to.get(to.size() - 1 - tail))) {
            tail++;
        }
        List<String> a = from.subList(head, from.size() - tail);
        List<String> b = to.subList(head, to.size() - tail);
        if (a.isEmpty() && b.isEmpty()) {
            return List.of();
        }
        if (a.isEmpty() || b.isEmpty()) {
            return List.of(new Change(head, head + a.size(), head, head + b.size()));
        }
        Map<String, String> canonical = new IdentityHashMap<>();
        List<Change> out = new ArrayList<>();
        MyersDiff<String> myers = new MyersDiff<>((x, y) -> x.equals(y)
                || canonical.computeIfAbsent(x, Alignment::canonical).equals(canonical.computeIfAbsent(y, Alignment::canonical)));
        for (AbstractDelta<String> d : DiffUtils.diff(a, b, myers, new DiffAlgorithmListener() {
            @Override
            public void diffStart() {
                deadline.check();
            }

            @Override
            public void diffStep(int value, int max) {
                deadline.check();
            }

            @Override
            public void diffEnd() {
            }
        }).getDeltas()) {
            int f = head + d.getSource().getPosition();
            int t = head + d.getTarget().getPosition();
            out.add(new Change(f, f + d.getSource().size(), t, t + d.getTarget().size()));
        }
        return out;
    }

    /**
     * Walks {@code from} in order: each unit outside a change goes to {@code equal} (by index), each change to
     * {@code change} — the one loop every level of the diff runs.
     */
    static void walk(List<String> from, List<String> to, Deadline deadline, IntConsumer equal,
            Consumer<Change> change) {
        int i = 0;
        for (Change c : changes(from, to, deadline)) {
            for (; i < c.fromStart(); i++) {
                equal.accept(i);
            }
            change.accept(c);
            i = c.fromEnd();
        }
        for (; i < from.size(); i++) {
            equal.accept(i);
        }
    }

    /** A unit of white space only (a word token between words) is equal to any other, never to text. */
    private static String canonical(String unit) {
        String c = Canonical.of(unit);
        return c.isEmpty() && !unit.isEmpty() ? " " : c;
    }
}
