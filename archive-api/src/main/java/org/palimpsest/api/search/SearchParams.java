package org.palimpsest.api.search;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.palimpsest.api.article.Params;
import org.palimpsest.api.change.ChangeParams;
import org.palimpsest.core.capture.SourceKey;
import org.palimpsest.core.diff.ChangeKind;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.error.Choices;
import org.palimpsest.indexer.search.SearchQuery;

/** A search as the API and the web pages receive it: strings from the query, checked into a {@link SearchQuery}. */
public record SearchParams(
        String q, String source, String from, String to, String asOf, boolean allVersions, String sort, int page,
        int size, List<String> changeKind, String stealth) {
    public static final int MAX_SIZE = 100;

    public SearchQuery query() {
        Optional<Instant> at = Params.instant("asOf", asOf);
        if (at.isPresent() && allVersions) {
            throw ArchiveException.invalid("give asOf (the version each article had then) or allVersions=true"
                    + " (every version), not both");
        }
        return new SearchQuery(Optional.ofNullable(q),
                Optional.ofNullable(source).filter(s -> !s.isBlank()).map(s -> new SourceKey(s).value()),
                Params.instant("from", from), Params.instant("to", to), at, allVersions, parsedSort(),
                Params.page(page), Params.size(size, MAX_SIZE), new SearchQuery.Changes(
                        ChangeParams.kinds("changeKind", changeKind).stream().map(ChangeKind::label).toList(),
                        ChangeParams.stealth(stealth)));
    }

    private SearchQuery.Sort parsedSort() {
        String name = sort == null || sort.isBlank() ? "relevance" : sort;
        return Choices.parse("sort", name, List.of(SearchQuery.Sort.values()), s -> s.name().toLowerCase(Locale.ROOT));
    }
}
