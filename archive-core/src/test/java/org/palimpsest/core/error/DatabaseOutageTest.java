package org.palimpsest.core.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures mean "PostgreSQL is not there right now" (a 503 to send again) and which are refusals. */
class DatabaseOutageTest {

    @Test
    void aConnectionFailureOrAShutdownAnywhereInTheCausesIsAnOutage() {
        assertTrue(DatabaseOutage.causes(new IllegalStateException("placing failed",
                new SQLException("Connection refused", "08001"))));
        assertTrue(DatabaseOutage.causes(new SQLException("terminating connection due to administrator command",
                "57P01")));
    }

    @Test
    void thePoolTimingOutWhileTheDatabaseIsAwayIsAnOutage() {
        // Agroal's own words when no connection could be had in time: an SQLException without a SQLSTATE, wrapped by
        // Hibernate as "Unable to acquire JDBC Connection".
        assertTrue(DatabaseOutage.causes(new RuntimeException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void anOutageSuppressedBehindAnotherFailureIsStillOne() {
        RuntimeException closing = new IllegalStateException("transaction rolled back");
        closing.addSuppressed(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertTrue(DatabaseOutage.causes(closing));
    }

    @Test
    void aRefusalOfWhatWasAskedIsNoOutage() {
        assertFalse(DatabaseOutage.causes(new SQLException("duplicate key value", "23505")));
        assertFalse(DatabaseOutage.causes(new SQLException("no state")));
        assertFalse(DatabaseOutage.causes(new IllegalArgumentException("bad input")));
    }
}
