package org.palimpsest.core.placement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.palimpsest.core.store.Sql;

/**
 * The transaction-scoped lock that serialises every write to one source: placement reads a source's template and
 * articles and writes them back, so two transactions placing captures of one source must not interleave.
 */
@ApplicationScoped
public class SourceLock {
    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;

    public SourceLock(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    /** Takes the source's lock, once per transaction (a batch stores a source's captures in one). */
    public void lock(String source) {
        String key = key(source);
        if (!held(key)) {
            Sql.statement(em, "select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, key).getSingleResult();
            transactions.putResource(key, Boolean.TRUE);
        }
    }

    /** Takes the source's lock if no other transaction holds it; answers whether this transaction holds it now. */
    public boolean tryLock(String source) {
        String key = key(source);
        if (!held(key)) {
            if (!(Boolean) Sql.statement(em, "select pg_try_advisory_xact_lock(hashtext(?1))").setParameter(1, key)
                    .getSingleResult()) {
                return false;
            }
            transactions.putResource(key, Boolean.TRUE);
        }
        return true;
    }

    private static String key(String source) {
        return "source:" + source;
    }

    /** Whether this transaction took the lock already (it is held until the transaction ends). */
    private boolean held(String key) {
        return transactions.getResource(key) != null;
    }
}
