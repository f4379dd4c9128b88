package org.palimpsest.core.cdx;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The fields of a CDX line, by their pywb names, each with the SQL that yields it as text. */
public enum CdxField {
    URLKEY("urlkey", "c.url_key"),
    TIMESTAMP("timestamp", "to_char(c.captured_at at time zone 'UTC', 'YYYYMMDDHH24MISS')"),
    URL("url", "c.url"),
    MIME("mime", "case when c.origin -> 'warc' ->> 'recordType' = 'revisit' then 'warc/revisit'"
            + " else lower(trim(split_part(c.content_type, ';', 1))) end"),
    STATUS("status", "c.origin -> 'warc' ->> 'status'"),
    DIGEST("digest", "c.payload_sha1"),
    LENGTH("length", "cast(c.raw_size as text)"),
    SOURCE("source", "c.source"),
    CAPTURE_ID("captureId", "cast(c.id as text)"),
    VERSION_ID("versionId", "cast(c.version_id as text)");

    private final String key;
    private final String sql;

    CdxField(String key, String sql) {
        this.key = key;
        this.sql = sql;
    }

    public String key() {
        return key;
    }

    String sql() {
        return sql;
    }

    public static Optional<CdxField> of(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equalsIgnoreCase(key.strip())).findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(CdxField::key).collect(Collectors.joining(", "));
    }

}
