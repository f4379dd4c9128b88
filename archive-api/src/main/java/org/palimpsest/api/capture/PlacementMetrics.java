package org.palimpsest.api.capture;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.palimpsest.core.placement.PlacementCounts;

/**
 * {@code palimpsest_placements_total{path=...}} in {@code /q/metrics}: how this node placed the captures it took in;
 * {@code palimpsest_placement_reads_total{read=ahead|own}}: whether what placing them read was read for their batch.
 */
@Singleton
class PlacementMetrics implements MeterBinder {
    private final PlacementCounts counts;

    PlacementMetrics(PlacementCounts counts) {
        this.counts = counts;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (PlacementCounts.Path path : PlacementCounts.Path.values()) {
            FunctionCounter.builder("palimpsest.placements", counts, c -> c.count(path))
                    .description("Captures placed, by how: append, assemble (the article), growth (of the template),"
                            + " source (re-derived whole)")
                    .tag("path", path.name().toLowerCase(Locale.ROOT)).register(registry);
        }
        for (PlacementCounts.Reads where : PlacementCounts.Reads.values()) {
            FunctionCounter.builder("palimpsest.placement.reads", counts, c -> c.count(where))
                    .description("Captures placed with their text, similar versions and line counts read ahead for"
                            + " their batch's group (ahead) or by statements of their own (own)")
                    .tag("read", where.name().toLowerCase(Locale.ROOT)).register(registry);
        }
    }
}
