package org.palimpsest.api;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Statements run in order in one transaction, then rolled back: a test reads the database and leaves nothing. */
public final class RolledBack {
    private RolledBack() {
    }

    /** The first column of the last statement's rows. */
    public static List<String> rows(DataSource db, String... statements) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (int i = 0; i < statements.length - 1; i++) {
                s.execute(statements[i]);
            }
            try (ResultSet rs = s.executeQuery(statements[statements.length - 1])) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            c.rollback();
        }
        return values;
    }
}
