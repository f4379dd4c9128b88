package org.palimpsest.api.diff;

import java.util.ArrayList;
import java.util.List;
import org.palimpsest.core.diff.DiffOp;
import org.palimpsest.core.diff.DiffResult;

/**
 * A comparison laid out in two columns: the old side keeps equal and deleted runs, the new side equal and inserted
 * runs, each split into the paragraphs of its own side.
 */
public record SideBySide(List<Paragraph> before, List<Paragraph> after) {

    public record Paragraph(List<Run> runs) {
    }

    public record Run(DiffOp.Kind kind, String text) {
        public boolean inserted() {
            return kind == DiffOp.Kind.INSERT;
        }

        public boolean deleted() {
            return kind == DiffOp.Kind.DELETE;
        }
    }

    public static SideBySide of(DiffResult result) {
        Column before = new Column();
        Column after = new Column();
        for (DiffOp op : result.ops()) {
            String[] parts = op.text().split("\n", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    if (op.op() != DiffOp.Kind.INSERT) {
                        before.breakParagraph();
                    }
                    if (op.op() != DiffOp.Kind.DELETE) {
                        after.breakParagraph();
                    }
                }
                if (parts[i].isEmpty()) {
                    continue;
                }
                Run run = new Run(op.op(), parts[i]);
                if (op.op() != DiffOp.Kind.INSERT) {
                    before.add(run);
                }
                if (op.op() != DiffOp.Kind.DELETE) {
                    after.add(run);
                }
            }
        }
        return new SideBySide(before.paragraphs(), after.paragraphs());
    }

    private static final class Column {
        private final List<Paragraph> paragraphs = new ArrayList<>();
        private List<Run> current = new ArrayList<>();

        void add(Run run) {
            current.add(run);
        }

        void breakParagraph() {
            if (!current.isEmpty()) {
                paragraphs.add(new Paragraph(List.copyOf(current)));
                current = new ArrayList<>();
            }
        }

        List<Paragraph> paragraphs() {
            breakParagraph();
            return List.copyOf(paragraphs);
        }
    }
}
