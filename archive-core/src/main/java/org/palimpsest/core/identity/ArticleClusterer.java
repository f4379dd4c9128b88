package org.palimpsest.core.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Groups a source's captures into articles. Captures with a URL are grouped by its SURT key; a capture without
 * one joins the article whose body it near-duplicates (MinHash similarity at least the threshold), else it starts
 * one. Candidates come from {@link Lsh} bands, so grouping costs O(n), not O(n^2). The result depends only on the
 * set of captures, never on their order: candidate links are taken strongest first, ties broken by key, and a link
 * never merges two articles that have different URLs.
 */
public final class ArticleClusterer {

    /**
     * A capture to group.
     *
     * @param key a unique key that orders captures the same way whatever order they arrived in
     * @param urlKey the SURT key of its canonical URL, if it has one
     * @param signature the MinHash signature of its body
     */
    public record Member(String key, Optional<String> urlKey, int[] signature) {
    }

    /** An article: its identity key, its members' keys in key order, and how each member was attached. */
    public record Cluster(String identityKey, List<String> members, Map<String, IdentityDecision> decisions) {
    }

    private final double threshold;

    public ArticleClusterer(double threshold) {
        this.threshold = threshold;
    }

    public List<Cluster> cluster(List<Member> input) {
        List<Member> members = input.stream().sorted(Comparator.comparing(Member::key)).toList();
        int n = members.size();
        int[] parent = new int[n];
        String[] url = new String[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            url[i] = members.get(i).urlKey().orElse(null);
        }
        Map<String, Integer> byUrl = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (url[i] != null) {
                Integer first = byUrl.putIfAbsent(url[i], i);
                if (first != null) {
                    parent[find(parent, i)] = find(parent, first);
                }
            }
        }
        record Link(int a, int b, double score) {
        }
        Map<Long, List<Integer>> buckets = new HashMap<>();
        for (int i = 0; i < n; i++) {
            long[] bands = Lsh.bands(members.get(i).signature());
            for (int b = 0; b < bands.length; b++) {
                buckets.computeIfAbsent(bands[b] * 31 + b, k -> new ArrayList<>()).add(i);
            }
        }
        Set<Long> seen = new HashSet<>();
        List<Link> links = new ArrayList<>();
        for (List<Integer> bucket : buckets.values()) {
            for (int x = 0; x < bucket.size(); x++) {
                for (int y = x + 1; y < bucket.size(); y++) {
                    int i = bucket.get(x);
                    int j = bucket.get(y);
                    if (url[i] != null && url[j] != null || !seen.add((long) i * n + j)) {
                        continue;
                    }
                    double s = MinHash.similarity(members.get(i).signature(), members.get(j).signature());
                    if (s >= threshold) {
                        links.add(new Link(i, j, s));
                    }
                }
            }
        }
        links.sort(Comparator.comparingDouble(Link::score).reversed()
                .thenComparingInt(Link::a).thenComparingInt(Link::b));
        double[] best = new double[n];
        int[] bestWith = new int[n];
        Arrays.fill(bestWith, -1);
        for (Link link : links) {
            int ra = find(parent, link.a());
            int rb = find(parent, link.b());
            String ua = url[ra];
            String ub = url[rb];
            if (ra != rb && ua != null && ub != null && !ua.equals(ub)) {
                continue;
            }
            for (int[] pair : new int[][] {{link.a(), link.b()}, {link.b(), link.a()}}) {
                if (bestWith[pair[0]] < 0 && url[pair[0]] == null) {
                    best[pair[0]] = link.score();
                    bestWith[pair[0]] = pair[1];
                }
            }
            if (ra != rb) {
                int root = Math.min(ra, rb);
                int other = Math.max(ra, rb);
                parent[other] = root;
                url[root] = ua != null ? ua : ub;
            }
        }
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), r -> new ArrayList<>()).add(i);
        }
        List<Cluster> clusters = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> group : groups.entrySet()) {
            String urlKey = url[group.getKey()];
            List<String> keys = new ArrayList<>();
            Map<String, IdentityDecision> decisions = new HashMap<>();
            for (int i : group.getValue()) {
                Member m = members.get(i);
                keys.add(m.key());
                boolean founder = urlKey == null && i == group.getValue().get(0);
                IdentityDecision decision = m.urlKey().<IdentityDecision>map(IdentityDecision.ByUrl::new)
                        .orElse(founder || bestWith[i] < 0 ? new IdentityDecision.New()
                                : new IdentityDecision.BySimilarity(best[i], members.get(bestWith[i]).key()));
                decisions.put(m.key(), decision);
            }
            String identityKey = urlKey != null ? IdentityKey.URL.of(urlKey) : IdentityKey.SIMILARITY.of(keys.get(0));
            clusters.add(new Cluster(identityKey, List.copyOf(keys), Map.copyOf(decisions)));
        }
        clusters.sort(Comparator.comparing(Cluster::identityKey));
        return clusters;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
