package org.palimpsest.api.export;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.palimpsest.api.article.Params;
import org.palimpsest.core.capture.SourceKey;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.export.BagExporter;
import org.palimpsest.core.export.ExportQuery;
import org.palimpsest.core.export.ExportService;
import org.palimpsest.core.export.ExportWriter;
import org.palimpsest.core.export.WarcExporter;

/** Research datasets, streamed: one record per version with its captures, then a manifest. */
@Path("/api/exports")
public class ExportResource {
    private final ExportWriter writer;
    private final WarcExporter warc;
    private final BagExporter bag;

    public ExportResource(ExportService exports, WarcExporter warc, BagExporter bag) {
        this.writer = new ExportWriter(exports, Clock.systemUTC());
        this.warc = warc;
        this.bag = bag;
    }

    @GET
    public Response export(@QueryParam("format") @DefaultValue("jsonl") String format,
            @QueryParam("source") String source, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("asOf") String asOf, @QueryParam("q") String q,
            @QueryParam("unit") @DefaultValue("version") String unit) {
        String name = format.strip().toLowerCase(Locale.ROOT);
        ExportWriter.Format f = switch (name) {
            case "jsonl" -> ExportWriter.Format.JSONL;
            case "csv" -> ExportWriter.Format.CSV;
            case "warc", "bag" -> null;
            default -> throw ArchiveException.invalid("format '" + format + "' is not known: use jsonl, csv, warc or bag");
        };
        ExportQuery.Unit exportUnit = switch (unit.strip().toLowerCase(Locale.ROOT)) {
            case "version" -> ExportQuery.Unit.VERSION;
            case "capture" -> ExportQuery.Unit.CAPTURE;
            default -> throw ArchiveException.invalid("unit '" + unit + "' is not known: use version or capture");
        };
        ExportQuery query = new ExportQuery(Optional.ofNullable(q).filter(text -> !text.isBlank()),
                Optional.ofNullable(source).filter(s -> !s.isBlank())
                .map(s -> new SourceKey(s).value()), Params.instant("from", from), Params.instant("to", to),
                Params.instant("asOf", asOf), exportUnit);
        if (name.equals("bag")) {
            StreamingOutput body = out -> bag.write(query, out, Clock.systemUTC());
            return Response.ok(body, "application/zip")
                    .header("Content-Disposition", "attachment; filename=\"palimpsest-bag.zip\"").build();
        }
        if (f == null) {
            StreamingOutput body = out -> warc.write(query, out, Clock.systemUTC());
            return Response.ok(body, "application/warc")
                    .header("Content-Disposition", "attachment; filename=\"palimpsest-export.warc\"").build();
        }
        StreamingOutput body = out -> writer.write(query, f, out);
        String extension = f == ExportWriter.Format.JSONL ? "jsonl" : "csv";
        return Response.ok(body, f == ExportWriter.Format.JSONL ? "application/x-ndjson" : "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"palimpsest-export." + extension + "\"").build();
    }
}
