package org.palimpsest.core.diff;

import java.time.Instant;

/**
 * An article going back to a version it showed before (A → B → A): when, and how the version differs from the one
 * it went back from ({@code change.previousVersionId}, B) — a change back, classified like any other.
 */
public record Revert(Instant at, VersionChange change) {
}
