package org.palimpsest.core.placement;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.palimpsest.core.decode.Extraction;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.placement.TemplateLines.ArticleLines;
import org.palimpsest.core.placement.TemplateLines.ZoneLine;
import org.palimpsest.core.provenance.DerivationRecord;
import org.palimpsest.core.store.Sql;

/**
 * The capture rows of one group of one source's captures, each written once: a capture appended to its article
 * before its row is written is written with its placement (article, version, provenance) instead of being written
 * bare and updated after. A row is written when placing needs it in the database — before a placement that reads the
 * source's captures (re-assembly, template growth, a re-derivation: {@link #writeAll}), before an append reads an
 * article's captures ({@link #writePlaced}) — and at the latest when the group ends. Rows are written in the group's
 * order, set-wise ({@link Sql#insertAllReturningIds}).
 */
public final class CaptureRows {
    /** The columns of a capture as stored before placement, in the order {@link #add} takes their values. */
    private static final String CAPTURE_COLUMNS = """
            id uuid, source text, url text, canonical_url text, url_key text, captured_at timestamptz,
            captured_at_origin text, ingested_at timestamptz, raw_sha256 text, raw_size bigint, content_type text,
            origin jsonb, extracted jsonb, payload_sha1 text""";
    private static final String COLUMNS = CAPTURE_COLUMNS + ", article_id uuid, version_id uuid, derivation jsonb";

    private final EntityManager em;
    private final Map<UUID, Row> unwritten = new LinkedHashMap<>();
    /** Template lines new to articles, not written yet, by source and article. */
    private final Map<String, Map<UUID, ArticleLines>> unwrittenLines = new LinkedHashMap<>();

    private static final class Row {
        final Object[] values;
        final Extraction extraction;
        UUID article;
        UUID version;
        DerivationRecord record;

        Row(Object[] values, Extraction extraction) {
            this.values = values;
            this.extraction = extraction;
        }

        boolean placed() {
            return record != null;
        }
    }

    public CaptureRows(EntityManager em) {
        this.em = em;
    }

    /** A capture to write: its id and the values of {@link #CAPTURE_COLUMNS}; {@code extraction} as in them. */
    public void add(UUID id, Object[] values, Extraction extraction) {
        unwritten.put(id, new Row(values, extraction));
    }

    /**
     * Writes every row not written yet, placed or not, and the session's pending changes (the articles, versions and
     * template counts of the group's appends so far): what follows may read anything of the source back.
     */
    public void writeAll() {
        write(new ArrayList<>(unwritten.keySet()));
        writeLines();
        em.flush();
    }

    /**
     * Writes the rows already placed and the template lines added so far (an article's captures, or the source's line
     * counts, are about to be read), leaving the other captures for later.
     */
    public void writePlaced() {
        write(unwritten.entrySet().stream().filter(e -> e.getValue().placed()).map(Map.Entry::getKey).toList());
        writeLines();
    }

    /**
     * Lines new to an article, kept to be written with the group's rows ({@code bornWith}: the article is new, born
     * with them). A later append of the group that does not read the rows back counts them from what it read ahead
     * ({@link GroupReads#linesAdded}); one that does writes them first ({@link #writeLines}).
     */
    void linesAdded(String source, UUID article, Set<ZoneLine> lines, boolean bornWith) {
        if (!lines.isEmpty()) {
            unwrittenLines.computeIfAbsent(source, k -> new LinkedHashMap<>())
                    .computeIfAbsent(article, k -> ArticleLines.empty()).add(lines, bornWith);
        }
    }

    /** Writes the template lines added so far, one statement a source: what follows reads the source's lines. */
    void writeLines() {
        unwrittenLines.forEach((source, lines) -> TemplateLines.insert(em, source, lines));
        unwrittenLines.clear();
    }

    /**
     * Writes the rows already placed and the capture's own (its article is about to be re-assembled from its captures,
     * this one among them), leaving the others for later.
     */
    void writeFor(UUID capture) {
        write(unwritten.entrySet().stream().filter(e -> e.getValue().placed() || e.getKey().equals(capture))
                .map(Map.Entry::getKey).toList());
        writeLines();
    }

    /** The capture's stored extraction when its row is not written yet, else null (read it from the database). */
    Extraction unwrittenExtraction(UUID capture) {
        Row row = unwritten.get(capture);
        return row == null ? null : row.extraction;
    }

    /**
     * Places a capture: kept with its row when that is not written yet, else written to the row. The written form
     * is the same either way.
     */
    void placed(UUID capture, UUID article, UUID version, DerivationRecord record) {
        Row row = unwritten.get(capture);
        if (row != null) {
            row.article = article;
            row.version = version;
            row.record = record;
            return;
        }
        Sql.statement(em, "update capture set article_id = ?1, version_id = ?2, derivation = cast(?3 as jsonb)"
                        + " where id = ?4")
                .setParameter(1, article).setParameter(2, version).setParameter(3, Json.write(record))
                .setParameter(4, capture).executeUpdate();
    }

    /**
     * Brings the provenance of the article's captures to the source's current template, as a full derivation would
     * write it: the rows written (in the database) and those placed but not written yet.
     */
    void restamp(UUID article, int templateVersion, String templateDigest) {
        Sql.statement(em, "update capture set derivation = jsonb_set(jsonb_set(derivation, '{templateVersion}',"
                        + " to_jsonb(?1)), '{templateDigest}', to_jsonb(cast(?2 as text)))"
                        + " where article_id = ?3 and derivation ->> 'templateDigest' is distinct from ?2")
                .setParameter(1, templateVersion).setParameter(2, templateDigest).setParameter(3, article)
                .executeUpdate();
        for (Row row : unwritten.values()) {
            if (row.placed() && article.equals(row.article) && !templateDigest.equals(row.record.templateDigest())) {
                row.record = row.record.withTemplate(templateVersion, templateDigest);
            }
        }
    }

    private void write(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<Object[]> values = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            Row row = unwritten.get(id);
            Object[] v = Arrays.copyOf(row.values, row.values.length + 3);
            if (row.placed()) {
                v[row.values.length] = row.article;
                v[row.values.length + 1] = row.version;
                v[row.values.length + 2] = Json.write(row.record);
            }
            values.add(v);
        }
        int written = Sql.insertAllReturningIds(em, "capture", COLUMNS, values).size();
        if (written != ids.size()) {
            // The group's repeats of stored captures were answered before placing; under the source's lock nothing
            // else writes its captures. The transaction rolls back; the group is stored again one capture at a time.
            throw new IllegalStateException((ids.size() - written) + " of " + ids.size()
                    + " capture rows conflicted with rows not seen before placing them");
        }
        ids.forEach(unwritten::remove);
    }
}
