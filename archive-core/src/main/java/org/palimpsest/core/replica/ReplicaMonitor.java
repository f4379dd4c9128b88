package org.palimpsest.core.replica;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.palimpsest.core.replica.ReplicaStatus.State;

/**
 * Watches the read replica: every {@link ReplicaConfig#checkEvery()} it reads the primary's WAL write position and
 * then the replica's replay position, and from them how far behind the replica is ({@link ReplayLag}). Reads go to the
 * replica only while the last check found it a standby within {@link ReplicaConfig#maxLag()}.
 */
@ApplicationScoped
public class ReplicaMonitor {
    private static final Logger LOG = Logger.getLogger(ReplicaMonitor.class);
    private static final int QUERY_TIMEOUT_SECONDS = 2;

    private final ReplicaConfig config;
    private final AgroalDataSource primary;
    private final InjectableInstance<AgroalDataSource> replica;
    private final ReplayLag lag = new ReplayLag();
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong fromReplica = new AtomicLong();
    private final AtomicLong fromPrimary = new AtomicLong();
    private volatile ReplicaStatus status;
    private volatile Thread thread;

    public ReplicaMonitor(ReplicaConfig config, AgroalDataSource primary,
            @DataSource("replica") InjectableInstance<AgroalDataSource> replica) {
        this.config = config;
        this.primary = primary;
        this.replica = replica;
        this.status = new ReplicaStatus(config.enabled() ? State.STARTING : State.OFF, null,
                config.maxLag().toMillis(), null, null, 0, 0);
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            thread = new Thread(this::run, "replica-monitor");
            thread.setDaemon(true);
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    /** The replica's status at the last check, with how many reads each side has answered. */
    public ReplicaStatus status() {
        return status.withReads(fromReplica.get(), fromPrimary.get());
    }

    /** Whether a read that may go to the replica goes there now; counted either way. */
    boolean routeRead() {
        boolean toReplica = status.servesReads();
        (toReplica ? fromReplica : fromPrimary).incrementAndGet();
        return toReplica;
    }

    /** The replica's datasource; only while {@link ReplicaConfig#enabled()}. */
    AgroalDataSource replica() {
        return replica.get();
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            check();
            try {
                Thread.sleep(config.checkEvery().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One check: the primary's position, then the replica's (in that order, so a caught-up replica reads as zero). */
    void check() {
        long maxLag = config.maxLag().toMillis();
        Instant at;
        try {
            at = clock.instant();
            lag.primaryAt(position(primary, "select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint"), at);
        } catch (SQLException e) {
            update(new ReplicaStatus(State.DOWN, null, maxLag, clock.instant(),
                    "the primary's WAL position could not be read: " + e.getMessage(), 0, 0));
            return;
        }
        try (Connection c = replica().getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet r = s.executeQuery("select pg_is_in_recovery(),"
                    + " pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::bigint")) {
                r.next();
                Instant now = clock.instant();
                if (!r.getBoolean(1)) {
                    update(new ReplicaStatus(State.DOWN, null, maxLag, now,
                            "the replica is not a standby (it was promoted): it no longer follows the primary", 0, 0));
                    return;
                }
                Duration behind = lag.behind(r.getLong(2), now);
                boolean within = behind.toMillis() <= maxLag;
                update(new ReplicaStatus(within ? State.STREAMING : State.LAGGING, behind.toMillis(), maxLag, now,
                        within ? null : "the replica is " + behind.toMillis() + " ms behind the primary, more than"
                                + " the " + maxLag + " ms reads allow", 0, 0));
            }
        } catch (SQLException | RuntimeException e) {
            update(new ReplicaStatus(State.DOWN, null, maxLag, clock.instant(),
                    "the replica is not reachable: " + e.getMessage(), 0, 0));
        }
    }

    private static long position(AgroalDataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private void update(ReplicaStatus next) {
        ReplicaStatus was = status;
        if (was.state() != next.state()) {
            LOG.infof("read replica: %s -> %s%s", was.state(), next.state(),
                    next.problem() == null ? "" : " (" + next.problem() + ")");
        }
        status = next;
    }
}
