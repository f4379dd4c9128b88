package org.palimpsest.core.capture;

import java.util.Locale;
import java.util.UUID;

/**
 * The capture a request produced, and what storing it re-derived: nothing when it repeats a stored capture (200),
 * else its article or, when it joined articles or taught the template a line in a source grouped by similarity, its
 * whole source (201).
 */
public record IngestResult(UUID captureId, Rederived rederived) {

    /** What placing a capture re-derived. */
    public enum Rederived {
        /** Nothing: the request repeated a stored capture. */
        NONE,
        /** The capture's article (and, when it taught the template a line, the articles holding that line). */
        ARTICLE,
        /** Every article of the capture's source. */
        SOURCE;

        /** The lower-case name, as the {@code Palimpsest-Derivation} header gives it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether the request stored a new capture. */
    public boolean created() {
        return rederived != Rederived.NONE;
    }
}
