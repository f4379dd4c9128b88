package org.palimpsest.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.palimpsest.api.TestArchive.ADMIN;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.palimpsest.core.blob.FixityReport;
import org.palimpsest.core.json.Json;

/**
 * A background job's report is kept in PostgreSQL, as every node sees it: an audit another node is running (its row,
 * as that node writes it) is what this node answers, and holds the job; one whose node stopped updating it does not.
 */
@QuarkusTest
class BackgroundReportTest {
    static final Instant STARTED = Instant.parse("2026-01-02T03:04:05Z");

    @Inject
    EntityManager em;

    private void anotherNodesAudit(String updatedAgo) {
        String report = Json.write(new FixityReport(FixityReport.State.RUNNING, "filesystem /elsewhere", STARTED, null,
                5000, 1000, 1000, 1000, 0, 0, List.of(), null));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into background_report (job, report,"
                + " running, updated_at) values ('fixity-audit', cast(?1 as jsonb), true, now() - cast(?2 as interval))"
                + " on conflict (job) do update set report = excluded.report, running = true,"
                + " updated_at = excluded.updated_at").setParameter(1, report).setParameter(2, updatedAgo)
                .executeUpdate());
    }

    /** The other node's audit never ends here: its row goes, so that the next test's audit runs. */
    @AfterEach
    void otherNodeGone() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from background_report"
                + " where job = 'fixity-audit' and report ->> 'store' = 'filesystem /elsewhere'").executeUpdate());
    }

    @Test
    void anAuditRunningOnAnotherNodeIsAnsweredHereAndNotStartedTwice() {
        anotherNodesAudit("1 second");

        JsonPath shown = given().header("Authorization", ADMIN).get("/api/admin/fixity").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("RUNNING", shown.getString("state"));
        assertEquals(STARTED.toString(), shown.getString("startedAt"));
        assertEquals(1000, shown.getLong("capturesChecked"));

        JsonPath posted = given().header("Authorization", ADMIN).post("/api/admin/fixity").then().statusCode(202)
                .extract().jsonPath();
        assertEquals(STARTED.toString(), posted.getString("startedAt"), "the running audit, not a second one");
        assertEquals("filesystem /elsewhere", posted.getString("store"));
    }

    @Test
    void anAuditWhoseNodeStoppedUpdatingItNoLongerHoldsTheJob() {
        anotherNodesAudit("1 hour");

        JsonPath posted = given().header("Authorization", ADMIN).post("/api/admin/fixity").then().statusCode(202)
                .extract().jsonPath();
        assertEquals("RUNNING", posted.getString("state"));
        assertEquals(false, STARTED.toString().equals(posted.getString("startedAt")), "a new audit");
        JsonPath done = Eventually.await(Duration.ofSeconds(60), () -> given().header("Authorization", ADMIN)
                .get("/api/admin/fixity").then().statusCode(200).extract().jsonPath(),
                r -> !"RUNNING".equals(r.getString("state")), "the new audit to end");
        assertEquals("DONE", done.getString("state"));
        assertEquals(done.getLong("capturesTotal"), done.getLong("capturesChecked"));
    }
}
