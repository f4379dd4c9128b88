package org.palimpsest.api.http;

import jakarta.ws.rs.core.UriInfo;

/** Addresses the API puts in its answers. */
public final class Links {
    private Links() {
    }

    /** The archive's own address without a trailing slash, for paths to follow. */
    public static String base(UriInfo uri) {
        return withoutTrailingSlash(uri.getBaseUri().toString());
    }

    public static String withoutTrailingSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The request's query without its {@code page}: the same list from its start, or as a feed ("" or "?…"). */
    public static String queryWithoutPage(UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        String rest = query == null ? "" : query.replaceAll("(^|&)page=[^&]*", "").replaceFirst("^&", "");
        return rest.isEmpty() ? "" : "?" + rest;
    }

    /** Text as HTML: the characters markup gives a meaning escaped. */
    public static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
