package org.palimpsest.core.diff;

import java.util.List;

/** What is compared: a headline and paragraphs (for raw text: no headline, one paragraph per line). */
public record DiffDocument(String headline, List<String> paragraphs) {
}
