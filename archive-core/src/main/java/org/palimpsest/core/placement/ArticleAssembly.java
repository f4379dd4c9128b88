package org.palimpsest.core.placement;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.palimpsest.core.derivation.Derivation;
import org.palimpsest.core.derivation.SourceCapture;
import org.palimpsest.core.derivation.SourceDerivation;
import org.palimpsest.core.identity.IdentityDecision;
import org.palimpsest.core.identity.MinHash;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.normalize.NormalizedCapture;
import org.palimpsest.core.normalize.Template;
import org.palimpsest.core.provenance.DerivationRecord;
import org.palimpsest.core.store.ArticleEntity;
import org.palimpsest.core.store.CaptureEntity;
import org.palimpsest.core.store.SourceEntity;

/**
 * Re-assembles one article from all its stored captures under a template, with a new capture or without one, as a
 * whole-source derivation would assemble it: the same identity decisions (reusing each member's stored match where
 * it still names a member), the same timeline, the same provenance.
 */
@ApplicationScoped
class ArticleAssembly {
    private final SourceTemplates templates;
    private final ArticleReconciler reconciler;

    ArticleAssembly(SourceTemplates templates, ArticleReconciler reconciler) {
        this.templates = templates;
        this.reconciler = reconciler;
    }

    /** The article with its stored captures alone, re-read under {@code template}. */
    ArticleEntity reassemble(SourceEntity src, ArticleEntity article, Template template) {
        return assemble(src, article, null, template).article();
    }

    /**
     * Assembles the article ({@code article}: null for a new one) from its stored captures and {@code placed} (null:
     * none), and answers it with its versions.
     */
    ArticleReconciler.Result assemble(SourceEntity src, ArticleEntity article, NewCapture placed, Template template) {
        SourceCapture sc = placed == null ? null : placed.capture();
        CaptureEntity capture = sc == null ? null : CaptureEntity.findById(UUID.fromString(sc.id()));
        List<CaptureEntity> members = new ArrayList<>(article == null ? List.of()
                : CaptureEntity.<CaptureEntity>list("articleId", article.id));
        if (capture != null) {
            members.add(capture);
        }
        Map<String, CaptureEntity> byKey = new HashMap<>();
        Map<String, NormalizedCapture> normalizedByKey = new HashMap<>();
        Map<String, int[]> signatures = new HashMap<>();
        Map<String, IdentityDecision> decisions = new HashMap<>();
        Map<UUID, String> keyOfId = new HashMap<>();
        List<SourceCapture> sources = new ArrayList<>();
        for (CaptureEntity member : members) {
            SourceCapture m = member == capture ? sc : SourceTemplates.sourceCapture(member);
            NormalizedCapture n = member == capture ? placed.normalized() : templates.normalize(m, template);
            byKey.put(m.orderKey(), member);
            keyOfId.put(member.id, m.orderKey());
            normalizedByKey.put(m.orderKey(), n);
            sources.add(m);
        }
        // A member's signature is computed only if asked for: to score a similarity decision with no stored match,
        // or for a version's first capture (its LSH bands) — most members need neither.
        String captureKey = sc == null ? null : sc.orderKey();
        if (sc != null) {
            signatures.put(captureKey, placed.signature());
        }
        Function<String, int[]> signatureOf = key -> signatures.computeIfAbsent(key,
                k -> MinHash.signature(normalizedByKey.get(k).canonicalBody()));
        String smallest = sources.stream().map(SourceCapture::orderKey).min(Comparator.naturalOrder()).orElseThrow();
        Optional<String> captureUrlKey = sc == null ? Optional.empty() : sc.urlKey();
        boolean byUrl = MemberIdentity.articleByUrl(captureUrlKey, article);
        for (CaptureEntity member : members) {
            String key = keyOfId.get(member.id);
            decisions.put(key, MemberIdentity.decide(member.urlKey, byUrl, key.equals(smallest),
                    () -> member == capture ? matchOfNewCapture(placed, members, keyOfId)
                            : storedMatch(member, keyOfId, () -> new IdentityDecision.BySimilarity(
                                    MinHash.similarity(signatureOf.apply(key), placed.signature()), captureKey))));
        }
        String identityKey = MemberIdentity.identityKey(captureUrlKey, article, smallest);
        Derivation.Article derived = SourceDerivation.article(identityKey, sources, normalizedByKey, signatureOf,
                decisions);
        // Where each member was before, so a version the article no longer has points at the one now holding most
        // of its captures (without it, such a version stayed live, with no capture left).
        Map<UUID, UUID> oldVersionOf = new HashMap<>();
        members.stream().filter(m -> m.versionId != null).forEach(m -> oldVersionOf.put(m.id, m.versionId));
        ArticleReconciler.Result result = reconciler.reconcile(src, article, derived, byKey, k -> byKey.get(k).id,
                Instant.now());
        List<ArticleReconciler.Move> moves = members.stream().filter(m -> oldVersionOf.containsKey(m.id))
                .map(m -> new ArticleReconciler.Move(m.id, null, oldVersionOf.get(m.id), m.articleId, m.versionId))
                .toList();
        reconciler.supersede(List.of(), result.leftovers(), moves, Instant.now());
        return result;
    }

    /** The new capture's match: its best similar version, recorded against that version's earliest capture. */
    private static IdentityDecision matchOfNewCapture(NewCapture placed, List<CaptureEntity> members,
            Map<UUID, String> keyOfId) {
        SimilarVersion best = placed.matches().get(0);
        return new IdentityDecision.BySimilarity(best.score(),
                MemberIdentity.firstCaptureOf(best.version(), members, m -> m.versionId, m -> keyOfId.get(m.id)));
    }

    /** A stored member's recorded match, if it still names a member of the article; else {@code otherwise}. */
    private static IdentityDecision storedMatch(CaptureEntity member, Map<UUID, String> keyOfId,
            Supplier<IdentityDecision> otherwise) {
        DerivationRecord.Identity stored = Json.read(member.derivation, DerivationRecord.class).identity();
        if (stored.matchedCaptureId() != null && keyOfId.containsKey(UUID.fromString(stored.matchedCaptureId()))) {
            return new IdentityDecision.BySimilarity(stored.score(),
                    keyOfId.get(UUID.fromString(stored.matchedCaptureId())));
        }
        return otherwise.get();
    }
}
