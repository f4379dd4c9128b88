package org.palimpsest.api.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.List;
import org.palimpsest.core.diff.DiffDocument;
import org.palimpsest.core.diff.DiffOp;
import org.palimpsest.core.diff.DiffService;

/** The unified and HTML forms of a comparison. */
final class DiffFormats {
    private DiffFormats() {
    }

    /** A unified diff of the two sides, one headline or paragraph per line. */
    static String unified(DiffService.Comparison c) {
        List<String> a = lines(c.from().document());
        List<String> b = lines(c.to().document());
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff(c.from().kind() + "/" + c.from().id(),
                c.to().kind() + "/" + c.to().id(), a, DiffUtils.diff(a, b), 3);
        return String.join("\n", out) + "\n";
    }

    /** A self-contained side-by-side page: deletions marked on the left, insertions on the right, no JavaScript. */
    static String html(DiffService.Comparison c) {
        StringBuilder left = new StringBuilder("<p>");
        StringBuilder right = new StringBuilder("<p>");
        for (DiffOp op : c.result().ops()) {
            String[] parts = op.text().split("\n", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    if (op.op() != DiffOp.Kind.INSERT) {
                        left.append("</p>\n<p>");
                    }
                    if (op.op() != DiffOp.Kind.DELETE) {
                        right.append("</p>\n<p>");
                    }
                }
                if (parts[i].isEmpty()) {
                    continue;
                }
                String text = escape(parts[i]);
                switch (op.op()) {
                    case EQUAL -> {
                        left.append(text);
                        right.append(text);
                    }
                    case DELETE -> left.append("<del>").append(text).append("</del>");
                    case INSERT -> right.append("<ins>").append(text).append("</ins>");
                }
            }
        }
        var s = c.result().stats();
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Changes: %s %s → %s %s</title>
                <style>
                body{font:16px/1.5 Georgia,serif;margin:1.5rem;color:#1a1a1a}
                .cols{display:grid;grid-template-columns:1fr 1fr;gap:2rem}
                h1{font-size:1.2rem} h2{font-size:1rem;font-family:sans-serif;color:#555}
                del{background:#fbd3d3;text-decoration:line-through} ins{background:#cdeccd;text-decoration:none}
                p:empty{display:none} .stats{font-family:sans-serif;color:#444}
                </style></head><body>
                <h1>Changes between %s %s and %s %s</h1>
                <p class="stats">%d words inserted, %d deleted, %d unchanged; similarity %.2f%s</p>
                <div class="cols"><section aria-label="before"><h2>Before</h2>%s</p></section>
                <section aria-label="after"><h2>After</h2>%s</p></section></div>
                </body></html>
                """.formatted(c.from().kind(), label(c.from()), c.to().kind(), label(c.to()),
                c.from().kind(), label(c.from()), c.to().kind(), label(c.to()),
                s.inserted(), s.deleted(), s.unchanged(), c.result().similarity(),
                c.result().headlineChanged() ? "; the headline changed" : "", left, right);
    }

    private static String label(DiffService.Side side) {
        return side.versionNumber() == null ? side.id().toString()
                : "v" + side.versionNumber() + (side.capturedAt() == null ? "" : " (" + side.capturedAt() + ")");
    }

    private static List<String> lines(DiffDocument d) {
        List<String> out = new ArrayList<>();
        if (!d.headline().isEmpty()) {
            out.add(d.headline());
        }
        out.addAll(d.paragraphs());
        return out;
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
