package org.palimpsest.indexer.index;

/** Elasticsearch refused or could not be reached; the message says how many documents and where. */
public class IndexingException extends RuntimeException {
    public IndexingException(String message, Throwable cause) {
        super(message, cause);
    }

    public IndexingException(String message) {
        super(message);
    }
}
