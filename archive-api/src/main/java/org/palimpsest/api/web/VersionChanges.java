package org.palimpsest.api.web;

import java.util.ArrayList;
import java.util.List;
import org.palimpsest.api.diff.SideBySide;
import org.palimpsest.core.article.VersionView;
import org.palimpsest.core.change.DiffService;
import org.palimpsest.core.diff.DiffDocument;
import org.palimpsest.core.diff.DiffGranularity;
import org.palimpsest.core.diff.DiffOp;
import org.palimpsest.core.diff.DiffResult;

/**
 * A version on an article page with what changed since the version before it: the word counts and the first
 * inserted and deleted runs, each cut to a readable length; the diff page has the rest.
 */
public record VersionChanges(VersionView version, VersionView previous, String summary, List<SideBySide.Run> changes,
        boolean more) {
    static final int MAX_RUNS = 12;
    static final int MAX_RUN_LENGTH = 240;

    /** Each version's document is made once and compared with both its neighbours. */
    public static List<VersionChanges> of(List<VersionView> timeline, DiffService diffs) {
        List<VersionChanges> out = new ArrayList<>(timeline.size());
        VersionView previous = null;
        DiffDocument before = null;
        for (VersionView v : timeline) {
            DiffDocument document = new DiffDocument(v.headline(), v.paragraphs());
            out.add(previous == null ? new VersionChanges(v, null, "the first version", List.of(), false)
                    : between(previous, v, diffs.compare(before, document, DiffGranularity.WORD)));
            previous = v;
            before = document;
        }
        return out;
    }

    private static VersionChanges between(VersionView a, VersionView b, DiffResult r) {
        List<SideBySide.Run> runs = new ArrayList<>();
        int changed = 0;
        for (DiffOp op : r.ops()) {
            if (op.op() == DiffOp.Kind.EQUAL || op.text().isBlank()) {
                continue;
            }
            changed++;
            if (runs.size() < MAX_RUNS) {
                String text = op.text().strip().replace('\n', ' ');
                runs.add(new SideBySide.Run(op.op(), text.length() <= MAX_RUN_LENGTH ? text
                        : text.substring(0, MAX_RUN_LENGTH) + "…"));
            }
        }
        var s = r.stats();
        String summary = s.inserted() + " words inserted, " + s.deleted() + " deleted"
                + (r.headlineChanged() ? "; the headline changed" : "");
        return new VersionChanges(b, a, summary, List.copyOf(runs), changed > runs.size());
    }
}
