package org.palimpsest.core.imports;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The records of one file a revisit may refer to: found by record id, by URL and time, or by payload digest (for
 * URL-agnostic revisits), as the revisit says. Remembers the records that were not text too, so that a revisit of an
 * image is skipped as one and not reported as missing its original.
 */
final class Originals {

    /** A text record read from the file (its content in the pending chunk or, once stored, in the blob store). */
    record Original(String recordId, String contentType, String sha256, String payloadSha1, String uri,
            Instant date) {
    }

    private final Map<String, Original> byKey = new HashMap<>();
    private final Set<String> notText = new HashSet<>();

    void add(Original original) {
        byKey.put("id " + original.recordId(), original);
        byKey.put("at " + original.uri() + " " + original.date(), original);
        byKey.putIfAbsent("sha1 " + original.payloadSha1(), original);
    }

    void notText(RecordInfo info) {
        notText.add("id " + info.recordId());
        notText.add("at " + info.uri() + " " + info.date());
    }

    Optional<Original> find(ImportedRecord.Revisit revisit) {
        return keys(revisit).stream().map(byKey::get).filter(o -> o != null).findFirst();
    }

    boolean ofNotText(ImportedRecord.Revisit revisit) {
        return keys(revisit).stream().anyMatch(notText::contains);
    }

    private static java.util.List<String> keys(ImportedRecord.Revisit revisit) {
        java.util.List<String> keys = new java.util.ArrayList<>();
        revisit.refersTo().ifPresent(id -> keys.add("id " + id));
        revisit.refersToDate().ifPresent(date -> keys.add("at " + revisit.refersToUri().orElse(revisit.info().uri())
                + " " + date));
        revisit.payloadSha1().ifPresent(sha1 -> keys.add("sha1 " + sha1));
        return keys;
    }
}
