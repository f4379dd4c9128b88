package org.palimpsest.api.article;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.palimpsest.core.article.Page;

/** A page of results with the link to the next page, or null on the last. */
public record PageJson<T>(List<T> items, int page, int size, long total, String next) {

    public static <T> PageJson<T> of(Page<T> page, UriInfo uri) {
        String next = page.hasNext()
                ? uri.getRequestUriBuilder().replaceQueryParam("page", page.page() + 1).build().toString()
                : null;
        return new PageJson<>(page.items(), page.page(), page.size(), page.total(), next);
    }
}
