package org.palimpsest.core.placement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.palimpsest.core.decode.Extraction;
import org.palimpsest.core.derivation.Derivation;
import org.palimpsest.core.derivation.SourceCapture;
import org.palimpsest.core.derivation.SourceDerivation;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.normalize.NormalizeConfig;
import org.palimpsest.core.normalize.Template;
import org.palimpsest.core.store.ArticleEntity;
import org.palimpsest.core.store.CaptureEntity;
import org.palimpsest.core.store.SourceEntity;
import org.palimpsest.core.store.Sql;
import org.palimpsest.core.store.VersionEntity;

/**
 * Places captures into articles and versions. A new capture is placed incrementally when that provably agrees
 * with deriving the whole source again ({@link IncrementalPlacement}, which also grows the template by a line when
 * the source's articles are all found by URL); otherwise — the capture would join two articles, or teach the
 * template a line in a source grouped by similarity — the whole source is re-derived from its stored captures and
 * reconciled with the stored rows. Callers hold the source's lock, inside their transaction.
 */
@ApplicationScoped
public class SourceRederiver {
    private static final Logger LOG = Logger.getLogger(SourceRederiver.class);
    private final SourceDerivation derivation;
    private final ArticleReconciler reconciler;
    private final TemplateLines templateLines;
    private final IncrementalPlacement incremental;
    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;

    public SourceRederiver(NormalizeConfig config, ArticleReconciler reconciler, TemplateLines templateLines,
            IncrementalPlacement incremental, EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.derivation = new SourceDerivation(config.rules(), config.similarityThreshold());
        this.reconciler = reconciler;
        this.templateLines = templateLines;
        this.incremental = incremental;
        this.em = em;
        this.transactions = transactions;
    }

    /**
     * Takes the transaction-scoped lock that serialises every write to one source, once per transaction (a batch
     * stores a source's captures in one).
     */
    public void lock(String source) {
        String key = "source:" + source;
        if (transactions.getResource(key) == null) {
            Sql.statement(em, "select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, key).getSingleResult();
            transactions.putResource(key, Boolean.TRUE);
        }
    }

    /**
     * Places a stored capture ({@code canonicalUrl}: its canonical URL, if any); returns whether the whole source
     * had to be re-derived.
     */
    public boolean place(String source, SourceCapture capture, String canonicalUrl) {
        if (incremental.tryPlace(source, capture, canonicalUrl)) {
            return false;
        }
        rederive(source);
        return true;
    }

    public void rederive(String source) {
        long started = System.nanoTime();
        Instant now = Instant.now();
        SourceEntity src = SourceEntity.findById(source);
        List<CaptureEntity> stored = CaptureEntity.list("source", source);
        Map<String, CaptureEntity> byKey = new HashMap<>();
        List<SourceCapture> inputs = new ArrayList<>();
        for (CaptureEntity c : stored) {
            SourceCapture sc = sourceCapture(c);
            byKey.put(sc.orderKey(), c);
            inputs.add(sc);
        }
        Derivation d = derivation.derive(inputs);
        updateTemplate(src, d.template(), now);

        Map<UUID, UUID> oldVersionOf = new HashMap<>();
        Map<UUID, UUID> oldArticleOf = new HashMap<>();
        for (CaptureEntity c : stored) {
            if (c.versionId != null) {
                oldVersionOf.put(c.id, c.versionId);
                oldArticleOf.put(c.id, c.articleId);
            }
        }
        Map<String, ArticleEntity> liveByKey = ArticleEntity.<ArticleEntity>list(
                        "source = ?1 and supersededBy is null", source).stream()
                .collect(Collectors.toMap(a -> a.identityKey, Function.identity()));
        Map<UUID, ArticleEntity> unmatched = new HashMap<>();
        liveByKey.values().forEach(a -> unmatched.put(a.id, a));
        Map<Derivation.Article, ArticleEntity> matched = new IdentityHashMap<>();
        for (Derivation.Article article : d.articles()) {
            ArticleEntity byIdentity = liveByKey.get(article.identityKey());
            if (byIdentity != null) {
                matched.put(article, byIdentity);
                unmatched.remove(byIdentity.id);
            }
        }
        for (Derivation.Article article : d.articles()) {
            if (!matched.containsKey(article)) {
                mostOverlapping(article, byKey, oldArticleOf, unmatched).ifPresent(a -> {
                    matched.put(article, a);
                    unmatched.remove(a.id);
                });
            }
        }
        List<VersionEntity> leftovers = new ArrayList<>();
        Map<UUID, Set<TemplateLines.ZoneLine>> linesByArticle = new HashMap<>();
        for (Derivation.Article article : d.articles()) {
            ArticleReconciler.Result result = reconciler.reconcile(src, matched.get(article), article, byKey, now);
            leftovers.addAll(result.leftovers());
            Set<TemplateLines.ZoneLine> lines = linesByArticle.computeIfAbsent(result.article().id, k -> new HashSet<>());
            article.captures().forEach(dc -> lines.addAll(TemplateLines.of(dc.normalized())));
        }
        reconciler.supersede(unmatched.values(), leftovers, stored, oldArticleOf, oldVersionOf, now);
        templateLines.replace(source, linesByArticle);
        LOG.infof("re-derived source %s: %d captures, %d articles, template version %d, in %d ms", source,
                stored.size(), d.articles().size(), src.templateVersion, (System.nanoTime() - started) / 1_000_000);
    }

    /** The live article, not yet matched, that held most of this derived article's captures. */
    private static Optional<ArticleEntity> mostOverlapping(Derivation.Article article, Map<String, CaptureEntity> byKey,
            Map<UUID, UUID> oldArticleOf, Map<UUID, ArticleEntity> unmatched) {
        return article.captures().stream()
                .map(dc -> oldArticleOf.get(byKey.get(dc.capture().orderKey()).id))
                .filter(id -> id != null && unmatched.containsKey(id))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream()
                .max(Map.Entry.<UUID, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> unmatched.get(e.getKey()));
    }

    /** Stores a source's template; a change of its lines is a new template version. */
    static void updateTemplate(SourceEntity src, Template template, Instant now) {
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

    /** A stored capture as derivation sees it. */
    public static SourceCapture sourceCapture(CaptureEntity c) {
        return new SourceCapture(c.id.toString(), c.capturedAt, c.rawSha256, Optional.ofNullable(c.url),
                Optional.ofNullable(c.urlKey), Json.read(c.extracted, Extraction.class));
    }
}
