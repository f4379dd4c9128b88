package org.palimpsest.core.export;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.palimpsest.core.error.Choices;

/**
 * What to export: versions matching a full-text query, of a source, captured in a window, or held as of an instant;
 * none for everything.
 * With {@code asOf}, records show the archive as it stood then (later captures and validity are left out), so the
 * same query gives the same payload however the archive grows.
 */
public record ExportQuery(Optional<String> q, Optional<String> source, Optional<Instant> from, Optional<Instant> to,
        Optional<Instant> asOf, Unit unit) {

    /** One record per version (with all its captures), or one per capture (with its version). */
    public enum Unit {
        VERSION, CAPTURE;

        /** The unit a request names, case and surrounding space ignored. */
        public static Unit parse(String name) {
            return Choices.parse("unit", name, List.of(values()), u -> u.name().toLowerCase(Locale.ROOT));
        }
    }
}
