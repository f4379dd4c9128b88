package org.palimpsest.core.cdx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.palimpsest.core.replica.Reads;
import org.palimpsest.core.store.Sql;

/**
 * Answers CDX queries from the captures' table: the SURT key is the capture's {@code url_key}, so an exact query is
 * one probe of the (url_key, captured_at) index and a prefix one a range of the pattern index beside it.
 */
@ApplicationScoped
public class CdxReader {
    private final Reads reads;

    public CdxReader(Reads reads) {
        this.reads = reads;
    }

    /** A CDX line: every field's value, null where it is not known (a capture posted without a URL has no status). */
    public record CdxLine(Map<CdxField, String> values) {
        public String get(CdxField field) {
            return values.get(field);
        }
    }

    /** The lines of the query, skipping {@code offset} of them. */
    public List<CdxLine> lines(CdxQuery query, long offset) {
        String select = java.util.Arrays.stream(CdxField.values()).map(f -> f.sql() + " as " + f.name())
                .collect(Collectors.joining(", "));
        List<Object> params = new ArrayList<>();
        String order = switch (query.sort()) {
            case ASCENDING -> "c.url_key, c.captured_at, c.id";
            case REVERSE -> "c.url_key desc, c.captured_at desc, c.id desc";
            case CLOSEST -> "abs(extract(epoch from c.captured_at - cast(?" + param(params, query.closest()
                    .orElseThrow()) + " as timestamptz))), c.captured_at, c.id";
        };
        String where = where(query, params);
        Query sql = Sql.rows(reads.em(), "select " + select + " from capture c where " + where + " order by " + order
                + " limit " + query.limit() + " offset " + offset);
        bind(sql, params);
        List<CdxLine> lines = new ArrayList<>();
        for (Tuple row : Sql.list(sql)) {
            Map<CdxField, String> values = new EnumMap<>(CdxField.class);
            for (CdxField field : CdxField.values()) {
                values.put(field, row.get(field.name(), String.class));
            }
            lines.add(new CdxLine(values));
        }
        return lines;
    }

    /** How many lines the query has, without its limit. */
    public long count(CdxQuery query) {
        List<Object> params = new ArrayList<>();
        Query sql = Sql.statement(reads.em(), "select count(*) from capture c where " + where(query, params));
        bind(sql, params);
        return ((Number) sql.getSingleResult()).longValue();
    }

    private static String where(CdxQuery query, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        switch (query.match()) {
            case EXACT -> conditions.add("c.url_key = ?" + param(params, query.key()));
            case PREFIX, HOST -> conditions.add("c.url_key like ?" + param(params, like(query.key()) + "%"));
            case DOMAIN -> conditions.add("(c.url_key like ?" + param(params, like(query.key()) + ")%")
                    + " or c.url_key like ?" + param(params, like(query.key()) + ",%") + ")");
        }
        query.from().ifPresent(from -> conditions.add("c.captured_at >= ?" + param(params, from)));
        query.to().ifPresent(to -> conditions.add("c.captured_at < ?" + param(params, to.plusSeconds(1))));
        for (CdxQuery.Filter filter : query.filters()) {
            String value = "coalesce(" + filter.field().sql() + ", '')";
            String condition = switch (filter.kind()) {
                case EQUALS -> value + " = ?" + param(params, filter.value());
                case CONTAINS -> "strpos(" + value + ", ?" + param(params, filter.value()) + ") > 0";
                case REGEX -> value + " ~ ?" + param(params, "^(?:" + filter.value() + ")");
            };
            conditions.add(filter.negated() ? "not (" + condition + ")" : condition);
        }
        return String.join(" and ", conditions);
    }

    private static int param(List<Object> params, Object value) {
        params.add(value);
        return params.size();
    }

    private static void bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
    }

    /** The text as a LIKE pattern matching itself. */
    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
