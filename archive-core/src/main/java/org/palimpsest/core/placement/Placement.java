package org.palimpsest.core.placement;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.palimpsest.core.derivation.SourceCapture;

/**
 * Places stored captures into articles and versions. A new capture is placed incrementally when that provably agrees
 * with deriving the whole source again ({@link IncrementalPlacement}); otherwise — the capture would join two
 * articles, or teach the template a line in a source grouped by similarity — the whole source is re-derived
 * ({@link SourceRederiver}). Callers hold the source's {@link SourceLock}, inside their transaction.
 */
@ApplicationScoped
public class Placement {
    private final IncrementalPlacement incremental;
    private final SourceRederiver rederiver;
    private final PlacementCounts placements;

    Placement(IncrementalPlacement incremental, SourceRederiver rederiver, PlacementCounts placements) {
        this.placements = placements;
        this.incremental = incremental;
        this.rederiver = rederiver;
    }

    /**
     * Places a capture of {@code rows} ({@code canonicalUrl}: its canonical URL, if any), with what was read ahead
     * for its group ({@link GroupReads#none()}: nothing); returns whether the whole source had to be re-derived.
     */
    public boolean place(String source, SourceCapture capture, String canonicalUrl, GroupReads reads,
            CaptureRows rows) {
        Optional<String> why = incremental.tryPlace(source, capture, canonicalUrl, reads, rows);
        if (why.isEmpty()) {
            return false;
        }
        reads.changedOtherwise();
        rows.writeAll(); // the re-derivation places every capture of the source, the rest of the group included
        rederiver.rederive(source, why.get());
        placements.placed(PlacementCounts.Path.SOURCE);
        return true;
    }

    /** Re-derives every article of the source from its stored captures. */
    public void rederive(String source) {
        rederiver.rederive(source, "asked for by an operator");
    }
}
