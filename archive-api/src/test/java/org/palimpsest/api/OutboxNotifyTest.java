package org.palimpsest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.palimpsest.api.TestArchive.bytes;
import static org.palimpsest.api.TestArchive.post;
import static org.palimpsest.api.TestArchive.samples;
import static org.palimpsest.api.TestArchive.uniqueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The indexer is woken by the commit (LISTEN/NOTIFY), not by its poll: here the poll is an hour apart. */
@QuarkusTest
@TestProfile(OutboxNotifyTest.HourlyPoll.class)
class OutboxNotifyTest {

    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("palimpsest.index.poll-every", "1h");
        }
    }

    @Test
    void aCommittedVersionIsSearchableWithoutWaitingForThePoll() {
        String source = uniqueSource("notify");
        for (int i = 0; i < 2; i++) {
            String version = post(source, bytes(samples().get(i)), "text/plain", "2025-05-11T10:0" + i + ":00Z")
                    .statusCode(201).extract().path("versionId");
            var found = Eventually.await(Duration.ofSeconds(20), () -> SearchTest.search(Map.of("source", source)),
                    r -> r.getList("hits.versionId").contains(version), "version " + version + " to be searchable");
            assertEquals(i + 1, found.getInt("total"));
        }
    }
}
