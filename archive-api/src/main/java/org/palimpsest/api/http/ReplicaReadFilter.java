package org.palimpsest.api.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.palimpsest.core.replica.ReadRoute;

/** Lets a GET or HEAD of a {@link ReplicaReads} endpoint read from the replica; every other request reads the primary. */
@Provider
@ReplicaReads
public class ReplicaReadFilter implements ContainerRequestFilter {
    private final ReadRoute route;

    public ReplicaReadFilter(ReadRoute route) {
        this.route = route;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            route.allow();
        }
    }
}
