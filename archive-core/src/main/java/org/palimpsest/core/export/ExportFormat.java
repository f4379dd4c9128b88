package org.palimpsest.core.export;

import java.util.List;
import java.util.Locale;
import org.palimpsest.core.error.Choices;

/** The formats an export is written in, each with its media type and the file name a download is offered under. */
public enum ExportFormat {
    JSONL("application/x-ndjson", "palimpsest-export.jsonl"),
    CSV("text/csv; charset=utf-8", "palimpsest-export.csv"),
    WARC("application/warc", "palimpsest-export.warc"),
    BAG("application/zip", "palimpsest-bag.zip"),
    WACZ("application/wacz", "palimpsest-export.wacz"),
    DATAPACKAGE("application/zip", "palimpsest-datapackage.zip"),
    PARQUET("application/vnd.apache.parquet", "palimpsest-export.parquet");

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
        return Choices.parse("format", name, List.of(values()), ExportFormat::label);
    }
}
