package org.palimpsest.api.export;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Optional;
import org.palimpsest.api.article.Params;
import org.palimpsest.core.capture.SourceKey;
import org.palimpsest.core.export.ExportFormat;
import org.palimpsest.core.export.ExportQuery;
import org.palimpsest.core.export.Exports;

/** Research datasets, streamed: one record per version with its captures, then a manifest. */
@Path("/api/exports")
@PermitAll
public class ExportResource {
    private final Exports exports;

    public ExportResource(Exports exports) {
        this.exports = exports;
    }

    @GET
    public Response export(@QueryParam("format") @DefaultValue("jsonl") String format,
            @QueryParam("source") String source, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("asOf") String asOf, @QueryParam("q") String q,
            @QueryParam("unit") @DefaultValue("version") String unit) {
        ExportQuery.Unit exportUnit = ExportQuery.Unit.parse(unit);
        ExportQuery query = new ExportQuery(Optional.ofNullable(q).filter(text -> !text.isBlank()),
                Optional.ofNullable(source).filter(s -> !s.isBlank()).map(s -> new SourceKey(s).value()),
                Params.instant("from", from), Params.instant("to", to), Params.instant("asOf", asOf), exportUnit);
        ExportFormat exportFormat = ExportFormat.parse(format);
        StreamingOutput body = out -> exports.write(query, exportFormat, out);
        return Response.ok(body, exportFormat.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + exportFormat.fileName() + "\"").build();
    }
}
