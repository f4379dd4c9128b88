package org.palimpsest.core.error;

/** The closed set of ways a request can be refused; the API maps each to an HTTP status and problem type. */
public enum ProblemKind {
    INVALID_INPUT("invalid-input", "Invalid input"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type"),
    TOO_LARGE("too-large", "Content too large"),
    TOO_LARGE_TO_COMPARE("too-large-to-compare", "Too large to compare"),
    NOT_FOUND("not-found", "Not found"),
    UNAVAILABLE("unavailable", "Service unavailable"),
    /** A source with more captures than this server re-derives with its heap: 503, until an operator raises it. */
    TOO_LARGE_TO_REDERIVE("too-large-to-rederive", "Source too large to re-derive"),
    /** A server the archive relies on (the search engine) refused a well-formed request: 502. */
    UPSTREAM_FAILED("upstream-failed", "Bad gateway"),
    /** Stored bytes that fail their digest (fixity): 500, for an operator to restore. */
    CORRUPT("corrupt", "Stored bytes fail their digest"),
    UNAUTHORIZED("unauthorized", "Unauthorized"),
    FORBIDDEN("forbidden", "Forbidden");

    private final String slug;
    private final String title;

    ProblemKind(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
