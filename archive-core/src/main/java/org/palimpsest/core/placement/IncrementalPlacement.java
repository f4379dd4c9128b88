package org.palimpsest.core.placement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.palimpsest.core.derivation.Derivation;
import org.palimpsest.core.derivation.SourceCapture;
import org.palimpsest.core.derivation.SourceDerivation;
import org.palimpsest.core.identity.IdentityDecision;
import org.palimpsest.core.identity.MinHash;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.normalize.NormalizeConfig;
import org.palimpsest.core.normalize.NormalizedCapture;
import org.palimpsest.core.normalize.Template;
import org.palimpsest.core.placement.ArticleAppend.Match;
import org.palimpsest.core.provenance.DerivationRecord;
import org.palimpsest.core.store.ArticleEntity;
import org.palimpsest.core.store.CaptureEntity;
import org.palimpsest.core.store.SourceEntity;
import org.palimpsest.core.store.Sql;

/**
 * Places one new capture without re-deriving its source, when that gives what a full derivation would.
 *
 * <p>With the stored template T, the capture is normalised and its LSH candidates are checked. The full derivation
 * of the source plus this capture would reach the same template and grouping when (1) the capture links to at most
 * one existing article — and, if it has a URL, only to that URL's article — and (2) none of its lines reaches a
 * template threshold it had not reached. Then T is still the fixed point, only the capture's article changes, and
 * that article alone is placed: appended to from a few columns of its captures when the capture is its latest
 * ({@link ArticleAppend}), else re-assembled from all of them. When (2) fails — the capture teaches the template a
 * line — and the source's articles are all found by URL, the template grows by that line and only the articles
 * holding it are re-assembled, if the counts then agree with the grown template. Otherwise this answers false and
 * the caller re-derives the source.
 */
@ApplicationScoped
public class IncrementalPlacement {
    private static final Logger LOG = Logger.getLogger(IncrementalPlacement.class);
    private final SourceDerivation derivation;
    private final NormalizeConfig config;
    private final ArticleReconciler reconciler;
    private final TemplateLines templateLines;
    private final ArticleAppend append;
    private final EntityManager em;
    private final Map<String, ParsedTemplate> templates = new ConcurrentHashMap<>();

    public IncrementalPlacement(NormalizeConfig config, ArticleReconciler reconciler, TemplateLines templateLines,
            ArticleAppend append, EntityManager em) {
        this.derivation = new SourceDerivation(config.rules(), config.similarityThreshold());
        this.config = config;
        this.reconciler = reconciler;
        this.templateLines = templateLines;
        this.append = append;
        this.em = em;
    }

    /**
     * A source's template as read from its row and as parsed, so that an unchanged template is parsed once (the
     * text is compared with the row's each time, so a template changed elsewhere is parsed again).
     */
    private record ParsedTemplate(String json, Template template) {
    }

    /**
     * Places a stored capture ({@code canonicalUrl} is its canonical URL, if it has one); answers false, having
     * written nothing, when only re-deriving the whole source gives the right answer.
     */
    public boolean tryPlace(String source, SourceCapture sc, String canonicalUrl) {
        SourceEntity src = SourceEntity.findById(source);
        if (src.templateDigest == null || !templateLines.any(source)) {
            return false; // nothing derived yet, or derived before the incremental tables existed
        }
        ParsedTemplate parsed = templates.get(source);
        if (parsed == null || !parsed.json().equals(src.template)) {
            parsed = new ParsedTemplate(src.template, Json.read(src.template, Template.class));
            templates.put(source, parsed);
        }
        Template template = parsed.template();
        NormalizedCapture normalized = derivation.normalize(sc, template);
        int[] signature = MinHash.signature(normalized.canonicalBody());

        List<Match> matches = new ArrayList<>();
        List<Long> keys = ArticleReconciler.bandKeys(signature);
        if (!keys.isEmpty()) {
            // The band keys are our own longs, written as bigint literals: bound as parameters they reached PostgreSQL
            // as numeric, which turned "band_key in (...)" into a filter over every band of the source (36k rows at 30k
            // captures). With literals the statement is planned for its keys each time: the source's bands by their
            // primary key, then each candidate version by its own.
            String literals = keys.stream().map(String::valueOf).collect(Collectors.joining(","));
            List<?> rows = Sql.statement(em, "select id, article_id, signature from version where superseded_by is null"
                    + " and id in (select version_id from lsh_band where source = :source and band_key in (" + literals
                    + "))").setParameter("source", source).getResultList();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                double score = MinHash.similarity(signature, ArticleReconciler.signature((byte[]) r[2]));
                if (score >= config.similarityThreshold()) {
                    matches.add(new Match((UUID) r[1], (UUID) r[0], score));
                }
            }
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::version));
        Set<UUID> similarArticles = new HashSet<>();
        matches.forEach(m -> similarArticles.add(m.article()));

        ArticleEntity article;
        if (sc.urlKey().isPresent()) {
            article = ArticleEntity.<ArticleEntity>find("source = ?1 and identityKey = ?2 and supersededBy is null",
                    source, "url:" + sc.urlKey().get()).firstResult();
            if (!similarArticles.isEmpty() && (article == null || !Set.of(article.id).containsAll(similarArticles))) {
                return false;
            }
        } else {
            if (similarArticles.size() > 1) {
                return false;
            }
            article = similarArticles.isEmpty() ? null : ArticleEntity.findById(similarArticles.iterator().next());
        }

        Set<TemplateLines.ZoneLine> lines = TemplateLines.of(normalized);
        TemplateLines.Counts counts = templateLines.countsWith(source, lines, article == null ? null : article.id);
        Map<String, Integer> head = new TreeMap<>(template.headLines());
        Map<String, Integer> body = new TreeMap<>(template.bodyLines());
        Set<TemplateLines.ZoneLine> learned = new LinkedHashSet<>();
        for (Map.Entry<TemplateLines.ZoneLine, Integer> e : counts.articles().entrySet()) {
            boolean isHead = e.getKey().zone() == 'H';
            Map<String, Integer> zone = isHead ? head : body;
            if (zone.containsKey(e.getKey().line())) {
                zone.put(e.getKey().line(), e.getValue());
            } else if (e.getValue() >= threshold(e.getKey().zone())) {
                learned.add(e.getKey());
            }
        }
        if (!learned.isEmpty()) {
            return growTemplate(src, article, sc, matches, template, learned);
        }

        Instant now = Instant.now();
        ArticleEntity appended = append.tryAppend(src, article,
                new ArticleAppend.Placed(sc, canonicalUrl, normalized, signature, matches), now);
        if (appended == null) {
            appended = place(src, article, sc, normalized, signature, matches, template);
        }
        templateLines.add(source, appended.id, counts.newToArticle());
        if (!head.equals(template.headLines()) || !body.equals(template.bodyLines())) {
            src.template = Json.write(new Template(new TreeMap<>(head), new TreeMap<>(body)));
            templates.remove(source); // PostgreSQL gives jsonb back in its own layout: parse what it gives next time
        }
        return true;
    }

    private int threshold(char zone) {
        return zone == 'H' ? config.headMinArticles() : config.bodyMinArticles();
    }

    /**
     * The capture makes {@code learned} lines reach a template threshold. When the source's articles are all found
     * by URL (so no grouping depends on content), the grown template changes only the articles holding a learned
     * line: those are re-assembled under it and the rest of the source is left as it is — provided the article
     * counts then agree with the grown template, i.e. no line crosses a threshold either way as lines of those
     * articles move between zones. Otherwise this answers false, having written nothing, and the caller re-derives
     * the source.
     */
    private boolean growTemplate(SourceEntity src, ArticleEntity article, SourceCapture sc, List<Match> matches,
            Template template, Set<TemplateLines.ZoneLine> learned) {
        if (sc.urlKey().isEmpty() || templateLines.hasArticlesFoundBySimilarity(src.key)) {
            return false;
        }
        Map<String, Integer> head = new TreeMap<>(template.headLines());
        Map<String, Integer> body = new TreeMap<>(template.bodyLines());
        learned.forEach(l -> (l.zone() == 'H' ? head : body).put(l.line(), threshold(l.zone())));
        Template grown = new Template(new TreeMap<>(head), new TreeMap<>(body));

        Set<UUID> affected = templateLines.articlesHolding(src.key, learned);
        if (article != null) {
            affected.add(article.id);
        }
        List<CaptureEntity> stored = affected.isEmpty() ? List.of()
                : CaptureEntity.<CaptureEntity>list("articleId in ?1", affected);
        if (stored.stream().anyMatch(c -> c.urlKey == null)) {
            return false;
        }
        UUID own = article == null ? new UUID(0, 0) : article.id; // a new article has no id yet
        NormalizedCapture normalized = derivation.normalize(sc, grown);
        Map<UUID, Set<TemplateLines.ZoneLine>> linesNow = new HashMap<>();
        linesNow.computeIfAbsent(own, k -> new HashSet<>()).addAll(TemplateLines.of(normalized));
        for (CaptureEntity c : stored) {
            linesNow.computeIfAbsent(c.articleId, k -> new HashSet<>())
                    .addAll(TemplateLines.of(derivation.normalize(SourceRederiver.sourceCapture(c), grown)));
        }
        Map<UUID, Set<String>> linesBefore = templateLines.linesOf(src.key, affected);
        Map<String, Integer> delta = new HashMap<>();
        linesNow.forEach((a, lines) -> {
            Set<String> before = linesBefore.getOrDefault(a, Set.of());
            Set<String> after = new HashSet<>();
            for (TemplateLines.ZoneLine l : lines) {
                after.add(l.key());
                if (!before.contains(l.key())) {
                    delta.merge(l.key(), 1, Integer::sum);
                }
            }
            before.stream().filter(k -> !after.contains(k)).forEach(k -> delta.merge(k, -1, Integer::sum));
        });
        learned.forEach(l -> delta.putIfAbsent(l.key(), 0));
        Map<String, Integer> countNow = templateLines.counts(src.key, delta.keySet());
        delta.forEach((key, d) -> countNow.merge(key, d, Integer::sum));
        Map<String, String> memberText = new HashMap<>();
        grown.headLines().keySet().forEach(l -> memberText.put(TemplateLines.ZoneLine.of('H', l).key(), l));
        grown.bodyLines().keySet().forEach(l -> memberText.put(TemplateLines.ZoneLine.of('B', l).key(), l));
        for (String key : delta.keySet()) {
            int count = countNow.getOrDefault(key, 0);
            boolean member = memberText.containsKey(key);
            if (member != count >= threshold(key.charAt(0))) {
                return false; // the counts would teach a template other than the grown one
            }
            if (member) {
                (key.charAt(0) == 'H' ? head : body).put(memberText.get(key), count);
            }
        }

        Instant now = Instant.now();
        SourceRederiver.updateTemplate(src, new Template(new TreeMap<>(head), new TreeMap<>(body)), now);
        templates.remove(src.key);
        Map<UUID, Set<TemplateLines.ZoneLine>> linesByArticle = new HashMap<>();
        for (UUID other : affected) {
            if (!other.equals(own)) {
                place(src, ArticleEntity.findById(other), null, null, null, List.of(), grown);
                linesByArticle.put(other, linesNow.getOrDefault(other, Set.of()));
            }
        }
        ArticleEntity placed = place(src, article, sc, normalized, MinHash.signature(normalized.canonicalBody()),
                matches, grown);
        linesByArticle.put(placed.id, linesNow.get(own));
        templateLines.replaceOf(src.key, linesByArticle);
        LOG.infof("grew the template of source %s to version %d with %d line(s), re-assembling %d article(s)",
                src.key, src.templateVersion, learned.size(), linesByArticle.size());
        return true;
    }

    /**
     * Re-assembles an article from all its captures — with the new capture {@code sc} when there is one (null: the
     * article's stored captures alone) — and answers it.
     */
    private ArticleEntity place(SourceEntity src, ArticleEntity article, SourceCapture sc, NormalizedCapture normalized,
            int[] signature, List<Match> matches, Template template) {
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
            SourceCapture m = member == capture ? sc : SourceRederiver.sourceCapture(member);
            NormalizedCapture n = member == capture ? normalized : derivation.normalize(m, template);
            byKey.put(m.orderKey(), member);
            keyOfId.put(member.id, m.orderKey());
            normalizedByKey.put(m.orderKey(), n);
            sources.add(m);
        }
        // A member's signature is computed only if asked for: to score a similarity decision with no stored match,
        // or for a version's first capture (its LSH bands) — most members need neither.
        String captureKey = sc == null ? null : sc.orderKey();
        if (sc != null) {
            signatures.put(captureKey, signature);
        }
        Function<String, int[]> signatureOf = key -> signatures.computeIfAbsent(key,
                k -> MinHash.signature(normalizedByKey.get(k).canonicalBody()));
        String smallest = sources.stream().map(SourceCapture::orderKey).min(Comparator.naturalOrder()).orElseThrow();
        boolean byUrl = capture != null && capture.urlKey != null
                || article != null && article.identityKey.startsWith("url:");
        for (CaptureEntity member : members) {
            String key = keyOfId.get(member.id);
            IdentityDecision decision;
            if (member.urlKey != null) {
                decision = new IdentityDecision.ByUrl(member.urlKey);
            } else if (!byUrl && key.equals(smallest)) {
                decision = new IdentityDecision.New();
            } else if (member == capture) {
                decision = new IdentityDecision.BySimilarity(matches.get(0).score(),
                        firstCaptureOf(matches.get(0).version(), members, keyOfId));
            } else {
                DerivationRecord.Identity stored = Json.read(member.derivation, DerivationRecord.class).identity();
                decision = stored.matchedCaptureId() != null
                        && keyOfId.containsKey(UUID.fromString(stored.matchedCaptureId()))
                        ? new IdentityDecision.BySimilarity(stored.score(),
                                keyOfId.get(UUID.fromString(stored.matchedCaptureId())))
                        : new IdentityDecision.BySimilarity(
                                MinHash.similarity(signatureOf.apply(key), signature), captureKey);
            }
            decisions.put(key, decision);
        }
        String identityKey = capture != null && capture.urlKey != null ? "url:" + capture.urlKey
                : article != null && article.identityKey.startsWith("url:") ? article.identityKey : "sim:" + smallest;
        Derivation.Article derived = SourceDerivation.article(identityKey, sources, normalizedByKey, signatureOf, decisions);
        // Where each member was before, so a version the article no longer has points at the one now holding most
        // of its captures (without it, such a version stayed live, with no capture left).
        Map<UUID, UUID> oldVersionOf = new HashMap<>();
        members.stream().filter(m -> m.versionId != null).forEach(m -> oldVersionOf.put(m.id, m.versionId));
        ArticleReconciler.Result result = reconciler.reconcile(src, article, derived, byKey, Instant.now());
        reconciler.supersede(List.of(), result.leftovers(), members, Map.of(), oldVersionOf, Instant.now());
        return result.article();
    }

    /** The earliest capture of a version among the article's members. */
    private static String firstCaptureOf(UUID version, List<CaptureEntity> members, Map<UUID, String> keyOfId) {
        return members.stream().filter(m -> version.equals(m.versionId)).map(m -> keyOfId.get(m.id))
                .min(Comparator.naturalOrder()).orElseThrow();
    }
}
