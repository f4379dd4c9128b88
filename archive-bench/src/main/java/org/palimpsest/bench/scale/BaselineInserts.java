package org.palimpsest.bench.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** The ingest baselines: the same payloads as bare rows, by a JDBC batch insert and by COPY. */
final class BaselineInserts {
    /** Captures per second of each. */
    record Rates(double jdbc, double copy) {
    }

    private BaselineInserts() {
    }

    static Rates measure(Connection db, List<SyntheticArchive.Capture> rows) throws SQLException, IOException {
        try (var st = db.createStatement()) {
            st.execute("create table if not exists scale_baseline (id bigserial primary key, source text not null,"
                    + " url text, captured_at timestamptz not null, content text not null)");
            st.execute("truncate scale_baseline");
        }
        db.setAutoCommit(false);
        long t0 = System.nanoTime();
        try (PreparedStatement insert = db.prepareStatement(
                "insert into scale_baseline (source, url, captured_at, content) values (?, ?, ?, ?)")) {
            int n = 0;
            for (SyntheticArchive.Capture c : rows) {
                insert.setString(1, c.source());
                insert.setString(2, c.url());
                insert.setTimestamp(3, Timestamp.from(c.capturedAt()));
                insert.setString(4, c.text());
                insert.addBatch();
                if (++n % 200 == 0) {
                    insert.executeBatch();
                    db.commit();
                }
            }
            insert.executeBatch();
            db.commit();
        }
        double jdbc = rows.size() / ((System.nanoTime() - t0) / 1e9);
        db.setAutoCommit(true);
        try (var st = db.createStatement()) {
            st.execute("truncate scale_baseline");
        }
        long t1 = System.nanoTime();
        CopyIn copyIn = db.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "copy scale_baseline (source, url, captured_at, content) from stdin");
        for (SyntheticArchive.Capture c : rows) {
            byte[] line = (c.source() + '\t' + c.url() + '\t' + c.capturedAt() + '\t'
                    + c.text().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n") + '\n')
                    .getBytes(StandardCharsets.UTF_8);
            copyIn.writeToCopy(line, 0, line.length);
        }
        copyIn.endCopy();
        double copy = rows.size() / ((System.nanoTime() - t1) / 1e9);
        try (var st = db.createStatement()) {
            st.execute("drop table scale_baseline");
        }
        return new Rates(jdbc, copy);
    }
}
