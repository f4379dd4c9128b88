package org.palimpsest.core.derivation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.palimpsest.core.identity.IdentityDecision;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.normalize.Normalizer;
import org.palimpsest.core.provenance.Interval;
import org.palimpsest.core.normalize.Extraction;
import org.palimpsest.core.normalize.Template;
import org.palimpsest.core.provenance.DerivationRecord;
import org.palimpsest.core.store.ArticleEntity;
import org.palimpsest.core.store.CaptureEntity;
import org.palimpsest.core.store.SourceEntity;
import org.palimpsest.core.store.VersionEntity;

/**
 * Re-derives a source from its stored captures and reconciles the result with the stored articles and versions:
 * ids stay stable where the identity key or digest does, replaced articles and versions point to their successor,
 * re-read captures record the re-derivation, and every created or changed version writes an outbox event.
 * Callers hold the source's lock, inside their transaction.
 */
@ApplicationScoped
public class SourceRederiver {
    private final SourceDerivation derivation;
    private final EntityManager em;

    public SourceRederiver(NormalizeConfig config, EntityManager em) {
        this.derivation = new SourceDerivation(config.rules(), config.similarityThreshold());
        this.em = em;
    }

    /** Takes the transaction-scoped lock that serialises every write to one source. */
    public void lock(String source) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "source:" + source)
                .getSingleResult();
    }

    public void rederive(String source) {
        Instant now = Instant.now();
        SourceEntity src = SourceEntity.findById(source);
        List<CaptureEntity> stored = CaptureEntity.list("source", source);
        Map<String, CaptureEntity> byKey = new HashMap<>();
        List<SourceCapture> inputs = new ArrayList<>();
        for (CaptureEntity c : stored) {
            SourceCapture sc = new SourceCapture(c.id.toString(), c.capturedAt, c.rawSha256, Optional.ofNullable(c.url),
                    Optional.ofNullable(c.urlKey), Json.read(c.extracted, Extraction.class));
            byKey.put(sc.orderKey(), c);
            inputs.add(sc);
        }
        Derivation d = derivation.derive(inputs);
        updateTemplate(src, d.template(), now);

        Map<UUID, UUID> oldVersionOf = new HashMap<>();
        stored.stream().filter(c -> c.versionId != null).forEach(c -> oldVersionOf.put(c.id, c.versionId));
        Map<UUID, UUID> oldArticleOf = new HashMap<>();
        stored.stream().filter(c -> c.articleId != null).forEach(c -> oldArticleOf.put(c.id, c.articleId));
        Map<String, ArticleEntity> liveArticles = ArticleEntity.<ArticleEntity>list(
                        "source = ?1 and supersededBy is null", source).stream()
                .collect(Collectors.toMap(a -> a.identityKey, Function.identity()));
        List<VersionEntity> leftoverVersions = new ArrayList<>();

        for (Derivation.Article article : d.articles()) {
            ArticleEntity ae = liveArticles.remove(article.identityKey());
            boolean existed = ae != null;
            if (ae == null) {
                ae = new ArticleEntity();
                ae.id = UUID.randomUUID();
                ae.source = source;
                ae.identityKey = article.identityKey();
            }
            describe(ae, article, byKey, now);
            Map<String, VersionEntity> versions = existed
                    ? VersionEntity.<VersionEntity>list("articleId = ?1 and supersededBy is null", ae.id).stream()
                            .collect(Collectors.toMap(v -> v.contentSha256, Function.identity()))
                    : new HashMap<>();
            Map<Integer, VersionEntity> byNumber = new HashMap<>();
            Map<String, Derivation.DerivedCapture> derivedByKey = new HashMap<>();
            article.captures().forEach(dc -> derivedByKey.put(dc.capture().orderKey(), dc));
            for (var tv : article.versions()) {
                VersionEntity ve = versions.remove(tv.digest());
                if (ve == null) {
                    ve = new VersionEntity();
                    ve.id = UUID.randomUUID();
                    ve.articleId = ae.id;
                    ve.contentSha256 = tv.digest();
                }
                var first = derivedByKey.get(tv.firstCapture()).normalized();
                String intervals = Json.write(tv.intervals().stream()
                        .map(i -> new Interval(i.from(), i.to().orElse(null))).toList());
                String paragraphs = Json.write(first.paragraphs());
                boolean changed = !ve.isPersistent() || ve.versionNumber != tv.number()
                        || !Json.sameValue(intervals, ve.intervals) || ve.captureCount != tv.captures().size()
                        || !first.headline().equals(ve.headline) || !Json.sameValue(paragraphs, ve.paragraphs);
                if (changed) {
                    ve.versionNumber = tv.number();
                    ve.headline = first.headline();
                    ve.paragraphs = paragraphs;
                    ve.validFrom = tv.validFrom();
                    ve.validTo = tv.validTo().orElse(null);
                    ve.intervals = intervals;
                    ve.captureCount = tv.captures().size();
                    ve.updatedAt = now;
                    ve.persist();
                    outbox(ve.id, "version-changed");
                }
                byNumber.put(tv.number(), ve);
            }
            leftoverVersions.addAll(versions.values());
            for (Derivation.DerivedCapture dc : article.captures()) {
                CaptureEntity ce = byKey.get(dc.capture().orderKey());
                VersionEntity ve = byNumber.get(dc.versionNumber());
                DerivationRecord record = record(src, dc, ce, ve, byKey, now);
                if (!ae.id.equals(ce.articleId) || !ve.id.equals(ce.versionId)) {
                    ce.articleId = ae.id;
                    ce.versionId = ve.id;
                }
                String json = Json.write(record);
                if (!Json.sameValue(json, ce.derivation)) {
                    ce.derivation = json;
                }
            }
        }
        supersede(liveArticles.values(), leftoverVersions, stored, oldArticleOf, oldVersionOf, now);
    }

    private void updateTemplate(SourceEntity src, Template template, Instant now) {
        String digest = template.digest();
        if (!digest.equals(src.templateDigest)) {
            src.templateVersion++;
            src.templateDigest = digest;
            src.updatedAt = now;
        }
        String json = Json.write(template);
        if (!Json.sameValue(json, src.template)) {
            src.template = json;
        }
    }

    private DerivationRecord record(SourceEntity src, Derivation.DerivedCapture dc, CaptureEntity ce, VersionEntity ve,
            Map<String, CaptureEntity> byKey, Instant now) {
        var n = dc.normalized();
        Extraction x = dc.capture().extraction();
        DerivationRecord.Identity identity;
        if (dc.identity() instanceof IdentityDecision.ByUrl u) {
            identity = new DerivationRecord.Identity("url", u.surtKey(), null, null);
        } else if (dc.identity() instanceof IdentityDecision.BySimilarity sim) {
            identity = new DerivationRecord.Identity("similarity", null, sim.score(),
                    byKey.get(sim.matchedCapture()).id.toString());
        } else {
            identity = new DerivationRecord.Identity("new", null, null, null);
        }
        List<DerivationRecord.Rederivation> history = new ArrayList<>();
        if (ce.derivation != null) {
            DerivationRecord old = Json.read(ce.derivation, DerivationRecord.class);
            history.addAll(old.rederivations());
            if (!old.contentSha256().equals(n.contentSha256()) || !ve.id.toString().equals(old.version().versionId())) {
                history.add(new DerivationRecord.Rederivation(now, src.templateVersion, old.contentSha256(),
                        n.contentSha256(), old.version().versionId(), ve.id.toString()));
            }
        }
        return new DerivationRecord(Normalizer.VERSION, src.templateVersion,
                src.templateDigest,
                new DerivationRecord.Decoding(x.charset(), x.charsetSource(), x.malformedInputs(), x.header()),
                n.headline(), n.contentSha256(), n.removed(), identity,
                new DerivationRecord.VersionDecision(dc.firstOfVersion() ? "new" : "revisit", ve.id.toString(),
                        dc.versionNumber(), n.contentSha256()),
                List.copyOf(history));
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
        ae.headline = headline;
        ae.url = url;
        ae.canonicalUrl = withUrl.map(c -> c.canonicalUrl).orElse(null);
        ae.firstCapturedAt = first;
        ae.lastCapturedAt = last;
        ae.captureCount = captures.size();
        ae.versionCount = article.versions().size();
        if (changed) {
            ae.updatedAt = now;
            ae.persist();
        }
    }

    /** Points each replaced article and version at the one that now holds most of its former captures. */
    private void supersede(Iterable<ArticleEntity> articles, List<VersionEntity> versions, List<CaptureEntity> stored,
            Map<UUID, UUID> oldArticleOf, Map<UUID, UUID> oldVersionOf, Instant now) {
        for (ArticleEntity gone : articles) {
            gone.supersededBy = successor(stored, oldArticleOf, gone.id, c -> c.articleId);
            gone.updatedAt = now;
            for (VersionEntity v : VersionEntity.<VersionEntity>list("articleId = ?1 and supersededBy is null", gone.id)) {
                versions.add(v);
            }
        }
        for (VersionEntity gone : versions) {
            gone.supersededBy = successor(stored, oldVersionOf, gone.id, c -> c.versionId);
            gone.updatedAt = now;
            outbox(gone.id, "version-superseded");
        }
    }

    private static UUID successor(List<CaptureEntity> stored, Map<UUID, UUID> oldOf, UUID gone,
            Function<CaptureEntity, UUID> now) {
        return stored.stream().filter(c -> gone.equals(oldOf.get(c.id)))
                .collect(Collectors.groupingBy(now, Collectors.counting()))
                .entrySet().stream()
                .max(Map.Entry.<UUID, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(null);
    }

    private void outbox(UUID versionId, String event) {
        em.createNativeQuery("insert into outbox (aggregate_id, event) values (?1, ?2)")
                .setParameter(1, versionId).setParameter(2, event).executeUpdate();
    }
}
