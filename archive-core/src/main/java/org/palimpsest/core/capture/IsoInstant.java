package org.palimpsest.core.capture;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.palimpsest.core.error.ArchiveException;

/** Parses ISO-8601 instants given by clients, refusing others with a message that names the parameter. */
public final class IsoInstant {
    private IsoInstant() {
    }

    public static Instant parse(String name, String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ArchiveException.invalid(name + " '" + text + "' is not an ISO-8601 instant: write it like"
                    + " 2025-05-11T09:30:00Z");
        }
    }
}
