package org.palimpsest.core.derivation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
        SourceCaptures all = SourceCaptures.of(captures);
        Plan plan = plan(all);
        return new Derivation(plan.template(), plan.iterations(), List.copyOf(articles(all, plan, plan.articles())));
    }

    /**
     * What a derivation decides for the whole source: the template it learned, the template its captures were last
     * read with (the same lines, unless learning stopped at {@link #MAX_ITERATIONS}), and its articles' members.
     */
    public record Plan(Template template, Template readWith, int iterations, List<ArticleClusterer.Cluster> articles) {
    }

    /**
     * The source's template and articles. Each round reads every capture once and keeps of it only its signature
     * and its distinct canonical lines, one copy of each line for all the captures that hold it: what a source holds
     * in memory grows with its captures by about a kilobyte each, and with its distinct lines, not with its text.
     */
    public Plan plan(SourceCaptures captures) {
        List<String> ordered = captures.orderKeys().stream().sorted().toList();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            position.putIfAbsent(ordered.get(i), i);
        }
        Template template = Template.EMPTY;
        for (int iteration = 1; ; iteration++) {
            Template readWith = template;
            Lines lines = new Lines(ordered.size());
            List<ArticleClusterer.Member> members = new ArrayList<>(ordered.size());
            captures.read(ordered, c -> {
                NormalizedCapture n = normalizer.normalize(c.extraction(), readWith);
                lines.add(n);
                String key = ordered.get(members.size()); // read in this order: its order key, not formatted again
                members.add(new ArticleClusterer.Member(key, c.urlKey(), MinHash.signature(n.canonicalBody())));
            });
            List<ArticleClusterer.Cluster> clusters = clusterer.cluster(members);
            Template learned = learn(clusters, position, lines);
            if (learned.sameLinesAs(template) || iteration == MAX_ITERATIONS) {
                return new Plan(learned, readWith, iteration, clusters);
            }
            template = learned;
        }
    }

    /** Articles of a plan, their captures read again (all of them at once) under the template the plan read them with. */
    public List<Derivation.Article> articles(SourceCaptures captures, Plan plan, List<ArticleClusterer.Cluster> clusters) {
        List<String> keys = clusters.stream().flatMap(c -> c.members().stream()).toList();
        Map<String, SourceCapture> read = new HashMap<>();
        Map<String, NormalizedCapture> normalized = new HashMap<>();
        int[] next = {0};
        captures.read(keys, c -> {
            String key = keys.get(next[0]++); // read in this order: its order key, not formatted again
            read.put(key, c);
            normalized.put(key, normalizer.normalize(c.extraction(), plan.readWith()));
        });
        List<Derivation.Article> articles = new ArrayList<>(clusters.size());
        for (ArticleClusterer.Cluster cluster : clusters) {
            articles.add(article(cluster.identityKey(), cluster.members().stream().map(read::get).toList(), normalized,
                    key -> MinHash.signature(normalized.get(key).canonicalBody()), cluster.decisions()));
        }
        return articles;
    }

    /** Each capture's distinct canonical head and body lines, by position in time order; equal lines share a copy. */
    private static final class Lines {
        private final String[][] head;
        private final String[][] body;
        private final Map<String, String> copies = new HashMap<>();
        private int next;

        Lines(int captures) {
            head = new String[captures][];
            body = new String[captures][];
        }

        void add(NormalizedCapture n) {
            head[next] = distinct(n.headCanonical());
            body[next] = distinct(n.bodyCanonical());
            next++;
        }

        private String[] distinct(List<String> lines) {
            return new LinkedHashSet<>(lines).stream().map(l -> copies.computeIfAbsent(l, k -> k))
                    .toArray(String[]::new);
        }
    }

    /**
     * Lines above headlines seen in enough different articles, and lines inside bodies seen in enough of them — where
     * an article counts for a body line when its first capture holds it, or when the line is a site-wide insertion
     * ({@link #heldThroughout}), never when it is an edit the article gained (see {@link Template}).
     */
    private Template learn(List<ArticleClusterer.Cluster> clusters, Map<String, Integer> position, Lines lines) {
        Map<String, Integer> head = new TreeMap<>();
        Map<String, Integer> body = new TreeMap<>();
        Map<String, Integer> bornWith = new HashMap<>();
        for (ArticleClusterer.Cluster cluster : clusters) {
            Set<String> headOfArticle = new HashSet<>();
            Set<String> bodyOfArticle = new HashSet<>();
            String first = null;
            for (String key : cluster.members()) {
                int at = position.get(key);
                headOfArticle.addAll(List.of(lines.head[at]));
                bodyOfArticle.addAll(List.of(lines.body[at]));
                first = first == null || key.compareTo(first) < 0 ? key : first;
            }
            headOfArticle.forEach(line -> head.merge(line, 1, Integer::sum));
            bodyOfArticle.forEach(line -> body.merge(line, 1, Integer::sum));
            if (first != null) {
                for (String line : lines.body[position.get(first)]) {
                    bornWith.merge(line, 1, Integer::sum);
                }
            }
        }
        head.values().removeIf(count -> count < rules.headMinArticles());
        body.values().removeIf(count -> count < rules.bodyMinArticles());
        Set<String> candidates = new HashSet<>();
        for (String line : body.keySet()) {
            if (bornWith.getOrDefault(line, 0) < rules.bodyMinArticles()) {
                candidates.add(line);
            }
        }
        Set<String> held = heldThroughout(candidates, lines.body);
        Set<String> inserted = new TreeSet<>();
        for (String line : candidates) {
            if (held.contains(line)) {
                inserted.add(line);
            } else {
                body.remove(line);
            }
        }
        return new Template(new TreeMap<>(head), new TreeMap<>(body), new TreeSet<>(inserted));
    }

    /**
     * Those of {@code lines} that every capture of the source holds, in time order from the first holding the line in
     * its body to the last ({@code bodies}: each capture's distinct body lines, in time order): how a site-wide
     * insertion looks (a sign-up box on every page from one day on), where edits of single articles, each at its own
     * time, leave captures of other articles without the line in between.
     */
    static Set<String> heldThroughout(Set<String> lines, String[][] bodies) {
        Map<String, int[]> seen = new HashMap<>(); // first position, last position, captures holding it
        for (int i = 0; i < bodies.length; i++) {
            for (String line : bodies[i]) {
                if (lines.contains(line)) {
                    int[] s = seen.computeIfAbsent(line, k -> new int[] {-1, -1, 0});
                    s[0] = s[0] < 0 ? i : s[0];
                    s[1] = i;
                    s[2]++;
                }
            }
        }
        Set<String> held = new HashSet<>();
        seen.forEach((line, s) -> {
            if (s[2] == s[1] - s[0] + 1) {
                held.add(line);
            }
        });
        return held;
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
