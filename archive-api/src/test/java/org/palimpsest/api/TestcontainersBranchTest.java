package org.palimpsest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** Runs only where a Docker engine answers: the tests then ran against the pinned containers, as the API's role. */
@QuarkusTest
@EnabledIf("org.palimpsest.api.ArchiveServers#docker")
class TestcontainersBranchTest {
    @Inject
    AgroalDataSource db;
    @Inject
    ElasticsearchClient elasticsearch;

    @Test
    void theTestsRunAgainstThePinnedContainersAsTheApisOwnRole() throws Exception {
        assertEquals("testcontainers", System.getProperty(ArchiveServers.SERVERS), "a Docker engine is here, but"
                + " the containers did not start");
        try (var c = db.getConnection(); var st = c.createStatement();
                ResultSet rs = st.executeQuery("select current_setting('server_version'), current_user")) {
            rs.next();
            assertTrue(rs.getString(1).startsWith("15."), rs.getString(1));
            assertEquals(ArchiveServers.API_ROLE, rs.getString(2));
        }
        assertTrue(elasticsearch.info().version().number().startsWith("8.19."));
    }
}
