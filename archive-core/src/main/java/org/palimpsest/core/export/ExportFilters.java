package org.palimpsest.core.export;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An export query's conditions as SQL: on a version and its article ({@code versions}, over {@code v} and {@code a}),
 * and on its captures ({@code captures}, over {@code c}), with their parameters in order.
 */
record ExportFilters(String versions, List<Object> versionParams, String captures, List<Object> captureParams) {

    static ExportFilters of(ExportQuery q) {
        StringBuilder versions = new StringBuilder("v.superseded_by is null and a.superseded_by is null");
        List<Object> versionParams = new ArrayList<>();
        q.source().ifPresent(s -> {
            versions.append(" and a.source = ?");
            versionParams.add(s);
        });
        q.asOf().ifPresent(t -> {
            versions.append(" and exists (select 1 from jsonb_array_elements(v.intervals) i"
                    + " where (i->>'from')::timestamptz <= ?"
                    + " and (i->>'to' is null or (i->>'to')::timestamptz > ?))");
            versionParams.add(Timestamp.from(t));
            versionParams.add(Timestamp.from(t));
        });
        StringBuilder captures = new StringBuilder();
        List<Object> captureParams = new ArrayList<>();
        q.from().ifPresent(f -> {
            captures.append(" and c.captured_at >= ?");
            captureParams.add(Timestamp.from(f));
        });
        // As of an instant, captures after it are not yet in the archive.
        Optional<Instant> to = q.asOf().map(t -> q.to().filter(end -> end.isBefore(t)).orElse(t)).or(q::to);
        to.ifPresent(t -> {
            captures.append(" and c.captured_at <= ?");
            captureParams.add(Timestamp.from(t));
        });
        return new ExportFilters(versions.toString(), versionParams, captures.toString(), captureParams);
    }

    int bindVersions(PreparedStatement statement, int first) throws SQLException {
        return bind(statement, first, versionParams);
    }

    int bindCaptures(PreparedStatement statement, int first) throws SQLException {
        return bind(statement, first, captureParams);
    }

    private static int bind(PreparedStatement statement, int first, List<Object> params) throws SQLException {
        for (Object p : params) {
            statement.setObject(first++, p);
        }
        return first;
    }
}
