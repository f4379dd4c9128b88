package org.palimpsest.core.error;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Whether a failure means PostgreSQL could not be reached or is shutting down or starting (rather than that it
 * refused what was asked): the same request later will do.
 */
public final class DatabaseOutage {
    /** SQLSTATEs of unavailability besides class 08 (connection exception): shutdown, crash, startup, no slots. */
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300");
    public static final int RETRY_AFTER_SECONDS = 5;
    /** How Agroal's pool says it could not hand out a connection in time (its acquisition timeout). */
    private static final String POOL_TIMED_OUT = "Sorry, acquisition timeout";

    private DatabaseOutage() {
    }

    /**
     * Whether the failure, one of its causes or one suppressed along the way says the database was unavailable — also
     * when the connection pool (Agroal) gave up waiting for a connection, which it says without a SQLSTATE.
     */
    public static boolean causes(Throwable failure) {
        return causes(failure, 0);
    }

    private static boolean causes(Throwable failure, int depth) {
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && (sql.getSQLState() != null
                    ? sql.getSQLState().startsWith("08") || UNAVAILABLE.contains(sql.getSQLState())
                    : String.valueOf(sql.getMessage()).startsWith(POOL_TIMED_OUT))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (causes(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The refusal a client hears: try again shortly. It cannot promise that nothing was written — a commit can reach
     * the server while its acknowledgement is lost — so it says what makes sending again safe.
     */
    public static ArchiveException refusal() {
        return ArchiveException.busy("the database is unavailable right now, so this request could not be completed:"
                + " send it again in a few seconds (a capture that was stored after all is recognised and answered 200,"
                + " never stored twice)", RETRY_AFTER_SECONDS);
    }
}
