package org.palimpsest.indexer.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Waits for the outbox to have work: a PostgreSQL {@code LISTEN palimpsest_outbox} on a connection of its own
 * (the outbox trigger notifies at each commit that adds events), or the poll interval, whichever comes first. When
 * the connection fails, it waits out the interval and listens again on a new one, so indexing degrades to polling and
 * never stops.
 */
final class OutboxWakeUps implements AutoCloseable {
    static final String CHANNEL = "palimpsest_outbox";
    private static final Logger LOG = Logger.getLogger(OutboxWakeUps.class);

    private final DataSource db;
    private final Duration pollEvery;
    private Connection connection;

    OutboxWakeUps(DataSource db, Duration pollEvery) {
        this.db = db;
        this.pollEvery = pollEvery;
    }

    /**
     * Returns when an event was committed since the last call, after the poll interval, or — within a second — once
     * the thread is interrupted (it waits in slices of at most a second, since a socket read is not interruptible).
     */
    void await() throws InterruptedException {
        long deadline = System.nanoTime() + pollEvery.toNanos();
        try {
            if (connection == null) {
                listen();
            }
            PGConnection listener = connection.unwrap(PGConnection.class);
            for (long left = pollEvery.toMillis(); left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                var notifications = listener.getNotifications((int) Math.min(left, 1000));
                if (notifications != null && notifications.length > 0) {
                    return;
                }
            }
        } catch (SQLException e) {
            LOG.warnf("not listening for outbox events (%s); polling every %s until it works again", e.getMessage(),
                    pollEvery);
            close();
            Thread.sleep(pollEvery.toMillis());
        }
    }

    private void listen() throws SQLException {
        connection = db.getConnection();
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("listen " + CHANNEL);
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debugf("closing the listening connection: %s", e.getMessage());
            }
            connection = null;
        }
    }
}
