package org.palimpsest.core.change;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.palimpsest.core.diff.ChangeKind;

/**
 * Which version changes to list: of a source, first seen in a window, of any of some kinds, stealth or not, of one
 * article; none for all. Newest first, a page at a time.
 */
public record ChangeQuery(Optional<String> source, Optional<Instant> from, Optional<Instant> to, List<ChangeKind> kinds,
        Optional<Boolean> stealth, Optional<UUID> articleId, int page, int size) {
}
