package org.palimpsest.api.article;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.palimpsest.core.capture.IsoInstant;
import org.palimpsest.core.error.ArchiveException;

/** Parses query parameters, with messages that say what to fix. */
public final class Params {
    public static final int MAX_SIZE = 500;

    private Params() {
    }

    public static Optional<Instant> instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(IsoInstant.parse(name, value));
    }

    public static int page(int page) {
        if (page < 0) {
            throw ArchiveException.invalid("page " + page + " is negative: pages count from 0");
        }
        return page;
    }

    public static int size(int size) {
        return size(size, MAX_SIZE);
    }

    public static int size(int size, int max) {
        if (size < 1 || size > max) {
            throw ArchiveException.invalid("size " + size + " is out of range: use 1 to " + max);
        }
        return size;
    }

    /** A diff side named by a query parameter: a version or capture id. */
    public static UUID versionOrCaptureId(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ArchiveException.invalid(name + " is required: give a version id or a capture id");
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ArchiveException.invalid(name + " '" + value + "' is not an id: give a version or capture id (a UUID)");
        }
    }
}
