package org.palimpsest.indexer.search;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A search over version documents.
 *
 * @param q simple query string ({@code "a phrase"}, {@code +}/AND, {@code |}/OR, {@code -}/NOT); empty matches all
 * @param source only this source
 * @param from only versions captured at or after this instant
 * @param to only versions captured at or before this instant
 * @param asOf only the version each article had at this instant
 * @param allVersions every version, not only the current one
 * @param sort relevance or newest
 * @param changes only versions changed in one of these ways, stealthily or not
 */
public record SearchQuery(
        Optional<String> q, Optional<String> source, Optional<Instant> from, Optional<Instant> to,
        Optional<Instant> asOf, boolean allVersions, Sort sort, int page, int size, Changes changes) {

    public enum Sort { RELEVANCE, NEWEST }

    /** Filters on how a version changed: any of {@code kinds} (labels; empty: any), and stealth or not. */
    public record Changes(List<String> kinds, Optional<Boolean> stealth) {
        public static final Changes ANY = new Changes(List.of(), Optional.empty());
    }
}
