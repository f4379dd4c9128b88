package org.palimpsest.core.placement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.palimpsest.core.decode.Extraction;
import org.palimpsest.core.derivation.Derivation;
import org.palimpsest.core.diff.ChangeClassifier;
import org.palimpsest.core.diff.DiffDocument;
import org.palimpsest.core.diff.Revert;
import org.palimpsest.core.diff.VersionChange;
import org.palimpsest.core.identity.MinHash;
import org.palimpsest.core.identity.Lsh;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.outbox.OutboxEvents;
import org.palimpsest.core.normalize.NormalizedCapture;
import org.palimpsest.core.provenance.DerivationRecord;
import org.palimpsest.core.provenance.Interval;
import org.palimpsest.core.store.ArticleEntity;
import org.palimpsest.core.store.CaptureEntity;
import org.palimpsest.core.store.SourceEntity;
import org.palimpsest.core.store.Sql;
import org.palimpsest.core.store.VersionEntity;
import org.palimpsest.core.version.Timeline;

/**
 * Writes one derived article to the database: the article row, its versions (stable ids by digest, an outbox
 * event for each created or changed one, LSH bands for candidate look-up), and each capture's place and
 * provenance. Versions it no longer has are returned to be superseded.
 */
@ApplicationScoped
public class ArticleReconciler {
    private static final ChangeClassifier CLASSIFIER = new ChangeClassifier();
    private final EntityManager em;
    private final OutboxEvents outbox;

    public ArticleReconciler(EntityManager em, OutboxEvents outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    /** The article row written, its versions that the derivation no longer has, and those it has. */
    public record Result(ArticleEntity article, List<VersionEntity> leftovers, List<VersionEntity> live) {
    }

    /**
     * A capture's move in a re-derivation: from the article and version it was in to the ones it is in now. What a
     * replaced article or version points at is where most of its captures went.
     */
    public record Move(UUID capture, UUID fromArticle, UUID fromVersion, UUID toArticle, UUID toVersion) {
    }

    /**
     * Writes {@code article} over {@code existing} (null: a new article). {@code byKey} holds the entities of the
     * article's captures by order key; {@code idOfKey} gives the id of any capture of the source by its order key.
     */
    public Result reconcile(SourceEntity src, ArticleEntity existing, Derivation.Article article,
            Map<String, CaptureEntity> byKey, Function<String, UUID> idOfKey, Instant now) {
        ArticleEntity ae = existing;
        if (ae == null) {
            ae = new ArticleEntity();
            ae.id = UUID.randomUUID();
            ae.source = src.key;
        }
        ae.identityKey = article.identityKey();
        describe(ae, article, byKey, now);
        Map<String, VersionEntity> versions = existing == null ? new HashMap<>() : liveVersions(ae.id);
        Map<String, Derivation.DerivedCapture> derivedByKey = new HashMap<>();
        article.captures().forEach(dc -> derivedByKey.put(dc.capture().orderKey(), dc));
        Map<Integer, VersionEntity> byNumber = new HashMap<>();
        Map<Integer, String> dateModified = new HashMap<>();
        for (var tv : article.versions()) {
            VersionEntity ve = versions.remove(tv.digest());
            Derivation.DerivedCapture first = derivedByKey.get(tv.firstCapture());
            dateModified.put(tv.number(), dateModified(first.capture().extraction()));
            if (ve == null) {
                ve = VersionEntity.of(ae.id, tv.digest());
            }
            apply(src.key, ve, tv, first.normalized(), first::signature, now);
            byNumber.put(tv.number(), ve);
        }
        describeChanges(byNumber, dateModified);
        for (Derivation.DerivedCapture dc : article.captures()) {
            CaptureEntity ce = byKey.get(dc.capture().orderKey());
            VersionEntity ve = byNumber.get(dc.versionNumber());
            String json = Json.write(record(src, dc, ce, ve, idOfKey, now));
            if (!Json.sameValue(json, ce.derivation)) {
                ce.derivation = json;
            }
            if (!ae.id.equals(ce.articleId) || !ve.id.equals(ce.versionId)) {
                ce.articleId = ae.id;
                ce.versionId = ve.id;
            }
        }
        return new Result(ae, new ArrayList<>(versions.values()), List.copyOf(byNumber.values()));
    }

    /**
     * An article's live versions by digest. Read without flushing the session first: an article's versions are
     * written only while that article is reconciled, after this read, and a whole-source re-derivation holds every
     * capture of the source in the session, which an automatic flush would dirty-check once per article.
     */
    Map<String, VersionEntity> liveVersions(UUID article) {
        return liveVersions(List.of(article)).get(article);
    }

    /** Each article's live versions by digest (an article without any: an empty map), read as above. */
    Map<UUID, Map<String, VersionEntity>> liveVersions(Collection<UUID> articles) {
        Map<UUID, Map<String, VersionEntity>> versions = new HashMap<>();
        articles.forEach(a -> versions.put(a, new HashMap<>()));
        if (!articles.isEmpty()) {
            Sql.entities(em, "select * from version where article_id = any(cast(?1 as uuid[]))"
                            + " and superseded_by is null", VersionEntity.class)
                    .setParameter(1, Sql.array(articles)).setFlushMode(FlushModeType.COMMIT).getResultList()
                    .forEach(v -> versions.get(v.articleId).put(v.contentSha256, v));
        }
        return versions;
    }

    /**
     * Brings a version row to its place on the timeline, with an outbox event if that changed it, and files its LSH
     * bands if it has none. {@code first} is the normalised text of its first capture, or null when that capture is
     * known to be unchanged (so are headline and paragraphs); {@code signature} is asked for only to file bands. A new
     * version is persisted by {@link #describeChanges}, which follows, once it has all its columns.
     */
    void apply(String source, VersionEntity ve, Timeline.Version tv, NormalizedCapture first,
            Supplier<int[]> signature, Instant now) {
        String intervals = Json.write(tv.intervals().stream()
                .map(i -> new Interval(i.from(), i.to().orElse(null))).toList());
        String paragraphs = first == null ? ve.paragraphs : Json.write(first.paragraphs());
        boolean created = !ve.isPersistent();
        boolean newParagraphs = first != null && !Json.sameValue(paragraphs, ve.paragraphs);
        boolean changed = created || ve.versionNumber != tv.number() || !Json.sameValue(intervals, ve.intervals)
                || ve.captureCount != tv.captures().size()
                || newParagraphs || first != null && !first.headline().equals(ve.headline);
        if (changed) {
            ve.versionNumber = tv.number();
            if (first != null) {
                ve.headline = first.headline();
                ve.paragraphs = paragraphs;
            }
            ve.validFrom = tv.validFrom();
            ve.validTo = tv.validTo().orElse(null);
            ve.intervals = intervals;
            ve.captureCount = tv.captures().size();
            ve.updatedAt = now;
        }
        if (ve.signature == null) {
            int[] s = signature.get();
            ve.signature = MinHash.toBytes(s);
            if (!created) {
                writeInsertOnlyColumn(ve, "signature = ?1", ve.signature);
            }
            bands(source, ve.id, s);
        }
        if (newParagraphs && !created) {
            writeInsertOnlyColumn(ve, "paragraphs = cast(?1 as jsonb)", paragraphs);
        }
        if (changed) {
            outbox.add(ve.id, "version-changed");
        }
    }

    /**
     * Writes a column Hibernate writes only with the row's insert ({@link VersionEntity}'s paragraphs and signature)
     * of a version already persisted: after the session is flushed, so that the row is there even when it was
     * persisted in this transaction. Rare: a version's paragraphs change only when a capture with the same canonical
     * text but other characters becomes its first, and only versions filed before signatures existed lack one.
     */
    private void writeInsertOnlyColumn(VersionEntity ve, String assignment, Object value) {
        em.flush();
        Sql.statement(em, "update version set " + assignment + " where id = ?2").setParameter(1, value)
                .setParameter(2, ve.id).executeUpdate();
    }

    /** The {@code dateModified} a captured page gives, or null. */
    static String dateModified(Extraction extraction) {
        var page = extraction == null ? null : extraction.page();
        return page == null || page.dateModified() == null ? null : page.dateModified().value();
    }

    /**
     * Gives each version of an article ({@code byNumber}: all of them, by number) how it differs from the one
     * before it: classified anew only when the version before it is another one than last time (a version's content
     * is fixed by its digest, so the pair of ids decides the change), with each version's page {@code dateModified}
     * ({@code dateModified}, by number) beside it; and each return to it after another version (A → B → A) how it
     * differs from the version it went back from. Then persists the versions new to the database.
     */
    void describeChanges(Map<Integer, VersionEntity> byNumber, Map<Integer, String> dateModified) {
        Map<Instant, VersionEntity> endingAt = new HashMap<>();
        for (VersionEntity ve : byNumber.values()) {
            Json.readIntervals(ve.intervals).stream().filter(i -> i.to() != null)
                    .forEach(i -> endingAt.put(i.to(), ve));
        }
        for (Map.Entry<Integer, VersionEntity> e : byNumber.entrySet()) {
            VersionEntity ve = e.getValue();
            VersionEntity previous = byNumber.get(e.getKey() - 1);
            String change = ve.change;
            if (previous == null) {
                change = null;
            } else if (change == null || !previous.id.toString().equals(
                    Json.read(change, VersionChange.class).previousVersionId())) {
                change = Json.write(CLASSIFIER.classify(document(previous), document(ve), previous.id.toString())
                        .withDatesModified(dateModified.get(e.getKey() - 1), dateModified.get(e.getKey())));
            }
            String reverts = reverts(ve, endingAt);
            if (!Objects.equals(change, ve.change) || !Json.sameValue(reverts, ve.reverts)) {
                ve.change = change;
                ve.reverts = reverts;
                outbox.add(ve.id, "version-changed"); // the index holds a version's change kinds
            }
        }
        for (VersionEntity ve : byNumber.values()) {
            if (!ve.isPersistent()) {
                ve.persist(); // new, persisted whole: Hibernate inserts the state an entity has when persisted
            }
        }
    }

    /**
     * The version's returns as JSON, or null: each interval after its first begins where another version's ended,
     * the version the article went back from. A return already classified against the same version is kept as is.
     */
    private static String reverts(VersionEntity ve, Map<Instant, VersionEntity> endingAt) {
        List<Interval> intervals = Json.readIntervals(ve.intervals);
        if (intervals.size() < 2) {
            return null;
        }
        Map<Instant, Revert> stored = new HashMap<>();
        if (ve.reverts != null) {
            for (Revert r : Json.read(ve.reverts, Revert[].class)) {
                stored.put(r.at(), r);
            }
        }
        List<Revert> reverts = new ArrayList<>();
        for (Interval i : intervals.subList(1, intervals.size())) {
            VersionEntity from = endingAt.get(i.from());
            if (from == null) {
                continue; // not where another version ended: cannot happen on a timeline, nothing to classify
            }
            Revert known = stored.get(i.from());
            reverts.add(known != null && from.id.toString().equals(known.change().previousVersionId()) ? known
                    : new Revert(i.from(), CLASSIFIER.classify(document(from), document(ve), from.id.toString())));
        }
        return reverts.isEmpty() ? null : Json.write(reverts);
    }

    private static DiffDocument document(VersionEntity v) {
        return new DiffDocument(v.headline, Json.readStrings(v.paragraphs));
    }

    /** Points replaced articles and versions at the ones that now hold most of their former captures. */
    public void supersede(Collection<ArticleEntity> articles, List<VersionEntity> versions, Collection<Move> moves,
            Instant now) {
        List<VersionEntity> gone = new ArrayList<>(versions);
        for (ArticleEntity article : articles) {
            article.supersededBy = successor(moves, article.id, Move::fromArticle, Move::toArticle);
            article.updatedAt = now;
            gone.addAll(VersionEntity.list("articleId = ?1 and supersededBy is null", article.id));
        }
        for (VersionEntity version : gone) {
            version.supersededBy = successor(moves, version.id, Move::fromVersion, Move::toVersion);
            version.updatedAt = now;
            Sql.statement(em, "delete from lsh_band where version_id = ?1").setParameter(1, version.id)
                    .executeUpdate();
            outbox.add(version.id, "version-superseded");
        }
    }

    private void bands(String source, UUID versionId, int[] signature) {
        Sql.insertAll(em, "lsh_band", "source text, band_key bigint, version_id uuid",
                Lsh.bandKeys(signature).stream().map(key -> new Object[] {source, key, versionId}).toList());
    }

    private DerivationRecord record(SourceEntity src, Derivation.DerivedCapture dc, CaptureEntity ce, VersionEntity ve,
            Function<String, UUID> idOfKey, Instant now) {
        var n = dc.normalized();
        List<DerivationRecord.Rederivation> history = new ArrayList<>();
        if (ce.derivation != null) {
            DerivationRecord old = Json.read(ce.derivation, DerivationRecord.class);
            history.addAll(old.rederivations());
            if (!old.contentSha256().equals(n.contentSha256()) || !ve.id.toString().equals(old.version().versionId())) {
                history.add(new DerivationRecord.Rederivation(now, src.templateVersion, old.contentSha256(),
                        n.contentSha256(), old.version().versionId(), ve.id.toString()));
            }
        }
        return CaptureProvenance.record(src, dc, ve.id,
                CaptureProvenance.identity(dc.identity(), idOfKey), history);
    }

    private void describe(ArticleEntity ae, Derivation.Article article, Map<String, CaptureEntity> byKey, Instant now) {
        var captures = article.captures();
        var latest = captures.get(captures.size() - 1);
        Optional<CaptureEntity> withUrl = captures.stream().map(dc -> byKey.get(dc.capture().orderKey()))
                .filter(c -> c.url != null).reduce((a, b) -> b);
        String headline = latest.normalized().headline();
        String url = withUrl.map(c -> c.url).orElse(null);
        Instant first = captures.get(0).capture().capturedAt();
        Instant last = latest.capture().capturedAt();
        boolean changed = !ae.isPersistent() || !headline.equals(ae.headline) || !first.equals(ae.firstCapturedAt)
                || !last.equals(ae.lastCapturedAt) || ae.captureCount != captures.size()
                || ae.versionCount != article.versions().size() || !Objects.equals(url, ae.url);
        if (changed) {
            ae.headline = headline;
            ae.url = url;
            ae.canonicalUrl = withUrl.map(c -> c.canonicalUrl).orElse(null);
            ae.firstCapturedAt = first;
            ae.lastCapturedAt = last;
            ae.captureCount = captures.size();
            ae.versionCount = article.versions().size();
            ae.updatedAt = now;
            ae.persist();
        }
    }

    private static UUID successor(Collection<Move> moves, UUID gone, Function<Move, UUID> from,
            Function<Move, UUID> to) {
        return moves.stream().filter(m -> gone.equals(from.apply(m)))
                .collect(Collectors.groupingBy(to, Collectors.counting()))
                .entrySet().stream()
                .max(Map.Entry.<UUID, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(null);
    }
}
