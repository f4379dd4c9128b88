package org.palimpsest.core.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What one record of a WARC or ARC file holds for the archive: a closed set, each with the record it came from. */
sealed interface ImportedRecord {
    RecordInfo info();

    /**
     * A page of text: a response or resource record.
     *
     * @param content the payload as a browser would read it: transfer and content encodings removed
     * @param recorded the payload as recorded, where decoding changed it
     * @param payloadSha1 the SHA-1 of the payload as recorded, base32 (as WARC tools write WARC-Payload-Digest)
     */
    record Text(RecordInfo info, Optional<Integer> status, String contentType, byte[] content, Optional<byte[]> recorded,
            Optional<String> contentEncoding, String payloadSha1, Optional<String> declaredDigest,
            Optional<String> digestCheck) implements ImportedRecord {
    }

    /** A revisit: the same payload as an earlier record (its original), seen again at this record's time. */
    record Revisit(RecordInfo info, Optional<Integer> status, Optional<String> refersTo, Optional<String> refersToUri,
            Optional<Instant> refersToDate, Optional<String> payloadSha1, String profile) implements ImportedRecord {

        /** "revisit of &lt;uri&gt; at &lt;date&gt;, record &lt;id&gt;", as far as the record says. */
        String describe() {
            return "revisit of " + refersToUri.orElse(info.uri()) + refersToDate.map(d -> " at " + d).orElse("")
                    + refersTo.map(id -> ", record " + id).orElse("");
        }
    }

    /** The crawler's own description of the file (warcinfo): its software, kept in the provenance of what follows. */
    record Crawler(RecordInfo info, Optional<String> software) implements ImportedRecord {
    }

    /**
     * The request a response answered: its request line and headers, kept in that response's provenance.
     *
     * @param concurrentTo the record it was written with (WARC-Concurrent-To), usually its response
     */
    record Request(RecordInfo info, String headers, Optional<String> concurrentTo) implements ImportedRecord {
    }

    /**
     * What the crawler noted of a capture (Heritrix: via, hopsFromSeed, fetchTimeMs, outlinks), kept in the provenance
     * of the capture it was written with.
     */
    record Metadata(RecordInfo info, Map<String, List<String>> fields, Optional<String> concurrentTo)
            implements ImportedRecord {
    }

    /** A record that holds no capture of text, and why. */
    record Skipped(RecordInfo info, ImportReason reason, String detail) implements ImportedRecord {
    }

    /** A record that should have been a capture and is not, and why. */
    record Failed(RecordInfo info, ImportReason reason, String detail) implements ImportedRecord {
    }
}
