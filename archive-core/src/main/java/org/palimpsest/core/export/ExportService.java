package org.palimpsest.core.export;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.palimpsest.core.json.Json;

/**
 * Streams export records straight from PostgreSQL: one ordered query read through a server-side cursor (a fetch size
 * inside a read-only transaction), rows grouped into records as they arrive, so memory does not grow with the export.
 */
@ApplicationScoped
public class ExportService {
    static final int FETCH = 500;

    static final int ID_PAGE = 1000;

    private final AgroalDataSource db;
    private final jakarta.enterprise.inject.Instance<VersionIdSearch> search;

    public ExportService(AgroalDataSource db, jakarta.enterprise.inject.Instance<VersionIdSearch> search) {
        this.db = db;
        this.search = search;
    }

    /**
     * Like {@link #streamFromDatabase}, restricted to the versions the search index matches when the query has
     * {@code q}: ids come from the index page by page in id order, and each page is read from PostgreSQL.
     */
    public long[] stream(ExportQuery q, Consumer<ExportRecord> sink) {
        if (q.q().filter(text -> !text.isBlank()).isEmpty()) {
            return streamFromDatabase(q, List.of(), sink);
        }
        long[] total = new long[2];
        search.get().pages(q, ID_PAGE, ids -> {
            long[] page = streamFromDatabase(q, ids, sink);
            total[0] += page[0];
            total[1] += page[1];
        });
        return total;
    }

    /**
     * Calls {@code sink} with each record in version-id order (per capture, in capture-time order within a version);
     * answers the number of records and captures.
     */
    long[] streamFromDatabase(ExportQuery q, List<java.util.UUID> ids, Consumer<ExportRecord> sink) {
        StringBuilder sql = new StringBuilder("""
                select v.id, v.article_id, v.version_number, v.content_sha256, v.headline, cast(v.paragraphs as text),
                       a.source, a.url, a.canonical_url, v.valid_from, v.valid_to,
                       c.id, c.captured_at, c.raw_sha256, c.derivation->>'normaliserVersion',
                       (c.derivation->>'templateVersion')::int
                from version v join article a on a.id = v.article_id join capture c on c.version_id = v.id
                where v.superseded_by is null and a.superseded_by is null""");
        List<Object> params = new ArrayList<>();
        if (!ids.isEmpty()) {
            sql.append(" and v.id = any(?)");
            params.add(ids.toArray(new java.util.UUID[0]));
        }
        q.source().ifPresent(s -> {
            sql.append(" and a.source = ?");
            params.add(s);
        });
        q.from().ifPresent(f -> {
            sql.append(" and c.captured_at >= ?");
            params.add(Timestamp.from(f));
        });
        q.to().ifPresent(t -> {
            sql.append(" and c.captured_at <= ?");
            params.add(Timestamp.from(t));
        });
        q.asOf().ifPresent(t -> {
            sql.append(" and c.captured_at <= ? and exists (select 1 from jsonb_array_elements(v.intervals) i"
                    + " where (i->>'from')::timestamptz <= ? and (i->>'to' is null or (i->>'to')::timestamptz > ?))");
            params.add(Timestamp.from(t));
            params.add(Timestamp.from(t));
            params.add(Timestamp.from(t));
        });
        sql.append(" order by v.id, c.captured_at, c.raw_sha256");
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                statement.setFetchSize(FETCH);
                for (int i = 0; i < params.size(); i++) {
                    if (params.get(i) instanceof java.util.UUID[] array) {
                        statement.setArray(i + 1, connection.createArrayOf("uuid", array));
                    } else {
                        statement.setObject(i + 1, params.get(i));
                    }
                }
                long records = 0;
                long captures = 0;
                try (ResultSet rs = statement.executeQuery()) {
                    ExportRecord current = null;
                    while (rs.next()) {
                        String versionId = rs.getString(1);
                        if (current == null || !current.versionId().equals(versionId)
                                || q.unit() == ExportQuery.Unit.CAPTURE) {
                            if (current != null) {
                                sink.accept(current);
                                records++;
                            }
                            Instant validTo = instant(rs, 11);
                            if (q.asOf().isPresent() && validTo != null && validTo.isAfter(q.asOf().get())) {
                                validTo = null; // as of then, the version was still current
                            }
                            current = new ExportRecord(rs.getString(2), versionId,
                                    rs.getInt(3), rs.getString(4), rs.getString(5),
                                    String.join("\n\n", Json.readStrings(rs.getString(6))), rs.getString(7),
                                    rs.getString(8), rs.getString(9), instant(rs, 10), validTo, new ArrayList<>());
                        }
                        current.captures().add(new ExportRecord.Capture(rs.getString(12), instant(rs, 13),
                                rs.getString(14), rs.getString(15), (Integer) rs.getObject(16)));
                        captures++;
                    }
                    if (current != null) {
                        sink.accept(current);
                        records++;
                    }
                }
                connection.rollback();
                return new long[] {records, captures};
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the export query failed: " + e.getMessage(), e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
