package org.palimpsest.core.placement;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * How this node has placed the captures it took in, by {@link Path}: what an operator reads to see why ingest is as
 * fast or as slow as it is (each path costs more than the one before it).
 */
@ApplicationScoped
public class PlacementCounts {
    /** How a capture was placed. */
    public enum Path {
        /** Added to the end of its article from a few columns of the article's captures. */
        APPEND,
        /** Its article re-assembled from all of that article's captures. */
        ASSEMBLE,
        /** It taught the template a line: the articles holding the line re-assembled. */
        GROWTH,
        /** The whole source re-derived. */
        SOURCE
    }

    /** Where placing a capture found its text under the template, its similar versions and its lines' counts. */
    public enum Reads {
        /** In what was read for its whole group ({@link GroupPrefetch}). */
        AHEAD,
        /** In statements of its own: a capture posted alone, or one its group's reads did not hold for. */
        OWN
    }

    private final Map<Path, LongAdder> counts = new EnumMap<>(Path.class);
    private final Map<Reads, LongAdder> reads = new EnumMap<>(Reads.class);

    public PlacementCounts() {
        for (Path path : Path.values()) {
            counts.put(path, new LongAdder());
        }
        for (Reads r : Reads.values()) {
            reads.put(r, new LongAdder());
        }
    }

    void placed(Path path) {
        counts.get(path).increment();
    }

    void read(Reads where) {
        reads.get(where).increment();
    }

    /** Captures placed with their reads found {@code where} since this node started. */
    public long count(Reads where) {
        return reads.get(where).sum();
    }

    /** Captures placed along {@code path} since this node started. */
    public long count(Path path) {
        return counts.get(path).sum();
    }
}
