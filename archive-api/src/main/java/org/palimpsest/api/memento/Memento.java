package org.palimpsest.api.memento;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** One capture of a URI as a memento: its id and datetime, and its 14-digit Wayback-style timestamp. */
public record Memento(UUID captureId, Instant datetime) {
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withZone(ZoneOffset.UTC);

    /** The path of the memento of {@code url} nearest {@code at}: {@code /memento/yyyyMMddHHmmss/url}. */
    public static String path(Instant at, String url) {
        return "/memento/" + TIMESTAMP.format(at) + "/" + url;
    }

    public String timestamp() {
        return TIMESTAMP.format(datetime);
    }
}
