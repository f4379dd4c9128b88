package org.palimpsest.core.imports;

/** Why a record did not become a new capture; a job counts its records by these. */
public enum ImportReason {
    /** warcinfo, request, metadata, conversion and the like: records that describe, not capture. */
    NOT_A_CAPTURE("not-a-capture"),
    /** images, scripts, video: the archive keeps articles, which are text. */
    NOT_TEXT("not-text"),
    /** a redirect, an error page. */
    HTTP_STATUS("http-status"),
    /** the same bytes, URL and time are archived already. */
    ALREADY_ARCHIVED("already-archived"),
    /** over the capture size limit, as recorded or once decoded. */
    TOO_LARGE("too-large"),
    /** an HTTP message or content encoding that cannot be read. */
    MALFORMED("malformed"),
    /** a revisit whose original is neither in the file nor archived. */
    ORIGINAL_NOT_FOUND("original-not-found"),
    /** the archive refused the capture (its time, its URL, …). */
    REFUSED("refused"),
    /** the capture could not be stored (an internal error, logged). */
    NOT_STORED("not-stored");

    private final String key;

    ImportReason(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
