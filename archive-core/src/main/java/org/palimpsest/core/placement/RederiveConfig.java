package org.palimpsest.core.placement;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * How large a source may be re-derived whole ({@code palimpsest.rederive.*}). A re-derivation holds a few columns, the
 * signature and the distinct lines of every capture of the source, not its text: 13,023 captures of the scale
 * harness's synthetic archive held at most 56 MB of heap beside the server's own 17 (about 4.3 KB a capture, where
 * holding their text took 331–475 MB; docs/benchmarks.md). One the heap cannot hold is refused before it starts, with
 * a problem that says so, instead of running the server out of memory.
 */
@ConfigMapping(prefix = "palimpsest.rederive")
public interface RederiveConfig {

    /** The heap a re-derivation needs for each capture of the source: about twice what it holds, for the collector. */
    @WithDefault("8K")
    MemorySize heapPerCapture();

    /** The heap kept for everything else the server does meanwhile. */
    @WithDefault("64M")
    MemorySize heapReserved();

    /** The most captures a source may have to be re-derived; unset, what the heap holds by the two sizes above. */
    Optional<Integer> maxCaptures();

    /** The most captures a source may have to be re-derived by a server whose heap is at most {@code maxHeap} bytes. */
    default long limit(long maxHeap) {
        return maxCaptures().map(Integer::longValue).orElseGet(() -> Math.max(0,
                (maxHeap - heapReserved().asLongValue()) / heapPerCapture().asLongValue()));
    }
}
