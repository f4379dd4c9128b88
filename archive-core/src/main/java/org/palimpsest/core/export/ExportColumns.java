package org.palimpsest.core.export;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The columns of a tabular export, in order: each name with how a record gives its value. */
final class ExportColumns {
    record Column(String name, Function<ExportRecord, String> value) {
    }

    static final List<Column> ALL = List.of(
            new Column("articleId", ExportRecord::articleId),
            new Column("versionId", ExportRecord::versionId),
            new Column("versionNumber", r -> String.valueOf(r.versionNumber())),
            new Column("contentSha256", ExportRecord::contentSha256),
            new Column("headline", ExportRecord::headline),
            new Column("text", ExportRecord::text),
            new Column("source", ExportRecord::source),
            new Column("url", ExportRecord::url),
            new Column("canonicalUrl", ExportRecord::canonicalUrl),
            new Column("validFrom", r -> String.valueOf(r.validFrom())),
            new Column("validTo", r -> r.validTo() == null ? "" : r.validTo().toString()),
            new Column("captureIds", joined(ExportRecord.Capture::captureId)),
            new Column("capturedAts", joined(c -> String.valueOf(c.capturedAt()))),
            new Column("rawSha256s", joined(ExportRecord.Capture::rawSha256)),
            new Column("normaliserVersions", joined(ExportRecord.Capture::normaliserVersion)),
            new Column("templateVersions", joined(c -> String.valueOf(c.templateVersion()))));

    private ExportColumns() {
    }

    static List<String> names() {
        return ALL.stream().map(Column::name).toList();
    }

    /** A capture field of every capture of the record, joined with {@code ;}. */
    private static Function<ExportRecord, String> joined(Function<ExportRecord.Capture, String> field) {
        return r -> r.captures().stream().map(field).collect(Collectors.joining(";"));
    }
}
