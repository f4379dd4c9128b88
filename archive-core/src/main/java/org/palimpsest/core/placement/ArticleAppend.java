package org.palimpsest.core.placement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.palimpsest.core.derivation.Derivation;
import org.palimpsest.core.decode.Extraction;
import org.palimpsest.core.derivation.SourceCapture;
import org.palimpsest.core.identity.IdentityDecision;
import org.palimpsest.core.identity.Lsh;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.placement.TemplateLines.ZoneLine;
import org.palimpsest.core.provenance.DerivationRecord;
import org.palimpsest.core.provenance.DerivationRecord.IdentityKind;
import org.palimpsest.core.provenance.DerivationRecord.VersionKind;
import org.palimpsest.core.store.ArticleEntity;
import org.palimpsest.core.store.SourceEntity;
import org.palimpsest.core.store.Sql;
import org.palimpsest.core.store.VersionEntity;
import org.palimpsest.core.version.Timeline;

/**
 * Adds a capture to the end of its article — the common case, a page captured again later — without reading the
 * article's other captures back: their stored provenance already says what a full derivation would (same template,
 * so same digests; a later capture changes neither their versions nor their numbers nor their identity decisions).
 * This checks that from a few columns of each member and answers null, having written nothing, when any of it
 * does not hold; the caller then re-assembles the article from its captures. Members read with an earlier template
 * of the source count as read with the current one when the article holds none of the lines between the two (the
 * template grew with lines of other articles): their provenance is then brought to the current template, as a full
 * derivation would write it.
 */
@ApplicationScoped
class ArticleAppend {
    private final ArticleReconciler reconciler;
    private final SourceTemplates templates;
    private final TemplateLines templateLines;
    private final GroupPrefetch prefetch;
    private final EntityManager em;

    ArticleAppend(ArticleReconciler reconciler, SourceTemplates templates, TemplateLines templateLines,
            GroupPrefetch prefetch, EntityManager em) {
        this.prefetch = prefetch;
        this.reconciler = reconciler;
        this.templates = templates;
        this.templateLines = templateLines;
        this.em = em;
    }

    /** The article the capture now belongs to, or null when it is not a plain append (nothing written then). */
    ArticleEntity tryAppend(SourceEntity src, ArticleEntity article, NewCapture placed, GroupReads reads,
            CaptureRows rows, Instant now) {
        SourceCapture capture = placed.capture();
        String key = placed.key();
        List<StoredMember> members = article == null ? List.of()
                : reads.members(article.id, id -> {
                    rows.writePlaced(); // the group's captures placed so far may be the article's
                    return prefetch.members(List.of(id)).get(id);
                });
        Map<UUID, StoredMember> byId = new HashMap<>();
        members.forEach(m -> byId.put(m.id(), m));
        boolean byUrl = MemberIdentity.articleByUrl(capture.urlKey(), article);
        String smallest = members.stream().map(StoredMember::key).min(Comparator.naturalOrder()).orElse(key);
        Set<String> earlierTemplates = new HashSet<>();
        for (StoredMember m : members) {
            IdentityKind expected = MemberIdentity.kind(m.hasUrlKey(), byUrl, m.key().equals(smallest));
            boolean storedAsDerived = m.identity() == expected && (expected != IdentityKind.SIMILARITY
                    || m.matchedCaptureId() != null && byId.containsKey(UUID.fromString(m.matchedCaptureId())));
            if (!storedAsDerived || m.key().compareTo(key) >= 0 || m.versionId() == null) {
                return null;
            }
            if (!Objects.equals(m.templateDigest(), src.templateDigest)) {
                earlierTemplates.add(m.templateDigest());
            }
        }
        for (String earlier : earlierTemplates) {
            Optional<Set<ZoneLine>> between = templates.linesBetween(src, earlier);
            rows.writeLines(); // the lines the group's appends added to the article so far
            if (between.isEmpty() || templateLines.holdsAny(src.key, article.id, between.get())) {
                return null; // the article may read otherwise under the current template
            }
        }
        List<Timeline.Entry> entries = new ArrayList<>();
        members.forEach(m -> entries.add(new Timeline.Entry(m.key(), m.capturedAt(), m.digest())));
        entries.add(new Timeline.Entry(key, capture.capturedAt(), placed.normalized().contentSha256()));
        List<Timeline.Version> timeline = Timeline.of(entries);
        Map<String, VersionEntity> stored = article == null ? new HashMap<>()
                : reads.versions(article.id, reconciler::liveVersions);
        Map<String, Timeline.Version> versionOf = new HashMap<>();
        timeline.forEach(v -> v.captures().forEach(k -> versionOf.put(k, v)));
        for (StoredMember m : members) {
            Timeline.Version v = versionOf.get(m.key());
            VersionEntity ve = stored.get(v.digest());
            VersionKind expected = v.firstCapture().equals(m.key()) ? VersionKind.NEW : VersionKind.REVISIT;
            if (ve == null || ve.signature == null || !ve.id.equals(m.versionId()) || v.number() != m.versionNumber()
                    || expected != m.versionDecision()) {
                return null;
            }
        }
        if (stored.size() != timeline.size() - (stored.containsKey(placed.normalized().contentSha256()) ? 0 : 1)) {
            return null; // a stored version the timeline no longer has
        }

        ArticleEntity ae = article;
        if (ae == null) {
            ae = new ArticleEntity();
            ae.id = UUID.randomUUID();
            ae.source = src.key;
            ae.identityKey = MemberIdentity.identityKey(capture.urlKey(), null, key);
            ae.firstCapturedAt = capture.capturedAt();
        }
        if (capture.url().isPresent()) {
            ae.url = capture.url().get();
            ae.canonicalUrl = placed.canonicalUrl();
        }
        ae.headline = placed.normalized().headline();
        ae.lastCapturedAt = capture.capturedAt();
        ae.captureCount = members.size() + 1;
        ae.versionCount = timeline.size();
        ae.updatedAt = now;
        ae.persist();

        Timeline.Version own = versionOf.get(key);
        VersionEntity ownVersion = null;
        Map<Integer, VersionEntity> byNumber = new TreeMap<>();
        for (Timeline.Version v : timeline) {
            VersionEntity ve = stored.get(v.digest());
            boolean created = ve == null;
            if (created) {
                ve = VersionEntity.of(ae.id, v.digest());
            }
            reconciler.apply(src.key, ve, v, created ? placed.normalized() : null, placed::signature, now);
            if (created) {
                reads.filed(ve.id, ae.id, placed.signature(), Lsh.bandKeys(placed.signature()));
            }
            if (v == own) {
                ownVersion = ve;
            }
            byNumber.put(v.number(), ve);
        }
        Map<Integer, String> dateModified = new HashMap<>();
        if (own.number() > 1 && own.firstCapture().equals(key)) { // a new version: its change is described now
            dateModified.put(own.number(), ArticleReconciler.dateModified(capture.extraction()));
            String previousFirst = timeline.get(own.number() - 2).firstCapture();
            members.stream().filter(m -> m.key().equals(previousFirst)).findFirst().ifPresent(m ->
                    dateModified.put(own.number() - 1, storedDateModified(m.id(), rows)));
        }
        reconciler.describeChanges(byNumber, dateModified);
        IdentityDecision decision = MemberIdentity.decide(capture.urlKey().orElse(null), byUrl, members.isEmpty(),
                () -> new IdentityDecision.BySimilarity(placed.matches().get(0).score(), MemberIdentity.firstCaptureOf(
                        placed.matches().get(0).version(), members, StoredMember::versionId, StoredMember::key)));
        Map<String, UUID> idOfKey = new HashMap<>();
        members.forEach(m -> idOfKey.put(m.key(), m.id()));
        boolean firstOfVersion = own.firstCapture().equals(key);
        var derived = new Derivation.DerivedCapture(capture, placed.normalized(), null, decision, own.number(),
                firstOfVersion);
        DerivationRecord record = CaptureProvenance.record(src, derived, ownVersion.id,
                CaptureProvenance.identity(decision, idOfKey::get), List.of());
        rows.placed(UUID.fromString(capture.id()), ae.id, ownVersion.id, record);
        List<StoredMember> after = new ArrayList<>(members);
        if (!earlierTemplates.isEmpty()) {
            rows.restamp(ae.id, src.templateVersion, src.templateDigest);
            after.replaceAll(m -> m.withTemplate(src.templateDigest));
        }
        after.add(StoredMember.of(UUID.fromString(capture.id()), key, capture.capturedAt(),
                capture.urlKey().isPresent(), ownVersion.id, record));
        Map<String, VersionEntity> live = new HashMap<>();
        byNumber.values().forEach(v -> live.put(v.contentSha256, v));
        reads.appended(ae, after, live);
        return ae;
    }

    /**
     * The {@code dateModified} a stored capture's page gives, or null: read from its stored extraction in place,
     * without loading the capture or parsing its text lines (from the extraction itself when its row is not written
     * yet). Not flushed first: extractions are never rewritten.
     */
    private String storedDateModified(UUID capture, CaptureRows rows) {
        Extraction unwritten = rows.unwrittenExtraction(capture);
        if (unwritten != null) {
            return ArticleReconciler.dateModified(unwritten);
        }
        List<?> found = em.createNativeQuery("select extracted #>> '{page,dateModified,value}' from capture"
                + " where id = ?1").setParameter(1, capture).setFlushMode(FlushModeType.COMMIT).getResultList();
        return found.isEmpty() ? null : (String) found.get(0);
    }
}
