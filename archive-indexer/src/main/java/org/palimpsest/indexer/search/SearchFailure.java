package org.palimpsest.indexer.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.error.ProblemKind;

/**
 * What a client hears when Elasticsearch fails a request the archive made of it: the archive's requests are well
 * formed, so the failure is never the client's input. Unreachable, overloaded ({@code 429}) or failing ({@code 5xx})
 * is a 503 to try again later; any other refusal (a closed or broken index) a 502. {@code stillWorking} says what
 * the client can do meanwhile.
 */
final class SearchFailure {
    static final int RETRY_AFTER_SECONDS = 30;

    private SearchFailure() {
    }

    static ArchiveException of(Exception e, String what, String stillWorking) {
        if (e instanceof ElasticsearchException refused && refused.status() != 429 && refused.status() < 500) {
            return new ArchiveException(ProblemKind.UPSTREAM_FAILED, "the search engine failed " + what + " ("
                    + refused.error().type() + ": " + refused.error().reason() + "); " + stillWorking
                    + ". This is a fault of the archive's search index, not of the request: tell its operator");
        }
        String reason = e instanceof ElasticsearchException refused ? refused.error().type() + ": "
                + refused.error().reason() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return ArchiveException.busy("search is unavailable right now, so " + what + " cannot run (" + reason + "); "
                + stillWorking + ". Try again in a minute", RETRY_AFTER_SECONDS);
    }
}
