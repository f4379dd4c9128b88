package org.palimpsest.core.capture;

import java.util.regex.Pattern;
import org.palimpsest.core.error.ArchiveException;

/** The key of a site, such as {@code kyiv-independent}: lower-case letters, digits and hyphens, 1 to 64 characters. */
public record SourceKey(String value) {
    private static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    public SourceKey {
        if (value == null || value.isBlank()) {
            throw ArchiveException.invalid("source is required: give the site key, e.g. source=kyiv-independent");
        }
        if (!VALID.matcher(value).matches()) {
            throw ArchiveException.invalid("source '" + value + "' is not a site key: use 1 to 64 lower-case letters,"
                    + " digits and hyphens, not starting or ending with a hyphen, e.g. kyiv-independent");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
