package org.palimpsest.core.capture;

import java.util.UUID;

/** The capture a request produced, and whether it is new (201) or a repeat of an existing one (200). */
public record IngestResult(UUID captureId, boolean created) {
}
