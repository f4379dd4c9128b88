package org.palimpsest.core.imports;

import java.time.Instant;

/**
 * Which record of a file something is said of.
 *
 * @param offset where the record begins in the file as stored (for a gzip file, where its gzip member begins)
 * @param recordId its WARC-Record-ID, or {@code <file>#<offset>} for an ARC record, which has none
 * @param type its WARC-Type ({@code response}, {@code revisit}, …)
 * @param uri its WARC-Target-URI, if it has one
 * @param date its WARC-Date
 */
record RecordInfo(long offset, String recordId, String type, String uri, Instant date) {
}
