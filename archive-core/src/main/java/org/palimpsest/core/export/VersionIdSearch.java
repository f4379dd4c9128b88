package org.palimpsest.core.export;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Full-text selection of versions for exports, implemented by the search index: hands over the ids of every matching
 * version in ascending id order, a page at a time, from one consistent view of the index.
 */
public interface VersionIdSearch {
    void pages(ExportQuery query, int size, Consumer<List<UUID>> page);
}
