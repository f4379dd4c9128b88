package org.palimpsest.core.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.palimpsest.core.error.ArchiveException;

/** The formats an export is written in, each with its media type and the file name a download is offered under. */
public enum ExportFormat {
    JSONL("application/x-ndjson", "palimpsest-export.jsonl"),
    CSV("text/csv; charset=utf-8", "palimpsest-export.csv"),
    WARC("application/warc", "palimpsest-export.warc"),
    BAG("application/zip", "palimpsest-bag.zip");

    private final String mediaType;
    private final String fileName;

    ExportFormat(String mediaType, String fileName) {
        this.mediaType = mediaType;
        this.fileName = fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    public String fileName() {
        return fileName;
    }

    /** The name a request and a manifest give the format. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format a request names, case and surrounding space ignored. */
    public static ExportFormat parse(String name) {
        for (ExportFormat format : values()) {
            if (format.label().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw ArchiveException.invalid("format '" + name + "' is not known: use "
                + Arrays.stream(values()).map(ExportFormat::label).collect(Collectors.joining(", "))
                        .replaceFirst(", (\\w+)$", " or $1"));
    }
}
