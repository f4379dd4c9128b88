package org.palimpsest.core.capture;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where in a WARC or ARC file a capture was read, and what the file said about it.
 *
 * @param file the file's name as uploaded
 * @param offset where the record begins in the file as stored (for a gzip file, where its gzip member begins)
 * @param recordId the record's WARC-Record-ID (for an ARC record, which has none, {@code <file>#<offset>})
 * @param recordType {@code response}, {@code resource} or {@code revisit}
 * @param status the HTTP status the record holds, where it holds an HTTP message
 * @param crawler what the file's warcinfo record says of the crawler that wrote it (its {@code software} field)
 * @param request the request line and headers of the record's request record, where the file has one
 * @param payloadSha1 the SHA-1 of the payload as recorded, base32, as WARC tools write WARC-Payload-Digest
 * @param payloadDigest the record's WARC-Payload-Digest as declared
 * @param payloadDigestCheck {@code matches}, or what was computed instead when it does not (a mismatch is recorded,
 *     never fatal)
 * @param contentEncoding the HTTP Content-Encoding the payload was decoded from, if any
 * @param recordedSha256 the SHA-256 of the payload as recorded, where decoding changed it (those bytes are kept too)
 * @param revisitOf for a revisit, "revisit of &lt;uri&gt; at &lt;date&gt;, record &lt;id&gt;"
 * @param repair what reading the record had to put right (a wrong Content-Length), if anything
 * @param metadata the fields of the crawler's metadata record written with this one (Heritrix: via, hopsFromSeed,
 *     fetchTimeMs, outlinks), where the file has one
 */
public record WarcProvenance(String file, long offset, String recordId, String recordType, Optional<Integer> status,
        Optional<String> crawler,
        Optional<String> request, String payloadSha1, Optional<String> payloadDigest, Optional<String> payloadDigestCheck,
        Optional<String> contentEncoding, Optional<String> recordedSha256, Optional<String> revisitOf,
        Optional<String> repair, Optional<Map<String, List<String>>> metadata) {

    public WarcProvenance withRequest(String headers) {
        return new WarcProvenance(file, offset, recordId, recordType, status, crawler, Optional.of(headers), payloadSha1,
                payloadDigest, payloadDigestCheck, contentEncoding, recordedSha256, revisitOf, repair, metadata);
    }

    public WarcProvenance withMetadata(Map<String, List<String>> fields) {
        return new WarcProvenance(file, offset, recordId, recordType, status, crawler, request, payloadSha1,
                payloadDigest, payloadDigestCheck, contentEncoding, recordedSha256, revisitOf, repair,
                Optional.of(fields));
    }
}
