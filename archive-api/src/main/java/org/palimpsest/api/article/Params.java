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

    /** A whole number given as a query parameter. */
    public static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ArchiveException.invalid(name + " '" + value + "' is not a whole number");
        }
    }

    public static int page(int page) {
        if (page < 0) {
            throw ArchiveException.invalid("page " + page + " is negative: pages count from 0");
        }
        return page;
    }

    /**
     * A page of a list: {@code page} from 0, {@code size} from 1 to {@code max}, and the page's last row within reach
     * (an offset past 2^31 would overflow, and no list is that long).
     */
    public static void window(int page, int size, int max) {
        page(page);
        size(size, max);
        if ((long) (page + 1) * size > Integer.MAX_VALUE) {
            throw ArchiveException.invalid("page " + page + " of size " + size + " reaches past the last row any list"
                    + " can have: ask for an earlier page");
        }
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
