package org.palimpsest.core.capture;

import java.util.UUID;

/**
 * The capture a request produced, whether it is new (201) or a repeat of an existing one (200), and whether placing
 * it re-derived its whole source (the template learned a line, or the capture joined articles) or only its article.
 */
public record IngestResult(UUID captureId, boolean created, boolean sourceRederived) {
}
