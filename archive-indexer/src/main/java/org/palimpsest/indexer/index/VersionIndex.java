package org.palimpsest.indexer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.indices.AliasDefinition;
import co.elastic.clients.elasticsearch.indices.RolloverResponse;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import co.elastic.clients.json.JsonData;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The search index behind a small batching interface: write batches, create a fresh index, swap the alias, roll over.
 * Indexes are named {@code <alias>-vN}; searches go through the alias to every index behind it, new documents to its
 * write index (the newest), and a document already in an older index is updated or deleted there (found with a
 * real-time multi-get), so that a rollover never leaves a version in two indexes.
 */
@ApplicationScoped
public class VersionIndex {
    private static final Logger LOG = Logger.getLogger(VersionIndex.class);

    private final ElasticsearchClient client;
    private final IndexConfig config;
    private volatile String analyzer;

    public VersionIndex(ElasticsearchClient client, IndexConfig config) {
        this.client = client;
        this.config = config;
    }

    public String alias() {
        return config.alias();
    }

    /** Creates the first index and its alias if there is none. */
    public void ensureExists() {
        try {
            if (!client.indices().existsAlias(e -> e.name(config.alias())).value()) {
                String index = config.alias() + "-v1";
                if (client.indices().exists(e -> e.index(index)).value()) {
                    // Left without its alias (by a release that created the two in separate steps): re-attach it.
                    client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(index)
                            .alias(config.alias()))));
                    LOG.infof("put alias %s back on the existing search index %s", config.alias(), index);
                } else {
                    create(index, true);
                    LOG.infof("created search index %s behind alias %s (text analyzer %s)", index, config.alias(),
                            analyzer);
                }
            } else {
                // An alias made by an earlier release names no write index: a rollover would move it off the index.
                Backing backing = backing();
                if (backing.writeIndex() == null && backing.indices().size() == 1) {
                    String only = backing.indices().get(0);
                    client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(only)
                            .alias(config.alias()).isWriteIndex(true))));
                }
                // An index made by an earlier release gains the fields added since (adding fields is allowed).
                TypeMapping current = mapping(analyzer());
                client.indices().putMapping(m -> m.index(config.alias()).properties(current.properties()));
            }
        } catch (IOException | ElasticsearchException e) {
            throw new IndexingException("cannot create the search index behind alias " + config.alias() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Upserts and deletes in bulk requests to {@code target} (the alias or a new index); any failure throws. */
    public void write(String target, Collection<VersionDocument> upserts, Collection<String> deletes) {
        Map<String, String> failed = writeEach(target, upserts, deletes);
        if (!failed.isEmpty()) {
            throw new IndexingException(failed.size() + " of " + (upserts.size() + deletes.size())
                    + " documents failed in " + target + "; first: " + failed.values().iterator().next());
        }
    }

    /**
     * Upserts and deletes in bulk requests of at most {@code palimpsest.index.max-bulk-bytes} each, answering the
     * documents Elasticsearch refused (by id, with its reason; a delete of a document the index lacks is no failure).
     * Throws only when a request as a whole failed.
     */
    public Map<String, String> writeEach(String target, Collection<VersionDocument> upserts, Collection<String> deletes) {
        long limit = config.maxBulkBytes().asLongValue();
        Map<String, String> holders = target.equals(config.alias()) ? holders(upserts, deletes) : Map.of();
        Map<String, String> failed = new LinkedHashMap<>();
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        long bytes = 0;
        int count = 0;
        for (VersionDocument doc : upserts) {
            if (count > 0 && bytes + doc.estimatedBytes() > limit) {
                failed.putAll(send(target, bulk.build(), count));
                bulk = new BulkRequest.Builder();
                bytes = 0;
                count = 0;
            }
            String into = holders.getOrDefault(doc.versionId(), target);
            bulk.operations(op -> op.index(i -> i.index(into).id(doc.versionId()).document(doc)));
            bytes += doc.estimatedBytes();
            count++;
        }
        for (String id : deletes) {
            String from = holders.getOrDefault(id, target);
            bulk.operations(op -> op.delete(d -> d.index(from).id(id)));
            count++;
        }
        if (count > 0) {
            failed.putAll(send(target, bulk.build(), count));
        }
        return failed;
    }

    /** The indexes behind the alias, oldest first, and which of them takes new documents (null if none is named). */
    public record Backing(List<String> indices, String writeIndex) {
    }

    public Backing backing() {
        try {
            Map<String, IndexAliases> aliases = client.indices().getAlias(g -> g.name(config.alias())).result();
            List<String> indices = aliases.keySet().stream().sorted(Comparator.comparingInt(VersionIndex::number))
                    .toList();
            String write = aliases.entrySet().stream().filter(e -> {
                AliasDefinition alias = e.getValue().aliases().get(config.alias());
                return alias != null && Boolean.TRUE.equals(alias.isWriteIndex());
            }).map(Map.Entry::getKey).findFirst().orElse(null);
            return new Backing(indices, write);
        } catch (IOException | ElasticsearchException e) {
            throw new IndexingException("cannot read the indexes behind alias " + config.alias() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Which older index (not the write index) holds each of these documents, by id: a real-time multi-get, so a
     * document written a moment ago is found too. Empty while the alias has one index (no lookup at all).
     */
    private Map<String, String> holders(Collection<VersionDocument> upserts, Collection<String> deletes) {
        Backing backing = backing();
        List<String> older = backing.indices().stream().filter(i -> !i.equals(backing.writeIndex())).toList();
        if (older.isEmpty() || backing.writeIndex() == null || upserts.isEmpty() && deletes.isEmpty()) {
            return Map.of();
        }
        List<String> ids = new ArrayList<>(deletes);
        upserts.forEach(doc -> ids.add(doc.versionId()));
        try {
            MgetResponse<Object> found = client.mget(m -> {
                for (String index : older) {
                    for (String id : ids) {
                        m.docs(d -> d.index(index).id(id).source(s -> s.fetch(false)));
                    }
                }
                return m;
            }, Object.class);
            Map<String, String> holders = new HashMap<>();
            for (MultiGetResponseItem<Object> item : found.docs()) {
                if (item.isResult() && item.result().found()) {
                    holders.putIfAbsent(item.result().id(), item.result().index());
                }
            }
            return holders;
        } catch (IOException | ElasticsearchException e) {
            throw new IndexingException("cannot find which indexes behind " + config.alias() + " hold "
                    + ids.size() + " documents: " + e.getMessage(), e);
        }
    }

    /** What a rollover did: whether it rolled over, from which write index to which, and the indexes now behind the alias. */
    public record Rolled(boolean rolledOver, String oldIndex, String newIndex, List<String> indices) {
    }

    /**
     * Rolls the write index over to {@code <alias>-v(N+1)} when its conditions are met ({@code palimpsest.index
     * .rollover.*}), or at once when {@code now}; the index rolled away from is refreshed, so the next write finds
     * every document it holds.
     */
    public Rolled rollover(boolean now) {
        try {
            Backing backing = backing();
            String next = config.alias() + "-v" + (backing.indices().stream().mapToInt(VersionIndex::number).max()
                    .orElse(0) + 1);
            String textAnalyzer = analyzer();
            RolloverResponse response = client.indices().rollover(r -> {
                r.alias(config.alias()).newIndex(next).mappings(mapping(textAnalyzer))
                        .settings("index.number_of_shards", JsonData.of(config.shards()))
                        .settings("index.number_of_replicas", JsonData.of(config.replicas()));
                if (!now) {
                    r.conditions(c -> {
                        c.maxPrimaryShardSize(config.rollover().maxPrimaryShardSize().asLongValue() + "b");
                        config.rollover().maxAge().ifPresent(age -> c.maxAge(t -> t.time(age.toSeconds() + "s")));
                        return c;
                    });
                }
                return r;
            });
            if (response.rolledOver()) {
                client.indices().refresh(f -> f.index(response.oldIndex()));
                LOG.infof("search index rolled over from %s to %s behind alias %s", response.oldIndex(),
                        response.newIndex(), config.alias());
            }
            return new Rolled(response.rolledOver(), response.oldIndex(), response.newIndex(), backing().indices());
        } catch (IOException | ElasticsearchException e) {
            throw new IndexingException("cannot roll over the index behind alias " + config.alias() + ": "
                    + e.getMessage(), e);
        }
    }

    private static int number(String index) {
        return Integer.parseInt(index.substring(index.lastIndexOf("-v") + 2));
    }

    private Map<String, String> send(String target, BulkRequest request, int count) {
        BulkResponse response;
        try {
            response = client.bulk(request);
        } catch (IOException | RuntimeException e) {
            throw new IndexingException("bulk write of " + count + " documents to " + target + " failed: "
                    + e.getMessage(), e);
        }
        Map<String, String> failed = new LinkedHashMap<>();
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null && !(item.status() == 404 && "delete".equals(item.operationType().jsonValue()))) {
                failed.put(item.id(), item.error().reason());
            }
        }
        return failed;
    }

    /** Creates {@code <alias>-v(N+1)} and returns its name; the alias does not point to it yet. */
    public String createNext() {
        try {
            Set<String> current = client.indices().getAlias(g -> g.name(config.alias())).result().keySet();
            int next = current.stream().mapToInt(VersionIndex::number).max().orElse(0) + 1;
            String index = config.alias() + "-v" + next;
            create(index, false);
            return index;
        } catch (IOException | ElasticsearchException e) {
            throw new IndexingException("cannot create a new index for alias " + config.alias() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Points the alias at {@code index} alone (its write index) in one atomic step, however many indexes it pointed to
     * before, and deletes those.
     */
    public void swapTo(String index) {
        try {
            client.indices().refresh(r -> r.index(index));
            Set<String> old = client.indices().getAlias(g -> g.name(config.alias())).result().keySet();
            client.indices().updateAliases(u -> {
                old.forEach(o -> u.actions(a -> a.remove(r -> r.index(o).alias(config.alias()))));
                return u.actions(a -> a.add(add -> add.index(index).alias(config.alias()).isWriteIndex(true)));
            });
            for (String o : old) {
                if (!o.equals(index)) {
                    client.indices().delete(d -> d.index(o));
                }
            }
        } catch (IOException | ElasticsearchException e) {
            throw new IndexingException("cannot point alias " + config.alias() + " at " + index + ": " + e.getMessage(), e);
        }
    }

    public void refresh() {
        try {
            client.indices().refresh(r -> r.index(config.alias()));
        } catch (IOException | ElasticsearchException e) {
            throw new IndexingException("cannot refresh " + config.alias() + ": " + e.getMessage(), e);
        }
    }

    /** Creates {@code index}, with the alias in the same request when {@code aliased} (never one without the other). */
    private void create(String index, boolean aliased) throws IOException {
        String textAnalyzer = analyzer();
        client.indices().create(c -> (aliased ? c.aliases(config.alias(), a -> a.isWriteIndex(true)) : c).index(index)
                .settings(s -> s.numberOfShards(String.valueOf(config.shards()))
                        .numberOfReplicas(String.valueOf(config.replicas())))
                .mappings(mapping(textAnalyzer)));
    }

    public static TypeMapping mapping(String textAnalyzer) {
        return TypeMapping.of(m -> m.dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.Strict)
                .properties("versionId", p -> p.keyword(k -> k))
                .properties("articleId", p -> p.keyword(k -> k))
                .properties("source", p -> p.keyword(k -> k))
                .properties("url", p -> p.keyword(k -> k.ignoreAbove(2048)))
                .properties("canonicalUrl", p -> p.keyword(k -> k.ignoreAbove(2048)))
                .properties("headline", p -> p.text(t -> t.analyzer(textAnalyzer)))
                .properties("body", p -> p.text(t -> t.analyzer(textAnalyzer)))
                .properties("contentSha256", p -> p.keyword(k -> k))
                .properties("versionNumber", p -> p.integer(i -> i))
                .properties("validFrom", p -> p.date(d -> d))
                .properties("validTo", p -> p.date(d -> d))
                .properties("validity", p -> p.dateRange(d -> d))
                .properties("current", p -> p.boolean_(b -> b))
                .properties("captureCount", p -> p.integer(i -> i))
                .properties("firstCapturedAt", p -> p.date(d -> d))
                .properties("lastCapturedAt", p -> p.date(d -> d))
                .properties("changeKinds", p -> p.keyword(k -> k))
                .properties("stealth", p -> p.boolean_(b -> b)));
    }

    /** {@code english} where the server has it (the analysis-common module), else {@code standard}. */
    String analyzer() throws IOException {
        if (analyzer == null) {
            try {
                client.indices().analyze(a -> a.analyzer("english").text("archives"));
                analyzer = "english";
            } catch (ElasticsearchException e) {
                analyzer = "standard";
            }
        }
        return analyzer;
    }
}
