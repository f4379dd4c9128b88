package org.palimpsest.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.time.Duration;
import java.util.UUID;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.palimpsest.core.json.Json;
import org.palimpsest.indexer.index.IndexConfig;

/**
 * The real Elasticsearch that bin/test starts (127.0.0.1:9201, or {@code PALIMPSEST_TEST_ES_HOSTS}), and an index
 * configuration with an alias of its own for each test, so tests share no index.
 */
final class TestElasticsearch implements AutoCloseable {
    final RestClient rest;
    final ElasticsearchClient client;

    TestElasticsearch() {
        String[] hostPort = System.getenv().getOrDefault("PALIMPSEST_TEST_ES_HOSTS", "127.0.0.1:9201")
                .split(",")[0].split(":");
        rest = RestClient.builder(new HttpHost(hostPort[0], Integer.parseInt(hostPort[1]))).build();
        client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(Json.MAPPER)));
    }

    /** Index settings as configured by default, under a fresh alias. */
    static IndexConfig config() {
        String alias = "test-versions-" + UUID.randomUUID().toString().substring(0, 8);
        return new IndexConfig() {
            @Override
            public String alias() {
                return alias;
            }

            @Override
            public int shards() {
                return 1;
            }

            @Override
            public int replicas() {
                return 0;
            }

            @Override
            public int batchSize() {
                return 500;
            }

            @Override
            public io.quarkus.runtime.configuration.MemorySize maxBulkBytes() {
                return new io.quarkus.runtime.configuration.MemorySize(java.math.BigInteger.valueOf(10L << 20));
            }

            @Override
            public boolean consumerEnabled() {
                return false;
            }

            @Override
            public Duration pollEvery() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration minRoundInterval() {
                return Duration.ZERO;
            }

            @Override
            public int maxAttempts() {
                return 20;
            }

            @Override
            public Duration maxBackoff() {
                return Duration.ofMinutes(1);
            }

            @Override
            public Rollover rollover() {
                return new Rollover() {
                    @Override
                    public io.quarkus.runtime.configuration.MemorySize maxPrimaryShardSize() {
                        return new io.quarkus.runtime.configuration.MemorySize(java.math.BigInteger.valueOf(30L << 30));
                    }

                    @Override
                    public java.util.Optional<Duration> maxAge() {
                        return java.util.Optional.empty();
                    }

                    @Override
                    public Duration checkEvery() {
                        return Duration.ofMinutes(5);
                    }
                };
            }
        };
    }

    /** Deletes every index behind the alias. */
    void drop(String alias) throws Exception {
        client.indices().delete(d -> d.index(alias + "-v*"));
    }

    @Override
    public void close() throws Exception {
        rest.close();
    }
}
