package org.palimpsest.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The servers every {@code @QuarkusTest} runs against. Where a Docker engine answers, PostgreSQL 15 and Elasticsearch
 * 8.19 from Testcontainers (pinned images; the API's own role made as {@code bin/postgres} makes it); where none
 * does, or {@code PALIMPSEST_TESTCONTAINERS=false}, the servers {@code bin/test} provisions (the test profile's
 * configuration: a fresh {@code palimpsest_test} database, Elasticsearch on 127.0.0.1:9201).
 */
@QuarkusTestResource(ArchiveServers.class)
public class ArchiveServers implements QuarkusTestResourceLifecycleManager {
    static final String POSTGRES_IMAGE = "postgres:15.10";
    static final String ELASTICSEARCH_IMAGE = "docker.elastic.co/elasticsearch/elasticsearch:8.19.7";
    static final String API_ROLE = "palimpsest_api";
    static final String API_PASSWORD = "palimpsest-api-test";

    private PostgreSQLContainer postgres;
    private ElasticsearchContainer elasticsearch;

    /** Set to {@code testcontainers} while the tests run against containers. */
    static final String SERVERS = "palimpsest.test.servers";

    /** Whether this machine has a Docker engine to ask (a socket or DOCKER_HOST), and containers are not turned off. */
    public static boolean docker() {
        return !"false".equals(System.getenv("PALIMPSEST_TESTCONTAINERS"))
                && (System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock")));
    }

    @Override
    public Map<String, String> start() {
        if (!docker() || !DockerClientFactory.instance().isDockerAvailable()) {
            return Map.of();
        }
        postgres = new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE)).withDatabaseName("palimpsest_test");
        postgres.start();
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(),
                postgres.getPassword()); Statement st = c.createStatement()) {
            st.execute("create role " + API_ROLE + " login password '" + API_PASSWORD + "'");
            String grants = Files.readString(Path.of("../tools/postgres/api-role.sql")).replace("${api}", API_ROLE)
                    .replace("${owner}", postgres.getUsername()).replace("${db}", postgres.getDatabaseName());
            for (String statement : grants.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    st.execute(statement);
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot give the test database the API's role: " + e.getMessage(), e);
        }
        elasticsearch = new ElasticsearchContainer(DockerImageName.parse(ELASTICSEARCH_IMAGE))
                .withEnv("xpack.security.enabled", "false").withEnv("discovery.type", "single-node")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        elasticsearch.start();
        System.setProperty(SERVERS, "testcontainers");
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl(),
                "quarkus.datasource.username", API_ROLE,
                "quarkus.datasource.password", API_PASSWORD,
                "quarkus.flyway.username", postgres.getUsername(),
                "quarkus.flyway.password", postgres.getPassword(),
                "quarkus.elasticsearch.hosts", elasticsearch.getHttpHostAddress());
    }

    @Override
    public void stop() {
        if (elasticsearch != null) {
            elasticsearch.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }
}
