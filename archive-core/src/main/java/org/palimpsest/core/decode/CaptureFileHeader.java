package org.palimpsest.core.decode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inline header some capture files begin with, such as {@code " date 2025-05-11 "} before the first line
 * of text. A date without a time stands for the start of that day in UTC.
 *
 * @param capturedAt the capture time the header states
 * @param length the number of characters the header occupies at the start of the text
 */
public record CaptureFileHeader(Instant capturedAt, int length) {
    private static final Pattern HEADER = Pattern.compile(
            "\\A\\s*date:?[ \\t]+(\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z)?)(?:[ \\t]+|\\R|\\z)",
            Pattern.CASE_INSENSITIVE);

    public static Optional<CaptureFileHeader> parse(CharSequence text) {
        Matcher m = HEADER.matcher(text);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        String value = m.group(1);
        try {
            Instant at = value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value.length() == 17 ? value.replace("Z", ":00Z") : value);
            return Optional.of(new CaptureFileHeader(at, m.end()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
