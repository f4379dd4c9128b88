package org.palimpsest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The API reaches PostgreSQL as a role that reads and writes rows and can change nothing else. */
@QuarkusTest
class DatabaseRoleTest {
    @Inject
    AgroalDataSource db;

    @Test
    void theApisRoleIsNoSuperuserAndOwnsNothingItCouldDropOrAlter() throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            ResultSet who = st.executeQuery("select current_user, rolsuper, rolcreatedb, rolcreaterole,"
                    + " (select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user)"
                    + " from pg_roles where rolname = current_user");
            who.next();
            assertEquals("palimpsest_api", who.getString(1));
            assertEquals(false, who.getBoolean(2), "superuser");
            assertEquals(false, who.getBoolean(3), "may create databases");
            assertEquals(false, who.getBoolean(4), "may create roles");
            assertEquals(0, who.getInt(5), "tables it owns");
            c.setAutoCommit(false);
            for (String ddl : new String[] {"drop table capture", "alter table version add column x int",
                    "truncate outbox", "create table intruder (id int)", "create extension if not exists pgcrypto"}) {
                SQLException refused = assertThrows(SQLException.class, () -> st.execute(ddl), ddl);
                assertEquals("42501", refused.getSQLState(), ddl + ": " + refused.getMessage()); // insufficient_privilege
                c.rollback();
            }
            // what it is for: reading and writing rows of every table the migrations made
            ResultSet grants = st.executeQuery("select count(*) filter (where has_table_privilege(current_user,"
                    + " format('%I', tablename), 'select, insert, update, delete')), count(*) from pg_tables"
                    + " where schemaname = 'public'");
            grants.next();
            assertTrue(grants.getInt(2) > 10, "the schema's tables");
            assertEquals(grants.getInt(2), grants.getInt(1), "tables whose rows it may read and write");
            c.rollback();
        }
    }
}
