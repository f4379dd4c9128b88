package org.palimpsest.core.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** Native SQL on the side tables (outbox, bands, template lines, locks), which never read pending entity changes. */
public final class Sql {
    static final int ROWS_PER_INSERT = 400;

    private Sql() {
    }

    /** A native statement that does not make Hibernate flush (and dirty-check) the session first. */
    public static Query statement(EntityManager em, String sql) {
        return em.createNativeQuery(sql).setFlushMode(FlushModeType.COMMIT);
    }

    /**
     * A native query whose rows are read by column name ({@link Tuple#get(String, Class)}), not by position; like
     * {@link #statement} it does not flush the session first. Every selected expression needs an alias.
     */
    public static Query rows(EntityManager em, String sql) {
        return em.createNativeQuery(sql, Tuple.class).setFlushMode(FlushModeType.COMMIT);
    }

    /** The rows of a query made by {@link #rows}. */
    @SuppressWarnings("unchecked")
    public static List<Tuple> list(Query rows) {
        return rows.getResultList();
    }

    /** Inserts rows in multi-row statements: {@code insert into table (columns) values (...), (...) on conflict do nothing}. */
    public static void insertAll(EntityManager em, String table, String columns, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            String placeholders = String.join(", ", Collections.nCopies(rows.get(0).length, "?"));
            insertAll(em, table, columns, placeholders, rows, null);
        }
    }

    /**
     * Inserts rows as {@link #insertAll} does, each row's values written as {@code placeholders} ({@code ?} for each
     * value, in order, with any cast it needs), and answers the ids of the rows inserted (not those that conflicted).
     */
    public static List<UUID> insertAllReturningIds(EntityManager em, String table, String columns, String placeholders,
            List<Object[]> rows) {
        List<UUID> ids = new ArrayList<>();
        insertAll(em, table, columns, placeholders, rows, ids);
        return ids;
    }

    private static void insertAll(EntityManager em, String table, String columns, String placeholders,
            List<Object[]> rows, List<UUID> insertedIds) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder("insert into ").append(table).append(" (").append(columns)
                    .append(") values ");
            int parameter = 0;
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "(" : ", (");
                for (char c : placeholders.toCharArray()) {
                    sql.append(c);
                    if (c == '?') {
                        sql.append(++parameter);
                    }
                }
                sql.append(')');
            }
            sql.append(" on conflict do nothing");
            Query query = statement(em, insertedIds == null ? sql.toString() : sql.append(" returning id").toString());
            parameter = 0;
            for (Object[] row : chunk) {
                for (Object value : row) {
                    query.setParameter(++parameter, value);
                }
            }
            if (insertedIds == null) {
                query.executeUpdate();
            } else {
                for (Object id : query.getResultList()) {
                    insertedIds.add((UUID) id);
                }
            }
        }
    }
}
