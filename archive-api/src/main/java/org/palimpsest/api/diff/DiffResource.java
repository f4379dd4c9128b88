package org.palimpsest.api.diff;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.palimpsest.api.article.Params;
import org.palimpsest.core.change.DiffService;
import org.palimpsest.core.diff.DiffGranularity;
import org.palimpsest.core.error.ArchiveException;

/** Compares any two versions or captures. */
@Path("/api/diff")
@PermitAll
public class DiffResource {
    private final DiffService diffs;

    public DiffResource(DiffService diffs) {
        this.diffs = diffs;
    }

    @GET
    public Response diff(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("granularity") @DefaultValue("word") String granularity,
            @QueryParam("format") @DefaultValue("json") String format,
            @QueryParam("raw") @DefaultValue("false") boolean raw) {
        DiffService.Comparison c = diffs.compare(Params.versionOrCaptureId("from", from), Params.versionOrCaptureId("to", to), DiffGranularity.parse(granularity), raw);
        return switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "json" -> Response.ok(DiffJson.of(c), MediaType.APPLICATION_JSON).build();
            case "unified" -> Response.ok(DiffFormats.unified(c), "text/x-diff; charset=utf-8").build();
            case "html" -> Response.ok(DiffFormats.html(c), "text/html; charset=utf-8").build();
            default -> throw ArchiveException.invalid("format '" + format + "' is not known: use json, unified or html");
        };
    }
}
