package org.palimpsest.core.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.postgresql.PGStatement;

/**
 * Native SQL: on the side tables (outbox, bands, template lines, locks), which never read pending entity changes, and
 * ({@link #entities}) for entity reads HQL cannot write.
 */
public final class Sql {
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

    /**
     * A native query whose rows are entities of {@code type}, the session's own instances as an HQL query gives them,
     * for conditions HQL cannot write (a list as one array parameter). Like HQL it flushes the session first only when
     * entities of that type have changes pending.
     */
    public static <T> TypedQuery<T> entities(EntityManager em, String sql, Class<T> type) {
        return em.unwrap(Session.class).createNativeQuery(sql, type).addSynchronizedEntityClass(type);
    }

    /** Reads one row of a result (the result set stands on it). */
    @FunctionalInterface
    public interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /**
     * Runs a query ({@code ?} placeholders) on the session's connection, planned for its parameters' values every
     * time, and hands each row to {@code row}; like {@link #statement} it does not flush the session. A parameter that
     * is a collection goes as one text array (cast it in the SQL, {@code cast(? as bigint[])}), any other as its text.
     * For a look-up by keys within a large table: kept as a server-prepared statement (pgjdbc names one after its fifth
     * run on a connection), PostgreSQL may settle on a generic plan made while the table was nearly empty and, where
     * no ANALYZE runs, keep it as the table grows (an index condition on the source alone, the keys a filter: every
     * row of the source read, each time; {@code CandidatePlanTest}, {@code RepeatPlanTest}).
     */
    public static void eachRowPlannedEachTime(EntityManager em, String sql, List<?> params, RowReader row) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0); // never a named server statement
                for (int i = 0; i < params.size(); i++) {
                    if (params.get(i) instanceof Collection<?> values) {
                        statement.setArray(i + 1, connection.createArrayOf("text", array(values)));
                    } else {
                        statement.setString(i + 1, text(params.get(i)));
                    }
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        row.read(rows);
                    }
                }
            }
        });
    }

    /** The rows of a query made by {@link #rows}. */
    @SuppressWarnings("unchecked")
    public static List<Tuple> list(Query rows) {
        return rows.getResultList();
    }

    /**
     * Inserts rows in one statement whose text is the same however many rows there are, skipping rows that conflict:
     * each column's values go as one text array, unnested and cast to the column's type ({@code insert into table
     * (…) select cast(c1 as type1), … from unnest(?1, …) … on conflict do nothing}). {@code columns} names each column
     * with its type, as in {@code "id uuid, source text, origin jsonb"}; values are written as their text (bytes in
     * PostgreSQL's hex form), nulls as nulls. A statement with a placeholder a value would be a new text for each
     * number of rows, parsed and planned for it alone and kept in Hibernate's and the driver's statement caches.
     */
    public static void insertAll(EntityManager em, String table, String columns, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            bindColumns(statement(em, insert(table, columns, "")), rows).executeUpdate();
        }
    }

    /** Inserts rows as {@link #insertAll} does; answers the ids of the rows inserted (not those that conflicted). */
    public static List<UUID> insertAllReturningIds(EntityManager em, String table, String columns,
            List<Object[]> rows) {
        List<UUID> ids = new ArrayList<>();
        if (!rows.isEmpty()) {
            for (Object id : bindColumns(statement(em, insert(table, columns, " returning id")), rows)
                    .getResultList()) {
                ids.add((UUID) id);
            }
        }
        return ids;
    }

    private static String insert(String table, String columns, String returning) {
        List<String> names = new ArrayList<>();
        List<String> casts = new ArrayList<>();
        List<String> arrays = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        for (String column : columns.split(",")) {
            String[] nameAndType = column.strip().split("\\s+", 2);
            int c = names.size() + 1;
            names.add(nameAndType[0]);
            casts.add("cast(c" + c + " as " + nameAndType[1] + ")");
            arrays.add("cast(?" + c + " as text[])");
            aliases.add("c" + c);
        }
        return "insert into " + table + " (" + String.join(", ", names) + ") select " + String.join(", ", casts)
                + " from unnest(" + String.join(", ", arrays) + ") as r(" + String.join(", ", aliases)
                + ") on conflict do nothing" + returning;
    }

    private static Query bindColumns(Query query, List<Object[]> rows) {
        int columns = rows.get(0).length;
        for (int c = 0; c < columns; c++) {
            String[] values = new String[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                values[r] = text(rows.get(r)[c]);
            }
            query.setParameter(c + 1, values);
        }
        return query;
    }

    /**
     * A list of values as one array parameter, for {@code column = any(cast(?1 as type[]))}: a statement of one text
     * however long the list (see {@link #insertAll}).
     */
    public static String[] array(Collection<?> values) {
        return values.stream().map(Sql::text).toArray(String[]::new);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof byte[] bytes ? "\\x" + HexFormat.of().formatHex(bytes) : value.toString();
    }
}
