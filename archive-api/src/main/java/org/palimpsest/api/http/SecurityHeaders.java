package org.palimpsest.api.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;

/**
 * Archived bytes are somebody else's pages: a replay (a capture's raw bytes, a memento) is sandboxed so that nothing
 * in it runs as the archive — no script, no request to any origin, no sniffing into another type — and a type a
 * browser would run rather than show is offered as a download. The archive's own pages get a policy that allows
 * only their own stylesheet, no framing and no referrer to other sites.
 */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {
    /** The policy of a replay: a unique opaque origin with scripts, forms and plug-ins off, and nothing fetched. */
    public static final String REPLAY_POLICY = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'";
    /** The policy of the archive's own pages. */
    public static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:;"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final Pattern REPLAY = Pattern.compile("^/?(api/captures/[^/]+/raw|memento/\\d{14}/.*)$");
    private static final Pattern OWN_PAGES = Pattern.compile("^/?(?!api/|memento/|q/|feeds/).*");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        var headers = response.getHeaders();
        if (REPLAY.matcher(path).matches()) {
            headers.putSingle("Content-Security-Policy", REPLAY_POLICY);
            headers.putSingle("X-Content-Type-Options", "nosniff");
            headers.putSingle("Referrer-Policy", "no-referrer");
            MediaType type = response.getMediaType();
            if (response.getStatus() == 200 && type != null && !shown(type)) {
                headers.putSingle("Content-Disposition", "attachment");
            }
        } else if (OWN_PAGES.matcher(path).matches() && MediaType.TEXT_HTML_TYPE.isCompatible(response.getMediaType())) {
            headers.putSingle("Content-Security-Policy", PAGE_POLICY);
            headers.putSingle("X-Content-Type-Options", "nosniff");
            headers.putSingle("X-Frame-Options", "DENY");
            headers.putSingle("Referrer-Policy", "same-origin");
        }
    }

    /** Types a browser shows as text or renders as a page (sandboxed by the policy) rather than runs or hands on. */
    private static boolean shown(MediaType type) {
        return type.getType().equals("text") && (type.getSubtype().equals("plain") || type.getSubtype().equals("html"));
    }
}
