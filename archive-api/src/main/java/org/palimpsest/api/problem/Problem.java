package org.palimpsest.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.error.ProblemKind;

/** An RFC 9457 problem detail. {@code line} is set for one line of a batch. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, Integer line) {
    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://palimpsest.example/problems/";

    public static Problem of(ProblemKind kind, String detail) {
        return new Problem(TYPE_BASE + kind.slug(), kind.title(), status(kind), detail, null);
    }

    public static Problem of(ArchiveException e) {
        return of(e.kind(), e.getMessage());
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null);
    }

    public Problem atLine(int number) {
        return new Problem(type, title, status, "line " + number + ": " + detail, number);
    }

    public Response response() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    static int status(ProblemKind kind) {
        return switch (kind) {
            case INVALID_INPUT -> 400;
            case NOT_FOUND -> 404;
            case TOO_LARGE -> 413;
            case TOO_LARGE_TO_COMPARE -> 422;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case UNAVAILABLE, TOO_LARGE_TO_REDERIVE -> 503;
            case UPSTREAM_FAILED -> 502;
            case CORRUPT -> 500;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
        };
    }
}
