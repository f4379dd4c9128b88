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
        ExportQuery.Unit exportUnit = switch (unit.strip().toLowerCase(Locale.ROOT)) {
            case "version" -> ExportQuery.Unit.VERSION;
            case "capture" -> ExportQuery.Unit.CAPTURE;
            default -> throw ArchiveException.invalid("unit '" + unit + "' is not known: use version or capture");
        };
        ExportQuery query = new ExportQuery(Optional.ofNullable(q).filter(text -> !text.isBlank()),
                Optional.ofNullable(source).filter(s -> !s.isBlank()).map(s -> new SourceKey(s).value()),
                Params.instant("from", from), Params.instant("to", to), Params.instant("asOf", asOf), exportUnit);
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "jsonl" -> download(out -> writer.write(query, ExportWriter.Format.JSONL, out), "application/x-ndjson",
                    "palimpsest-export.jsonl");
            case "csv" -> download(out -> writer.write(query, ExportWriter.Format.CSV, out), "text/csv; charset=utf-8",
                    "palimpsest-export.csv");
            case "warc" -> download(out -> warc.write(query, out, Clock.systemUTC()), "application/warc",
                    "palimpsest-export.warc");
            case "bag" -> download(out -> bag.write(query, out, Clock.systemUTC()), "application/zip",
                    "palimpsest-bag.zip");
            default -> throw ArchiveException.invalid("format '" + format + "' is not known: use jsonl, csv, warc or bag");
        };
    }

    private static Response download(StreamingOutput body, String type, String fileName) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
