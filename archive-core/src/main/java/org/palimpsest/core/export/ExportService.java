package org.palimpsest.core.export;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.palimpsest.core.json.Json;

/**
 * Streams export records straight from PostgreSQL, in version-id order, from one repeatable-read snapshot: the ids of
 * the selected versions come sorted (a few bytes each) from a server-side cursor or, for a full-text query, from the
 * search index; each page of ids is then read with one query, a row a version with its captures aggregated beside
 * it. Memory holds one page, however large the export. (A row a capture would carry the version's text once for
 * every capture, and sorting those rows would spill to disk.)
 */
@ApplicationScoped
public class ExportService {
    static final int PAGE = 500;

    static final int ID_PAGE = 1000;

    private final AgroalDataSource db;
    private final Instance<VersionIdSearch> search;

    public ExportService(AgroalDataSource db, Instance<VersionIdSearch> search) {
        this.db = db;
        this.search = search;
    }

    /**
     * Calls {@code sink} with each record in version-id order (a record per version with its captures, or per
     * capture, in capture-time order within a version); answers the number of records and captures. With {@code q},
     * only the versions the search index matches.
     */
    public long[] stream(ExportQuery q, Consumer<ExportRecord> sink) {
        Filters filters = Filters.of(q);
        long[] total = new long[2];
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Consumer<List<UUID>> page = ids -> {
                for (int from = 0; from < ids.size(); from += PAGE) {
                    readPage(connection, q, filters, ids.subList(from, Math.min(ids.size(), from + PAGE)), sink, total);
                }
            };
            if (q.q().filter(text -> !text.isBlank()).isPresent()) {
                search.get().pages(q, ID_PAGE, page);
            } else {
                selectIds(connection, filters, page);
            }
            connection.rollback();
            return total;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** The ids of the selected versions in id order, {@link #PAGE} at a time, through a server-side cursor. */
    private static void selectIds(Connection connection, Filters filters, Consumer<List<UUID>> page)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select v.id from version v join article a"
                + " on a.id = v.article_id where " + filters.versions + " order by v.id")) {
            statement.setFetchSize(PAGE);
            filters.bindVersions(statement, 1);
            List<UUID> ids = new ArrayList<>(PAGE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                    if (ids.size() == PAGE) {
                        page.accept(List.copyOf(ids));
                        ids.clear();
                    }
                }
            }
            if (!ids.isEmpty()) {
                page.accept(ids);
            }
        }
    }

    /** Reads the page's versions (those the filters keep) with their captures, and hands them on in the page's order. */
    private static void readPage(Connection connection, ExportQuery q, Filters filters, List<UUID> ids,
            Consumer<ExportRecord> sink, long[] total) {
        String sql = "select v.id, v.article_id, v.version_number, v.content_sha256, v.headline,"
                + " cast(v.paragraphs as text), a.source, a.url, a.canonical_url, v.valid_from, v.valid_to,"
                + " k.ids, k.times, k.digests, k.normalisers, k.templates"
                + " from version v join article a on a.id = v.article_id"
                + " cross join lateral (select array_agg(c.id) ids, array_agg(c.captured_at) times,"
                + " array_agg(c.raw_sha256) digests, array_agg(c.normaliser_version) normalisers,"
                + " array_agg(c.template_version) templates from (select c.id, c.captured_at, c.raw_sha256,"
                + " c.normaliser_version, c.template_version from capture c where c.version_id = v.id" + filters.captures
                + " order by c.captured_at, c.raw_sha256) c) k"
                + " where v.id = any(?) and " + filters.versions + " and k.ids is not null";
        Map<UUID, List<ExportRecord>> byVersion = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = filters.bindCaptures(statement, 1);
            statement.setArray(next, connection.createArrayOf("uuid", ids.toArray()));
            filters.bindVersions(statement, next + 1);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Instant validTo = instant(rs.getTimestamp(11));
                    if (q.asOf().isPresent() && validTo != null && validTo.isAfter(q.asOf().get())) {
                        validTo = null; // as of then, the version was still current
                    }
                    List<ExportRecord.Capture> captures = captures(rs);
                    List<ExportRecord> records = new ArrayList<>();
                    for (List<ExportRecord.Capture> part : q.unit() == ExportQuery.Unit.CAPTURE
                            ? captures.stream().map(List::of).toList() : List.of(captures)) {
                        records.add(new ExportRecord(rs.getString(2), rs.getString(1), rs.getInt(3), rs.getString(4),
                                rs.getString(5), String.join("\n\n", Json.readStrings(rs.getString(6))),
                                rs.getString(7), rs.getString(8), rs.getString(9), instant(rs.getTimestamp(10)),
                                validTo, part));
                    }
                    byVersion.put(rs.getObject(1, UUID.class), records);
                    total[1] += captures.size();
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
        for (UUID id : ids) {
            for (ExportRecord record : byVersion.getOrDefault(id, List.of())) {
                sink.accept(record);
                total[0]++;
            }
        }
    }

    /** The row's captures, from the five arrays the query aggregates (an element a capture, in order). */
    private static List<ExportRecord.Capture> captures(ResultSet rs) throws SQLException {
        Object[] ids = (Object[]) rs.getArray(12).getArray();
        Timestamp[] times = (Timestamp[]) rs.getArray(13).getArray();
        String[] digests = (String[]) rs.getArray(14).getArray();
        String[] normalisers = (String[]) rs.getArray(15).getArray();
        Integer[] templates = (Integer[]) rs.getArray(16).getArray();
        List<ExportRecord.Capture> out = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            out.add(new ExportRecord.Capture(ids[i].toString(), instant(times[i]), digests[i], normalisers[i],
                    templates[i]));
        }
        return out;
    }

    /**
     * The query's conditions as SQL: on a version and its article ({@code versions}, over {@code v} and {@code a}),
     * and on its captures ({@code captures}, over {@code c}), with their parameters in order.
     */
    private record Filters(String versions, List<Object> versionParams, String captures, List<Object> captureParams) {

        static Filters of(ExportQuery q) {
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
            return new Filters(versions.toString(), versionParams, captures.toString(), captureParams);
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

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("the export query failed: " + e.getMessage(), e);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
