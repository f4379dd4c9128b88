package org.palimpsest.core.decode;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.error.ProblemKind;

/** The media types Palimpsest archives, with the charset the capture declared, if any. */
public record CaptureMediaType(Kind kind, String original, Optional<Charset> declaredCharset) {

    public enum Kind {
        PLAIN("text/plain"),
        HTML("text/html");

        private final String essence;

        Kind(String essence) {
            this.essence = essence;
        }

        public String essence() {
            return essence;
        }
    }

    /** Parses a Content-Type header value such as {@code text/html; charset=windows-1251}. */
    public static CaptureMediaType parse(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new ArchiveException(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type is missing: send text/plain or text/html");
        }
        String[] parts = contentType.split(";", -1);
        String essence = parts[0].trim().toLowerCase(Locale.ROOT);
        Kind kind = switch (essence) {
            case "text/plain" -> Kind.PLAIN;
            case "text/html", "application/xhtml+xml" -> Kind.HTML;
            default -> throw new ArchiveException(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type '" + essence + "' is not archived: send text/plain or text/html");
        };
        Optional<Charset> charset = Optional.empty();
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].trim().split("=", 2);
            if (param.length == 2 && param[0].trim().equalsIgnoreCase("charset")) {
                charset = Optional.of(charset(param[1].trim().replace("\"", "")));
            }
        }
        return new CaptureMediaType(kind, contentType.trim(), charset);
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ArchiveException.invalid("charset '" + name + "' in Content-Type is unknown: use e.g. charset=utf-8");
        }
    }
}
