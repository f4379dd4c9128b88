package org.palimpsest.api.cdx;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.palimpsest.core.cdx.CdxField;
import org.palimpsest.core.cdx.CdxReader.CdxLine;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.json.Json;

/** The three ways a CDX server writes its lines. */
enum CdxOutput {
    /** {@code urlkey timestamp {json of the other fields}}, pywb's default. */
    CDXJ("text/x-cdxj; charset=utf-8"),
    /** A JSON object per line. */
    JSON("application/x-ndjson; charset=utf-8"),
    /** Space-separated fields; by default the eleven of the classic CDX format, "-" where unknown. */
    TEXT("text/plain; charset=utf-8");

    private static final List<CdxField> JSON_FIELDS = List.of(CdxField.values());
    private static final List<CdxField> CDXJ_FIELDS = JSON_FIELDS.stream()
            .filter(f -> f != CdxField.URLKEY && f != CdxField.TIMESTAMP).toList();
    /** CDX 11: urlkey timestamp original mimetype statuscode digest redirect robotflags length offset filename. */
    private static final List<CdxField> CDX11 = java.util.Arrays.asList(CdxField.URLKEY, CdxField.TIMESTAMP,
            CdxField.URL, CdxField.MIME, CdxField.STATUS, CdxField.DIGEST, null, null, CdxField.LENGTH, null, null);

    private final String mediaType;

    CdxOutput(String mediaType) {
        this.mediaType = mediaType;
    }

    static CdxOutput of(String output) {
        if (output == null || output.isBlank()) {
            return CDXJ;
        }
        return switch (output.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "cdxj" -> CDXJ;
            case "json" -> JSON;
            case "text", "cdx" -> TEXT;
            default -> throw ArchiveException.invalid("output '" + output + "' is not cdxj, json or text");
        };
    }

    String mediaType() {
        return mediaType;
    }

    String render(List<CdxLine> lines, List<CdxField> fields) {
        StringBuilder out = new StringBuilder();
        for (CdxLine line : lines) {
            switch (this) {
                case CDXJ -> out.append(line.get(CdxField.URLKEY)).append(' ').append(line.get(CdxField.TIMESTAMP))
                        .append(' ').append(Json.write(object(line, fields.isEmpty() ? CDXJ_FIELDS : fields)));
                case JSON -> out.append(Json.write(object(line, fields.isEmpty() ? JSON_FIELDS : fields)));
                case TEXT -> {
                    List<CdxField> shown = fields.isEmpty() ? CDX11 : fields;
                    for (int i = 0; i < shown.size(); i++) {
                        String value = shown.get(i) == null ? null : line.get(shown.get(i));
                        out.append(i == 0 ? "" : " ").append(value == null || value.isEmpty() ? "-"
                                : value.replace(' ', '+'));
                    }
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    String numPages(long pages, int pageSize) {
        return this == TEXT || this == CDXJ ? pages + "\n"
                : Json.write(Map.of("pages", pages, "pageSize", pageSize, "blocks", pages)) + "\n";
    }

    private static Map<String, String> object(CdxLine line, List<CdxField> fields) {
        Map<String, String> object = new LinkedHashMap<>();
        for (CdxField field : fields) {
            if (line.get(field) != null) {
                object.put(field.key(), line.get(field));
            }
        }
        return object;
    }
}
