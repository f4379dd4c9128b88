package org.palimpsest.indexer.search;

import java.time.Instant;
import java.util.List;

/** One page of hits with facets over all matches. */
public record SearchResult(long total, List<Hit> hits, Facets facets) {

    public record Hit(
            String articleId, String versionId, int versionNumber, String source, String url, String headline,
            List<String> highlights, Instant validFrom, Instant validTo, double score, Change change) {
    }

    /** How a hit's version differs from the one before it; null for a first version. */
    public record Change(List<String> kinds, boolean stealth) {
    }

    public record Facets(List<Bucket> sources, List<Bucket> months, List<Bucket> changeKinds) {
    }

    public record Bucket(String key, long count) {
    }
}
