package org.palimpsest.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.palimpsest.api.problem.Problem;
import org.palimpsest.core.capture.CaptureConfig;
import org.palimpsest.core.error.ProblemKind;
import org.palimpsest.core.imports.ImportConfig;

/**
 * Each endpoint's body limit, applied to the length a request declares before a byte of its body is read, and
 * answered as a problem: a capture has the capture limit, an import the import limit, anything else the server's
 * ({@code quarkus.http.limits.max-body-size}, which it would otherwise answer with a bare 413 of its own). Bodies sent
 * without a length are held to the same limits as they are read.
 */
@ApplicationScoped
public class BodyLimits {
    private final ObjectMapper json;
    private final long captureLimit;
    private final long importLimit;
    private final long serverLimit;

    public BodyLimits(ObjectMapper json, CaptureConfig captures, ImportConfig imports,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize serverLimit) {
        this.json = json;
        this.captureLimit = captures.maxSize().asLongValue();
        this.importLimit = imports.maxSize().asLongValue();
        this.serverLimit = serverLimit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    /** The limit of a request's body and the setting that raises it. */
    record Limit(long bytes, String setting, String remedy) {
    }

    Limit limitOf(HttpMethod method, String path) {
        if (method == HttpMethod.POST && (path.equals("/api/captures") || path.equals("/api/captures/"))) {
            return new Limit(captureLimit, "palimpsest.capture.max-size", "a capture this large is refused");
        }
        if (method == HttpMethod.POST && (path.startsWith("/api/imports") || path.startsWith("/imports"))) {
            return new Limit(Math.min(importLimit, serverLimit), importLimit <= serverLimit
                    ? "palimpsest.imports.max-size" : "quarkus.http.limits.max-body-size",
                    "split the crawl into smaller WARC files");
        }
        return new Limit(serverLimit, "quarkus.http.limits.max-body-size",
                "batches are read a line at a time: send the captures in several batches");
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                length = -1;
            }
            Limit limit = limitOf(context.request().method(), context.request().path());
            if (length > limit.bytes()) {
                refuse(context, Problem.of(ProblemKind.TOO_LARGE, "the body has " + length + " bytes, more than "
                        + limit.bytes() + " (" + limit.setting() + "): " + limit.remedy()));
                return;
            }
        }
        context.next();
    }

    private void refuse(RoutingContext context, Problem problem) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // the body that follows is not read: the connection ends with this answer
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(io.vertx.core.buffer.Buffer.buffer(body))
                .onComplete(done -> context.request().connection().close());
    }
}
