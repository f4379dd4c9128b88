package org.palimpsest.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.error.DatabaseOutage;
import org.palimpsest.core.error.ProblemKind;

/** Turns every failure into problem+json. Details say what to fix; class names and stack traces stay in the log. */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response archive(ArchiveException e) {
        Response problem = Problem.of(e).response();
        return e.retryAfterSeconds().isEmpty() ? problem
                : Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds().getAsInt()).build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.fromResponse(Problem.of(401, "unauthorized", "Unauthorized",
                        "send 'Authorization: Bearer <token>' with a token that has the archivist role").response())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"palimpsest\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(403, "forbidden", "Forbidden",
                "this token lacks the role this request needs: writes need the archivist role").response();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return Problem.of(400, "invalid-input", "Invalid input",
                "the body is not valid JSON: " + e.getOriginalMessage()).response();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.of(404, "not-found", "Not found",
                "nothing here: check the path and the id (ids are UUIDs such as 3f2b...)").response();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return Problem.of(405, "method-not-allowed", "Method not allowed",
                "this path answers " + e.getResponse().getAllowedMethods()).response();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return Problem.of(status, "http-" + status, title, title + ": check the request against /q/openapi")
                .response();
    }

    /**
     * A file or connection that failed mid-request (a request body broken off, a disk that refused a write): the
     * request's transaction is rolled back, so nothing of it was kept.
     */
    @ServerExceptionMapper({IOException.class, UncheckedIOException.class})
    public Response io(Exception e) {
        LOG.warnf("a request failed reading or writing: %s", e.getMessage());
        return Problem.of(ProblemKind.UNAVAILABLE, "the archive could not read or write what this request needed ("
                + e.getMessage() + "); nothing of it was kept: send it again").response();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (DatabaseOutage.causes(e)) {
            LOG.warnf("a request failed while the database was unavailable: %s", e.getMessage());
            return archive(DatabaseOutage.refusal());
        }
        LOG.error("unexpected failure", e);
        return Problem.of(500, "internal", "Internal error",
                "the archive failed to answer; nothing was written. Try again, and report it if it persists").response();
    }
}
