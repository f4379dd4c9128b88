package org.palimpsest.api.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.palimpsest.core.change.DiffService;
import org.palimpsest.core.diff.DiffDocument;

/** The unified and HTML forms of a comparison. */
public final class DiffFormats {
    private DiffFormats() {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance html(String title, String summary, SideBySide sides);
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
        return Templates.html(title(c), summary(c), SideBySide.of(c.result())).render();
    }

    /** "Changes between version v1 (...) and version v2 (...)". */
    public static String title(DiffService.Comparison c) {
        return "Changes between " + c.from().kind() + " " + label(c.from()) + " and " + c.to().kind() + " "
                + label(c.to());
    }

    /** The word counts and similarity in one sentence. */
    public static String summary(DiffService.Comparison c) {
        var s = c.result().stats();
        return String.format(Locale.ROOT, "%d words inserted, %d deleted, %d unchanged; similarity %.2f%s",
                s.inserted(), s.deleted(), s.unchanged(), c.result().similarity(),
                c.result().headlineChanged() ? "; the headline changed" : "");
    }

    public static String label(DiffService.Side side) {
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
}
