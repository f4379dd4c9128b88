package org.palimpsest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.palimpsest.core.decode.PageMetadata;

/**
 * How often the metadata read from a page is right, over the pages whose labels give it: the headline exactly
 * (spaces collapsed), and {@code datePublished} as the same moment — or, where the page states only a day or a time
 * without its offset, the same day or local time as the label's.
 */
final class MetadataScore {
    private int headlines;
    private int headlinesRight;
    private int dates;
    private int datesRight;
    private final List<String> wrong = new ArrayList<>();

    void add(JsonNode label, PageMetadata found) {
        String headline = label.path("headline").asText(null);
        if (headline != null) {
            headlines++;
            String got = found == null || found.headline() == null ? null : found.headline().value();
            if (got != null && spaces(got).equals(spaces(headline))) {
                headlinesRight++;
            } else {
                wrong.add("headline " + label.path("url").asText() + ": " + got);
            }
        }
        String date = label.path("datePublished").asText(null);
        if (date != null && !label.path("datePublished").isNull()) {
            dates++;
            String got = found == null || found.datePublished() == null ? null : found.datePublished().value();
            if (got != null && sameMoment(OffsetDateTime.parse(date), got)) {
                datesRight++;
            } else {
                wrong.add("datePublished " + label.path("url").asText() + ": " + got + " (expected " + date + ")");
            }
        }
    }

    double headlineShare() {
        return headlines == 0 ? Double.NaN : (double) headlinesRight / headlines;
    }

    double dateShare() {
        return dates == 0 ? Double.NaN : (double) datesRight / dates;
    }

    int headlines() {
        return headlines;
    }

    int dates() {
        return dates;
    }

    void print() {
        if (headlines + dates == 0) {
            return;
        }
        System.out.printf("metadata: headline exact %d/%d (%.1f %%), datePublished right %d/%d (%.1f %%)%n",
                headlinesRight, headlines, 100.0 * headlinesRight / Math.max(1, headlines), datesRight, dates,
                100.0 * datesRight / Math.max(1, dates));
        wrong.forEach(w -> System.out.println("  " + w));
    }

    private static String spaces(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    static boolean sameMoment(OffsetDateTime expected, String found) {
        try {
            return OffsetDateTime.parse(found).toInstant().equals(expected.toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(found).equals(expected.toLocalDateTime());
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(found).equals(expected.toLocalDate());
                } catch (DateTimeParseException notDay) {
                    return false;
                }
            }
        }
    }
}
