package org.palimpsest.core.replica;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.palimpsest.core.store.CaptureEntity;

/**
 * Where the readers read from: the replica for a request the HTTP layer marked as a read ({@link ReadRoute#allow()}),
 * outside any transaction, while the replica is within its lag bound ({@link ReplicaMonitor}); the primary otherwise
 * (every write, every background job, every read when no replica is configured or it is down or behind).
 */
@ApplicationScoped
public class Reads {
    private final ReplicaMonitor monitor;
    private final ReplicaConfig config;
    private final SessionFactory sessions;
    private final AgroalDataSource primary;
    private final TransactionManager transactions;

    public Reads(ReplicaMonitor monitor, ReplicaConfig config, SessionFactory sessions, AgroalDataSource primary,
            TransactionManager transactions) {
        this.monitor = monitor;
        this.config = config;
        this.sessions = sessions;
        this.primary = primary;
        this.transactions = transactions;
    }

    /** The entity manager a reader uses: the request's read-only replica session, or the primary's as before. */
    public EntityManager em() {
        if (!toReplica()) {
            return CaptureEntity.getEntityManager();
        }
        ReadRoute route = route();
        if (route.session() == null) {
            Connection connection = null;
            try {
                connection = monitor.replica().getConnection();
                Session session = sessions.withOptions().connection(connection).readOnly(true)
                        .flushMode(FlushMode.MANUAL).openSession();
                route.open(session, connection);
            } catch (SQLException | RuntimeException e) {
                ReadRoute.closeQuietly(connection);
                // The replica went away between its last check and this read: the primary answers.
                route.decide(false);
                return CaptureEntity.getEntityManager();
            }
        }
        return route.session();
    }

    /** The datasource a streaming read (an export) takes its connection from, chosen as {@link #em()} chooses. */
    public DataSource dataSource() {
        return toReplica() ? monitor.replica() : primary;
    }

    private boolean toReplica() {
        if (!config.enabled() || !Arc.container().requestContext().isActive()) {
            return false;
        }
        ReadRoute route = route();
        if (!route.allowed() || !noTransaction()) {
            return false;
        }
        if (route.decided() == null) {
            route.decide(monitor.routeRead());
        }
        return route.decided();
    }

    private static ReadRoute route() {
        return Arc.container().instance(ReadRoute.class).get();
    }

    private boolean noTransaction() {
        try {
            return transactions.getStatus() == Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            return false;
        }
    }
}
