package org.palimpsest.core.imports;

import java.time.Instant;
import java.util.Optional;

/**
 * Which record of a file something is said of.
 *
 * @param offset where the record begins in the file as stored (for a gzip file, where its gzip member begins)
 * @param recordId its WARC-Record-ID, or {@code <file>#<offset>} for an ARC record, which has none
 * @param type its WARC-Type ({@code response}, {@code revisit}, …)
 * @param uri its WARC-Target-URI, if it has one
 * @param date its WARC-Date
 * @param repair what reading it had to put right (a wrong Content-Length), if anything
 */
record RecordInfo(long offset, String recordId, String type, String uri, Instant date, Optional<String> repair) {
}
