package org.palimpsest.core.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.palimpsest.core.store.Sql;

/**
 * The outbox rows of the current transaction, written together: once when the caller's unit of work is done
 * ({@link #flush}), and in any case before the transaction commits, so a transaction that changed a version never
 * commits without its events. Nothing reads the outbox inside the transaction that writes it.
 */
@ApplicationScoped
public class OutboxEvents {
    private static final String PENDING = OutboxEvents.class.getName();

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;

    public OutboxEvents(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    /** Records that a version was created, changed or superseded, to be indexed once the transaction commits. */
    public void add(UUID versionId, String event) {
        pending().add(new Object[] {versionId, event});
    }

    /** Writes the transaction's pending events now, in one statement. */
    public void flush() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = (List<Object[]>) transactions.getResource(PENDING);
        if (rows != null && !rows.isEmpty()) {
            Sql.insertAll(em, "outbox", "aggregate_id uuid, event text", List.copyOf(rows));
            rows.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> pending() {
        List<Object[]> rows = (List<Object[]>) transactions.getResource(PENDING);
        if (rows == null) {
            rows = new ArrayList<>();
            transactions.putResource(PENDING, rows);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    flush();
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
        }
        return rows;
    }
}
