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

    private DatabaseOutage() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE.contains(sql.getSQLState()))) {
                return true;
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
