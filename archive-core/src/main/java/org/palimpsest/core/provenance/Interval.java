package org.palimpsest.core.provenance;

import java.time.Instant;

/** A stored validity interval {@code [from, to)}; {@code to} is null while open. */
public record Interval(Instant from, Instant to) {
}
