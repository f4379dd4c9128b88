package org.palimpsest.api.memento;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** One capture of a URI as a memento: its id and datetime, and its 14-digit Wayback-style timestamp. */
public record Memento(UUID captureId, Instant datetime) {
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withZone(ZoneOffset.UTC);

    public String timestamp() {
        return TIMESTAMP.format(datetime);
    }
}
