package org.palimpsest.core.placement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.palimpsest.core.derivation.SourceCapture;
import org.palimpsest.core.identity.IdentityKey;
import org.palimpsest.core.identity.Lsh;
import org.palimpsest.core.identity.MinHash;
import org.palimpsest.core.normalize.Template;
import org.palimpsest.core.provenance.DerivationRecord.IdentityKind;
import org.palimpsest.core.provenance.DerivationRecord.VersionKind;
import org.palimpsest.core.store.ArticleEntity;
import org.palimpsest.core.store.SourceEntity;
import org.palimpsest.core.store.Sql;

/**
 * Reads, for a group of one source's captures, the articles their URLs name, those articles' captures and their
 * live versions, and with the source's template each capture's text, its LSH candidates and its lines' counts: a few
 * statements for the group, each answering what placing one capture used to ask once.
 */
@ApplicationScoped
public class GroupPrefetch {
    /**
     * The source's live versions filed under any of the keys, with the keys each is filed under. The band keys go as
     * one bigint array: bound one by one they once reached PostgreSQL as numeric, which turned "band_key in (...)"
     * into a filter over every band of the source; written as literals, every group made a statement text of its own.
     * The candidates are found first, in a materialised step, then their versions: left to choose, a planner without
     * statistics (no ANALYZE yet, as after a bulk load with autovacuum behind or off) probed the source's bands once
     * for every live version of the source, 280 ms a capture at 520 versions instead of 17 (4.6 with statistics).
     */
    private static final String CANDIDATES = "with candidates as materialized (select version_id,"
            + " string_agg(band_key::text, ',') as keys from lsh_band where source = ?"
            + " and band_key = any(cast(? as bigint[])) group by version_id)"
            + " select c.keys, v.id, v.article_id, v.signature from candidates c"
            + " join version v on v.id = c.version_id where v.superseded_by is null";
    private final ArticleReconciler reconciler;
    private final SourceTemplates templates;
    private final TemplateLines templateLines;
    private final EntityManager em;

    GroupPrefetch(ArticleReconciler reconciler, SourceTemplates templates, TemplateLines templateLines,
            EntityManager em) {
        this.reconciler = reconciler;
        this.templates = templates;
        this.templateLines = templateLines;
        this.em = em;
    }

    /** What placing {@code captures} (stored, not yet placed, all of {@code source}) will ask about their articles. */
    public GroupReads read(String source, Collection<SourceCapture> captures) {
        return read(source, captures, GroupReads.none());
    }

    /**
     * As {@link #read(String, Collection)}, again, for the captures of a group still to be placed once {@code earlier}
     * (read for the group) holds no more: the captures' texts it read under the template the source still has are
     * taken from it instead of read again.
     */
    public GroupReads read(String source, Collection<SourceCapture> captures, GroupReads earlier) {
        Set<String> keys = captures.stream().filter(c -> c.urlKey().isPresent())
                .map(c -> IdentityKey.URL.of(c.urlKey().get())).collect(Collectors.toSet());
        Map<String, ArticleEntity> articleByKey = new HashMap<>();
        keys.forEach(k -> articleByKey.put(k, null));
        if (!keys.isEmpty()) {
            Sql.entities(em, "select * from article where source = ?1 and identity_key = any(cast(?2 as text[]))"
                            + " and superseded_by is null", ArticleEntity.class)
                    .setParameter(1, source).setParameter(2, Sql.array(keys)).getResultList()
                    .forEach(a -> articleByKey.put(a.identityKey, a));
        }
        List<UUID> ids = articleByKey.values().stream().filter(a -> a != null).map(a -> a.id).toList();
        GroupReads reads = new GroupReads(articleByKey, members(ids), reconciler.liveVersions(ids));
        SourceEntity src = SourceEntity.findById(source);
        if (src != null && src.templateDigest != null) {
            Template template = templates.of(src);
            if (template.insertedLines().isEmpty()) { // else placement re-derives the source, reading nothing ahead
                readTexts(reads, src, template, captures, ids, earlier);
            }
        }
        return reads;
    }

    /**
     * Reads ahead what placing each capture asks of its text: its LSH candidates and its lines' counts, in three
     * statements for the group instead of two or three a capture.
     */
    private void readTexts(GroupReads reads, SourceEntity src, Template template, Collection<SourceCapture> captures,
            List<UUID> articles, GroupReads earlier) {
        Map<String, GroupReads.Text> texts = new HashMap<>();
        Set<Long> bandKeys = new LinkedHashSet<>();
        Set<String> lineKeys = new HashSet<>();
        for (SourceCapture c : captures) {
            GroupReads.Text text = earlier.textRead(c.id(), src.templateDigest);
            if (text == null) {
                text = GroupReads.Text.of(templates.normalize(c, template));
            }
            texts.put(c.id(), text);
            bandKeys.addAll(Lsh.bandKeys(text.signature()));
            text.lines().forEach(l -> lineKeys.add(l.key()));
        }
        Map<Long, List<GroupReads.Candidate>> candidates = candidates(src.key, bandKeys);
        Map<String, TemplateLines.LineCount> counts = new HashMap<>();
        lineKeys.forEach(k -> counts.put(k, TemplateLines.LineCount.NONE));
        counts.putAll(templateLines.counts(src.key, lineKeys));
        reads.readTexts(src.templateDigest, texts, candidates, counts, templateLines.held(src.key, articles, lineKeys));
    }

    /**
     * For each band key, the source's live versions filed under it (a key with none: an empty list), each version read
     * once however many of the keys it shares.
     */
    public Map<Long, List<GroupReads.Candidate>> candidates(String source, Collection<Long> bandKeys) {
        Map<Long, List<GroupReads.Candidate>> candidates = new HashMap<>();
        bandKeys.forEach(k -> candidates.put(k, new ArrayList<>()));
        if (bandKeys.isEmpty()) {
            return candidates;
        }
        em.flush(); // versions filed by the group's earlier captures are read from the database below
        Sql.eachRowPlannedEachTime(em, CANDIDATES, List.of(source, bandKeys), row -> {
            GroupReads.Candidate candidate = new GroupReads.Candidate(row.getObject("id", UUID.class),
                    row.getObject("article_id", UUID.class), MinHash.fromBytes(row.getBytes("signature")));
            for (String key : row.getString("keys").split(",")) {
                candidates.get(Long.parseLong(key)).add(candidate);
            }
        });
        return candidates;
    }

    /**
     * Each article's captures as {@link ArticleAppend} reads them (an article without any: an empty list): their
     * provenance's few columns (V24), not the provenance itself.
     */
    Map<UUID, List<StoredMember>> members(Collection<UUID> articles) {
        Map<UUID, List<StoredMember>> members = new HashMap<>();
        articles.forEach(a -> members.put(a, new ArrayList<>()));
        if (articles.isEmpty()) {
            return members;
        }
        List<Tuple> rows = Sql.list(Sql.rows(em, """
                        select article_id, id, captured_at, raw_sha256, url, url_key is not null as has_url_key,
                            version_id, placed_digest as digest, placed_template as template_digest,
                            placed_identity as identity, placed_matched as matched_capture_id,
                            placed_version_number as version_number, placed_version_kind as version_decision
                        from capture where article_id = any(cast(:articles as uuid[]))""")
                .setParameter("articles", Sql.array(articles)));
        for (Tuple r : rows) {
            Instant capturedAt = r.get("captured_at", Instant.class);
            Number versionNumber = r.get("version_number", Number.class);
            members.get(r.get("article_id", UUID.class)).add(new StoredMember(r.get("id", UUID.class),
                    SourceCapture.orderKey(capturedAt, r.get("raw_sha256", String.class), r.get("url", String.class)),
                    capturedAt, r.get("has_url_key", Boolean.class), r.get("version_id", UUID.class),
                    r.get("digest", String.class), r.get("template_digest", String.class),
                    IdentityKind.of(r.get("identity", String.class)), r.get("matched_capture_id", String.class),
                    versionNumber == null ? 0 : versionNumber.intValue(),
                    VersionKind.of(r.get("version_decision", String.class))));
        }
        return members;
    }
}
