package org.palimpsest.core.article;

import java.time.Instant;
import java.util.UUID;

/** The version the archive held at an instant, and the capture (the memento) that shows it. */
public record AsOf(VersionView version, UUID captureId, Instant capturedAt) {
}
