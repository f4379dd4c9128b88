package org.palimpsest.core.citation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.palimpsest.core.error.Choices;
import org.palimpsest.core.json.Json;

/** The formats a version is cited in: CSL-JSON (Zotero, pandoc), BibTeX, RIS (EndNote, Mendeley). */
public enum CitationFormat {
    CSL_JSON("csl-json", "application/vnd.citationstyles.csl+json"),
    BIBTEX("bibtex", "application/x-bibtex; charset=utf-8"),
    RIS("ris", "application/x-research-info-systems; charset=utf-8");

    private final String label;
    private final String mediaType;

    CitationFormat(String label, String mediaType) {
        this.label = label;
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public String label() {
        return label;
    }

    public static CitationFormat parse(String name) {
        return Choices.parse("format", name, List.of(values()), CitationFormat::label);
    }

    public String render(Citation c) {
        return switch (this) {
            case CSL_JSON -> cslJson(c);
            case BIBTEX -> bibtex(c);
            case RIS -> ris(c);
        };
    }

    private static String note(Citation c) {
        return "Version first seen " + c.issued() + " by the Palimpsest news archive; content SHA-256 "
                + c.contentSha256() + (c.originalUrl() == null ? "" : "; original " + c.originalUrl());
    }

    private static String cslJson(Citation c) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", "palimpsest-" + c.versionId());
        item.put("type", "article-newspaper");
        item.put("title", c.title());
        item.put("container-title", c.container());
        if (c.originalUrl() != null) {
            item.put("URL", c.originalUrl());
        }
        item.put("archive", "Palimpsest news archive");
        item.put("archive_location", c.archiveUrl());
        item.put("issued", Map.of("date-parts", List.of(parts(c.issued()))));
        item.put("accessed", Map.of("date-parts", List.of(parts(c.accessed()))));
        item.put("note", note(c));
        return Json.write(List.of(item)) + "\n";
    }

    private static List<Integer> parts(Instant t) {
        LocalDate d = t.atOffset(ZoneOffset.UTC).toLocalDate();
        return List.of(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    private static String bibtex(Citation c) {
        LocalDate issued = c.issued().atOffset(ZoneOffset.UTC).toLocalDate();
        List<String> fields = new ArrayList<>();
        fields.add(field("title", "{" + c.title() + "}"));
        fields.add(field("journal", c.container()));
        fields.add(field("year", String.valueOf(issued.getYear())));
        fields.add(field("month", issued.getMonth().name().substring(0, 3).toLowerCase(Locale.ROOT)));
        fields.add(field("url", c.archiveUrl()));
        fields.add(field("urldate", c.accessed().atOffset(ZoneOffset.UTC).toLocalDate().toString()));
        fields.add(field("note", note(c)));
        return "@article{palimpsest-" + c.versionId().substring(0, 8) + ",\n" + String.join(",\n", fields) + "\n}\n";
    }

    private static String field(String name, String value) {
        String escaped = value.replace("\\", "\\textbackslash{}").replace("&", "\\&").replace("%", "\\%")
                .replace("#", "\\#").replace("_", "\\_");
        return "  " + name + " = {" + escaped + "}";
    }

    private static String ris(Citation c) {
        StringBuilder r = new StringBuilder();
        tag(r, "TY", "NEWS");
        tag(r, "TI", c.title());
        tag(r, "T2", c.container());
        tag(r, "DA", c.issued().atOffset(ZoneOffset.UTC).toLocalDate().toString().replace('-', '/') + "/");
        tag(r, "Y2", c.accessed().atOffset(ZoneOffset.UTC).toLocalDate().toString().replace('-', '/') + "/");
        tag(r, "UR", c.archiveUrl());
        if (c.originalUrl() != null) {
            tag(r, "L2", c.originalUrl());
        }
        tag(r, "DB", "Palimpsest news archive");
        tag(r, "N1", note(c));
        tag(r, "ER", "");
        return r.toString();
    }

    private static void tag(StringBuilder r, String tag, String value) {
        r.append(tag).append("  - ").append(value.replace('\n', ' ')).append("\r\n");
    }
}
