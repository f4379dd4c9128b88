package org.palimpsest.api.diff;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.palimpsest.core.change.DiffService;
import org.palimpsest.core.diff.DiffResult;

/** The JSON form of a comparison (API.md "Diff"). */
public record DiffJson(Side from, Side to, String granularity, DiffResult.Stats stats, double similarity,
        boolean headlineChanged, List<Op> ops) {

    public record Side(UUID id, String kind, UUID articleId, UUID versionId, Integer versionNumber, Instant capturedAt) {
    }

    /** {@code op} is {@code equal}, {@code insert} or {@code delete}. */
    public record Op(String op, String text) {
    }

    static DiffJson of(DiffService.Comparison c) {
        return new DiffJson(side(c.from()), side(c.to()), c.granularity().name().toLowerCase(Locale.ROOT),
                c.result().stats(), c.result().similarity(), c.result().headlineChanged(),
                c.result().ops().stream().map(o -> new Op(o.op().name().toLowerCase(Locale.ROOT), o.text())).toList());
    }

    private static Side side(DiffService.Side s) {
        return new Side(s.id(), s.kind(), s.articleId(), s.versionId(), s.versionNumber(), s.capturedAt());
    }
}
