package org.palimpsest.core.capture;

import java.util.UUID;

/**
 * The capture a request produced, whether it is new (201) or a repeat of an existing one (200), and whether placing
 * it re-derived its whole source (the capture joined articles, or taught the template a line in a source whose
 * articles are grouped by similarity) or only its article — and, when it taught the template a line, the articles
 * holding that line.
 */
public record IngestResult(UUID captureId, boolean created, boolean sourceRederived) {
}
