package org.palimpsest.core.capture;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.palimpsest.core.error.ArchiveException;

/** An absolute http or https URL, as the capture gave it. */
public record CaptureUrl(String value) {
    /** The longest URL taken (PostgreSQL's indexes hold keys of about 2,700 bytes; browsers and sitemaps stop at 2,048). */
    public static final int MAX_LENGTH = 2048;

    public CaptureUrl {
        if (value.trim().length() > MAX_LENGTH) {
            throw ArchiveException.invalid("url is " + value.trim().length() + " characters long; the archive takes URLs"
                    + " of at most " + MAX_LENGTH + " characters (drop tracking parameters or fragments)");
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw ArchiveException.invalid("url '" + value + "' is not a valid URL: " + e.getReason()
                    + " (percent-encode spaces and other reserved characters)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ArchiveException.invalid("url '" + value + "' must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ArchiveException.invalid("url '" + value + "' has no host: give an absolute URL such as https://example.org/news/1");
        }
        value = value.trim();
    }

    @Override
    public String toString() {
        return value;
    }
}
