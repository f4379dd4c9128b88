package org.palimpsest.core.derivation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.palimpsest.core.identity.ArticleClusterer;
import org.palimpsest.core.identity.IdentityDecision;
import org.palimpsest.core.identity.MinHash;
import org.palimpsest.core.normalize.NormalizationRules;
import org.palimpsest.core.normalize.NormalizedCapture;
import org.palimpsest.core.normalize.Normalizer;
import org.palimpsest.core.normalize.Template;
import org.palimpsest.core.version.Timeline;

/**
 * Derives a source's template, articles and versions from the set of its captures.
 *
 * <p>Template and articles depend on each other: chrome is what recurs across different articles, and articles
 * are told apart by their bodies once chrome is gone. So derivation starts from an empty template, groups the
 * captures, learns the template from the groups, and repeats until the template stops changing. Every step is a
 * function of the set of captures, so any order of ingestion gives the same result.
 */
public final class SourceDerivation {
    static final int MAX_ITERATIONS = 8;

    private final Normalizer normalizer;
    private final NormalizationRules rules;
    private final ArticleClusterer clusterer;

    public SourceDerivation(NormalizationRules rules, double similarityThreshold) {
        this.rules = rules;
        this.normalizer = new Normalizer(rules);
        this.clusterer = new ArticleClusterer(similarityThreshold);
    }

    public Derivation derive(List<SourceCapture> captures) {
        List<SourceCapture> ordered = captures.stream().sorted(Comparator.comparing(SourceCapture::orderKey)).toList();
        Template template = Template.EMPTY;
        for (int iteration = 1; ; iteration++) {
            Map<String, NormalizedCapture> normalized = new HashMap<>();
            Map<String, int[]> signatures = new HashMap<>();
            List<ArticleClusterer.Member> members = new ArrayList<>();
            for (SourceCapture c : ordered) {
                NormalizedCapture n = normalizer.normalize(c.extraction(), template);
                int[] signature = MinHash.signature(n.canonicalBody());
                normalized.put(c.orderKey(), n);
                signatures.put(c.orderKey(), signature);
                members.add(new ArticleClusterer.Member(c.orderKey(), c.urlKey(), signature));
            }
            List<ArticleClusterer.Cluster> clusters = clusterer.cluster(members);
            Template learned = learn(ordered, clusters, normalized);
            if (learned.sameLinesAs(template) || iteration == MAX_ITERATIONS) {
                return assemble(ordered, normalized, signatures, clusters, learned, iteration);
            }
            template = learned;
        }
    }

    /**
     * Lines above headlines seen in enough different articles, and lines inside bodies seen in enough of them — where
     * an article counts for a body line when its first capture holds it, or when the line is a site-wide insertion
     * ({@link #heldThroughout}), never when it is an edit the article gained (see {@link Template}).
     */
    private Template learn(List<SourceCapture> ordered, List<ArticleClusterer.Cluster> clusters,
            Map<String, NormalizedCapture> normalized) {
        Map<String, Integer> head = new TreeMap<>();
        Map<String, Integer> body = new TreeMap<>();
        Map<String, Integer> bornWith = new HashMap<>();
        for (ArticleClusterer.Cluster cluster : clusters) {
            Set<String> headOfArticle = new HashSet<>();
            Set<String> bodyOfArticle = new HashSet<>();
            String first = null;
            for (String key : cluster.members()) {
                headOfArticle.addAll(normalized.get(key).headCanonical());
                bodyOfArticle.addAll(normalized.get(key).bodyCanonical());
                first = first == null || key.compareTo(first) < 0 ? key : first;
            }
            headOfArticle.forEach(line -> head.merge(line, 1, Integer::sum));
            bodyOfArticle.forEach(line -> body.merge(line, 1, Integer::sum));
            if (first != null) {
                new HashSet<>(normalized.get(first).bodyCanonical()).forEach(line -> bornWith.merge(line, 1, Integer::sum));
            }
        }
        head.values().removeIf(count -> count < rules.headMinArticles());
        body.values().removeIf(count -> count < rules.bodyMinArticles());
        Set<String> inserted = new TreeSet<>();
        for (String line : List.copyOf(body.keySet())) {
            if (bornWith.getOrDefault(line, 0) < rules.bodyMinArticles()) {
                if (heldThroughout(line, ordered, normalized)) {
                    inserted.add(line);
                } else {
                    body.remove(line);
                }
            }
        }
        return new Template(new TreeMap<>(head), new TreeMap<>(body), new TreeSet<>(inserted));
    }

    /**
     * Whether every capture of the source, in time order from the first holding the line in its body to the last,
     * holds it: how a site-wide insertion looks (a sign-up box on every page from one day on), where edits of
     * single articles, each at its own time, leave captures of other articles without the line in between.
     */
    static boolean heldThroughout(String line, List<SourceCapture> ordered, Map<String, NormalizedCapture> normalized) {
        int first = -1;
        int last = -1;
        boolean[] holds = new boolean[ordered.size()];
        for (int i = 0; i < ordered.size(); i++) {
            holds[i] = normalized.get(ordered.get(i).orderKey()).bodyCanonical().contains(line);
            if (holds[i]) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        for (int i = first; i >= 0 && i <= last; i++) {
            if (!holds[i]) {
                return false;
            }
        }
        return true;
    }

    private Derivation assemble(List<SourceCapture> ordered, Map<String, NormalizedCapture> normalized,
            Map<String, int[]> signatures, List<ArticleClusterer.Cluster> clusters, Template template, int iterations) {
        Map<String, SourceCapture> byKey = new HashMap<>();
        ordered.forEach(c -> byKey.put(c.orderKey(), c));
        List<Derivation.Article> articles = new ArrayList<>();
        for (ArticleClusterer.Cluster cluster : clusters) {
            List<SourceCapture> members = cluster.members().stream().map(byKey::get).toList();
            articles.add(article(cluster.identityKey(), members, normalized, signatures::get, cluster.decisions()));
        }
        return new Derivation(template, iterations, List.copyOf(articles));
    }

    /** Normalises captures with a known template (for incremental derivation, which has it stored). */
    public NormalizedCapture normalize(SourceCapture capture, Template template) {
        return normalizer.normalize(capture.extraction(), template);
    }

    /**
     * An article from its members, already normalised: its timeline of versions and each capture's place on it.
     * Keys of the maps, and what {@code signatureOf} is asked for, are the members' order keys.
     */
    public static Derivation.Article article(String identityKey, List<SourceCapture> members,
            Map<String, NormalizedCapture> normalized, Function<String, int[]> signatureOf,
            Map<String, IdentityDecision> decisions) {
        List<SourceCapture> ordered = members.stream().sorted(Comparator.comparing(SourceCapture::orderKey)).toList();
        List<Timeline.Version> versions = Timeline.of(ordered.stream()
                .map(c -> new Timeline.Entry(c.orderKey(), c.capturedAt(), normalized.get(c.orderKey()).contentSha256()))
                .toList());
        Map<String, Timeline.Version> versionOf = new HashMap<>();
        versions.forEach(v -> v.captures().forEach(k -> versionOf.put(k, v)));
        List<Derivation.DerivedCapture> derived = new ArrayList<>();
        for (SourceCapture c : ordered) {
            String key = c.orderKey();
            Timeline.Version v = versionOf.get(key);
            boolean first = v.firstCapture().equals(key);
            derived.add(new Derivation.DerivedCapture(c, normalized.get(key), first ? signatureOf.apply(key) : null,
                    decisions.get(key), v.number(), first));
        }
        return new Derivation.Article(identityKey, List.copyOf(derived), versions);
    }
}
