package org.palimpsest.core.export;

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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.palimpsest.core.replica.Reads;

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

    private final Reads reads;
    private final Instance<VersionIdSearch> search;

    public ExportService(Reads reads, Instance<VersionIdSearch> search) {
        this.reads = reads;
        this.search = search;
    }

    /**
     * Calls {@code sink} with each record in version-id order (a record per version with its captures, or per
     * capture, in capture-time order within a version), and answers how many records and captures there were. With
     * {@code q}, only the versions the search index matches.
     * <p>
     * The pages are read on a thread of their own while the caller writes ({@link ReadAhead}): PostgreSQL reads the
     * next page while the last one is serialised, and at most {@link #AHEAD} pages wait in memory. If the caller
     * stops (the client went away), the reader stops at its next page.
     */
    public ExportCounts stream(ExportQuery q, Consumer<ExportRecord> sink) {
        AtomicLong captures = new AtomicLong();
        long records = 0;
        DataSource db = reads.dataSource();
        try (ReadAhead<List<ExportRecord>> pages = new ReadAhead<>("export-reader", AHEAD,
                page -> read(db, q, page, captures))) {
            while (pages.hasNext()) {
                for (ExportRecord record : pages.next()) {
                    sink.accept(record);
                    records++;
                }
            }
        }
        return new ExportCounts(records, captures.get());
    }

    /** Reads every page of the export in one snapshot and hands each page's records to {@code page}, in order. */
    private void read(DataSource db, ExportQuery q, Consumer<List<ExportRecord>> page, AtomicLong captures) {
        ExportFilters filters = ExportFilters.of(q);
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

    /** The ids of the selected versions in id order, {@link #PAGE} at a time, through a server-side cursor. */
    private static void selectIds(Connection connection, ExportFilters filters, Consumer<List<UUID>> page)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select v.id from version v join article a"
                + " on a.id = v.article_id where " + filters.versions() + " order by v.id")) {
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
    private static String pageSql(ExportFilters filters) {
        return "select v.id, v.article_id, v.version_number, v.content_sha256, v.headline,"
                + " array_to_string(array(select jsonb_array_elements_text(v.paragraphs)), E'\\n\\n') as text,"
                + " a.source, a.url, a.canonical_url, v.valid_from, v.valid_to,"
                + " k.ids, k.times, k.digests, k.normalisers, k.templates"
                + " from version v join article a on a.id = v.article_id"
                + " cross join lateral (select array_agg(c.id) ids, array_agg(c.captured_at) times,"
                + " array_agg(c.raw_sha256) digests, array_agg(c.normaliser_version) normalisers,"
                + " array_agg(c.template_version) templates from (select c.id, c.captured_at, c.raw_sha256,"
                + " c.normaliser_version, c.template_version from capture c where c.version_id = v.id" + filters.captures()
                + " order by c.captured_at, c.raw_sha256) c) k"
                + " where v.id = any(?) and " + filters.versions() + " and k.ids is not null";
    }

    /** The page's versions with their captures (through {@link #pageSql}), as records in the page's order. */
    private static List<ExportRecord> readPage(PreparedStatement statement, ExportQuery q, ExportFilters filters,
            List<UUID> ids, AtomicLong captureCount) {
        Map<UUID, List<ExportRecord>> byVersion = new HashMap<>();
        try {
            int next = filters.bindCaptures(statement, 1);
            statement.setArray(next, statement.getConnection().createArrayOf("uuid", ids.toArray()));
            filters.bindVersions(statement, next + 1);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Instant validTo = instant(rs.getTimestamp("valid_to"));
                    if (q.asOf().isPresent() && validTo != null && validTo.isAfter(q.asOf().get())) {
                        validTo = null; // as of then, the version was still current
                    }
                    List<ExportRecord.Capture> captures = captures(rs);
                    List<ExportRecord> records = new ArrayList<>();
                    for (List<ExportRecord.Capture> part : q.unit() == ExportQuery.Unit.CAPTURE
                            ? captures.stream().map(List::of).toList() : List.of(captures)) {
                        records.add(new ExportRecord(rs.getString("article_id"), rs.getString("id"),
                                rs.getInt("version_number"), rs.getString("content_sha256"), rs.getString("headline"),
                                rs.getString("text"), rs.getString("source"), rs.getString("url"),
                                rs.getString("canonical_url"), instant(rs.getTimestamp("valid_from")), validTo, part));
                    }
                    byVersion.put(rs.getObject("id", UUID.class), records);
                    captureCount.addAndGet(captures.size());
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
        Object[] ids = (Object[]) rs.getArray("ids").getArray();
        Timestamp[] times = (Timestamp[]) rs.getArray("times").getArray();
        String[] digests = (String[]) rs.getArray("digests").getArray();
        String[] normalisers = (String[]) rs.getArray("normalisers").getArray();
        Integer[] templates = (Integer[]) rs.getArray("templates").getArray();
        List<ExportRecord.Capture> out = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            out.add(new ExportRecord.Capture(ids[i].toString(), instant(times[i]), digests[i], normalisers[i],
                    templates[i]));
        }
        return out;
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("the export query failed: " + e.getMessage(), e);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
