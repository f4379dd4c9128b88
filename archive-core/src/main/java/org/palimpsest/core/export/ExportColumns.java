package org.palimpsest.core.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of a tabular export, in order: each name with how a record gives its value, and its Table Schema type
 * and description (for a data package's schema).
 */
final class ExportColumns {
    /** What a column holds, as Table Schema (v2) names it: a type, or a {@code ;}-delimited list of an item type. */
    record Type(String type, String itemType, String format) {
        static final Type UUID = new Type("string", null, "uuid");
        static final Type STRING = new Type("string", null, null);
        static final Type URI = new Type("string", null, "uri");
        static final Type INTEGER = new Type("integer", null, null);
        static final Type DATETIME = new Type("datetime", null, null);

        static Type listOf(String itemType) {
            return new Type("list", itemType, null);
        }
    }

    record Column(String name, Function<ExportRecord, String> value, Type type, String description) {

        /** The column as a Table Schema field descriptor. */
        Map<String, Object> field(boolean required) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", name);
            field.put("type", type.type());
            if (type.format() != null) {
                field.put("format", type.format());
            }
            if (type.itemType() != null) {
                field.put("itemType", type.itemType());
                field.put("delimiter", LIST_DELIMITER);
            }
            field.put("description", description);
            if (required) {
                field.put("constraints", Map.of("required", true));
            }
            return field;
        }
    }

    static final String LIST_DELIMITER = ";";

    static final List<Column> ALL = List.of(
            new Column("articleId", ExportRecord::articleId, Type.UUID, "The article's id in the archive"),
            new Column("versionId", ExportRecord::versionId, Type.UUID, "The version's id in the archive"),
            new Column("versionNumber", r -> String.valueOf(r.versionNumber()), Type.INTEGER,
                    "The version's place among its article's versions, from 1"),
            new Column("contentSha256", ExportRecord::contentSha256, Type.STRING,
                    "SHA-256 (hex) of the version's normalised content"),
            new Column("headline", ExportRecord::headline, Type.STRING, "The version's headline"),
            new Column("text", ExportRecord::text, Type.STRING,
                    "The version's body text, paragraphs separated by a blank line"),
            new Column("source", ExportRecord::source, Type.STRING, "The source (site) the captures came from"),
            new Column("url", ExportRecord::url, Type.STRING, "The article's URL, when its captures carried one"),
            new Column("canonicalUrl", ExportRecord::canonicalUrl, Type.STRING,
                    "The article's canonical URL (tracking parameters removed), when known"),
            new Column("validFrom", r -> String.valueOf(r.validFrom()), Type.DATETIME,
                    "When the archive first saw this version (UTC)"),
            new Column("validTo", r -> r.validTo() == null ? "" : r.validTo().toString(), Type.DATETIME,
                    "When a later version replaced it (UTC); empty while it is current (as of the export's asOf)"),
            new Column("captureIds", joined(ExportRecord.Capture::captureId), Type.listOf("string"),
                    "The ids of the captures of this version (in this record), in capture-time order"),
            new Column("capturedAts", joined(c -> String.valueOf(c.capturedAt())), Type.listOf("datetime"),
                    "When each capture was made (UTC), in the same order"),
            new Column("rawSha256s", joined(ExportRecord.Capture::rawSha256), Type.listOf("string"),
                    "SHA-256 (hex) of each capture's exact bytes as received, in the same order"),
            new Column("normaliserVersions", joined(ExportRecord.Capture::normaliserVersion), Type.listOf("string"),
                    "The normaliser version that read each capture, in the same order"),
            new Column("templateVersions", joined(c -> String.valueOf(c.templateVersion())), Type.listOf("integer"),
                    "The source template version each capture was read with, in the same order"));

    private ExportColumns() {
    }

    static List<String> names() {
        return ALL.stream().map(Column::name).toList();
    }

    /** A capture field of every capture of the record, joined with {@code ;}. */
    private static Function<ExportRecord, String> joined(Function<ExportRecord.Capture, String> field) {
        return r -> r.captures().stream().map(field).collect(Collectors.joining(LIST_DELIMITER));
    }
}
