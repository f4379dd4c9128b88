package org.palimpsest.core.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import java.util.List;

/** Native SQL on the side tables (outbox, bands, template lines, locks), which never read pending entity changes. */
public final class Sql {
    static final int ROWS_PER_INSERT = 400;

    private Sql() {
    }

    /** A native statement that does not make Hibernate flush (and dirty-check) the session first. */
    public static Query statement(EntityManager em, String sql) {
        return em.createNativeQuery(sql).setFlushMode(FlushModeType.COMMIT);
    }

    /** Inserts rows in multi-row statements: {@code insert into table (columns) values (...), (...) on conflict do nothing}. */
    public static void insertAll(EntityManager em, String table, String columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int width = rows.get(0).length;
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder("insert into ").append(table).append(" (").append(columns)
                    .append(") values ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "(" : ", (");
                for (int c = 0; c < width; c++) {
                    sql.append(c == 0 ? "?" : ", ?").append(width * i + c + 1);
                }
                sql.append(')');
            }
            Query query = statement(em, sql.append(" on conflict do nothing").toString());
            for (int i = 0; i < chunk.size(); i++) {
                for (int c = 0; c < width; c++) {
                    query.setParameter(width * i + c + 1, chunk.get(i)[c]);
                }
            }
            query.executeUpdate();
        }
    }
}
