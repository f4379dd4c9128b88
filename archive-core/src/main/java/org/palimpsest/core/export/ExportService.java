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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Streams export records straight from PostgreSQL, in version-id order, from one repeatable-read snapshot: the ids of
 * the selected versions come sorted (a few bytes each) from a server-side cursor or, for a full-text query, from the
 * search index; each page of ids is then read with one query, a row a version with its captures aggregated beside
 * it. Memory holds a few pages, however large the export. (A row a capture would carry the version's text once for
 * every capture, and sorting those rows would spill to disk.)
 */
@ApplicationScoped
public class ExportService {
    static final int PAGE = 500;

    static final int ID_PAGE = 1000;

    /** Pages read ahead of the writer. */
    static final int AHEAD = 2;

    private static final Object END = new Object();

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
     * <p>
     * A reader thread reads the pages while the caller writes: PostgreSQL reads the next page while the last one is
     * serialised, and at most {@link #AHEAD} pages wait in memory. If the caller stops (the client went away), the
     * reader stops at its next page.
     */
    public long[] stream(ExportQuery q, Consumer<ExportRecord> sink) {
        BlockingQueue<Object> pages = new ArrayBlockingQueue<>(AHEAD);
        AtomicBoolean abandoned = new AtomicBoolean();
        long[] captures = new long[1];
        Thread reader = new Thread(() -> {
            Object last = END;
            try {
                read(q, page -> hand(pages, page, abandoned), captures);
            } catch (Abandoned e) {
                return;
            } catch (RuntimeException | Error e) {
                last = e;
            }
            try {
                hand(pages, last, abandoned);
            } catch (Abandoned e) {
                // nobody is reading any more
            }
        }, "export-reader");
        reader.setDaemon(true);
        reader.start();
        long records = 0;
        try {
            for (Object next = pages.take(); next != END; next = pages.take()) {
                if (next instanceof RuntimeException e) {
                    throw e;
                }
                if (next instanceof Error e) {
                    throw e;
                }
                for (Object record : (List<?>) next) {
                    sink.accept((ExportRecord) record);
                    records++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the export was interrupted", e);
        } finally {
            abandoned.set(true);
        }
        return new long[] {records, captures[0]};
    }

    /** Reads every page of the export in one snapshot and hands each page's records to {@code page}, in order. */
    private void read(ExportQuery q, Consumer<List<ExportRecord>> page, long[] captures) {
        Filters filters = Filters.of(q);
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (PreparedStatement pageQuery = connection.prepareStatement(pageSql(filters))) {
                Consumer<List<UUID>> ids = all -> {
                    for (int from = 0; from < all.size(); from += PAGE) {
                        page.accept(readPage(pageQuery, q, filters,
                                all.subList(from, Math.min(all.size(), from + PAGE)), captures));
                    }
                };
                if (q.q().filter(text -> !text.isBlank()).isPresent()) {
                    search.get().pages(q, ID_PAGE, ids);
                } else {
                    selectIds(connection, filters, ids);
                }
            }
            connection.rollback();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Puts {@code item} on the queue, waiting while it is full, unless the caller has stopped reading. */
    private static void hand(BlockingQueue<Object> pages, Object item, AtomicBoolean abandoned) {
        try {
            while (!pages.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (abandoned.get()) {
                    throw new Abandoned();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Abandoned();
        }
    }

    /** Unwinds the reader when the caller has stopped reading. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super(null, null, false, false);
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

    /**
     * The query that reads a page of versions (the ids its array parameter names, those the filters keep) with their
     * captures: a row a version.
     */
    private static String pageSql(Filters filters) {
        return "select v.id, v.article_id, v.version_number, v.content_sha256, v.headline,"
                + " array_to_string(array(select jsonb_array_elements_text(v.paragraphs)), E'\\n\\n'),"
                + " a.source, a.url, a.canonical_url, v.valid_from, v.valid_to,"
                + " k.ids, k.times, k.digests, k.normalisers, k.templates"
                + " from version v join article a on a.id = v.article_id"
                + " cross join lateral (select array_agg(c.id) ids, array_agg(c.captured_at) times,"
                + " array_agg(c.raw_sha256) digests, array_agg(c.normaliser_version) normalisers,"
                + " array_agg(c.template_version) templates from (select c.id, c.captured_at, c.raw_sha256,"
                + " c.normaliser_version, c.template_version from capture c where c.version_id = v.id" + filters.captures
                + " order by c.captured_at, c.raw_sha256) c) k"
                + " where v.id = any(?) and " + filters.versions + " and k.ids is not null";
    }

    /** The page's versions with their captures (through {@link #pageSql}), as records in the page's order. */
    private static List<ExportRecord> readPage(PreparedStatement statement, ExportQuery q, Filters filters,
            List<UUID> ids, long[] captureCount) {
        Map<UUID, List<ExportRecord>> byVersion = new HashMap<>();
        try {
            int next = filters.bindCaptures(statement, 1);
            statement.setArray(next, statement.getConnection().createArrayOf("uuid", ids.toArray()));
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
                                rs.getString(5), rs.getString(6),
                                rs.getString(7), rs.getString(8), rs.getString(9), instant(rs.getTimestamp(10)),
                                validTo, part));
                    }
                    byVersion.put(rs.getObject(1, UUID.class), records);
                    captureCount[0] += captures.size();
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
        List<ExportRecord> out = new ArrayList<>(byVersion.size());
        for (UUID id : ids) {
            out.addAll(byVersion.getOrDefault(id, List.of()));
        }
        return out;
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
