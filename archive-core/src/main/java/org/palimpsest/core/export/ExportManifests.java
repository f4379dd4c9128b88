package org.palimpsest.core.export;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.palimpsest.core.json.Json;

/**
 * The kept manifests (table {@code export_manifest}): an export is entered when it starts, and its manifest kept when
 * its stream ends, so {@code GET /api/exports/{id}/manifest} can answer for it afterwards.
 */
@ApplicationScoped
public class ExportManifests {
    /** Where an export stands: its manifest once complete, why it failed, or neither while it streams. */
    public record Entry(UUID id, String format, Status status, Optional<String> manifestJson, Optional<String> error) {
    }

    public enum Status {
        STREAMING, COMPLETE, FAILED
    }

    private final AgroalDataSource db;
    private final Clock clock = Clock.systemUTC();

    public ExportManifests(AgroalDataSource db) {
        this.db = db;
    }

    /** Enters an export that is about to stream. */
    public void started(UUID id, ExportFormat format) {
        update("insert into export_manifest (id, format, status, started_at) values (?, ?, 'streaming', ?)",
                s -> {
                    s.setObject(1, id);
                    s.setString(2, format.label());
                    s.setTimestamp(3, Timestamp.from(clock.instant()));
                });
    }

    public void completed(ExportManifest manifest) {
        update("update export_manifest set status = 'complete', finished_at = ?, manifest = ?::json where id = ?",
                s -> {
                    s.setTimestamp(1, Timestamp.from(clock.instant()));
                    s.setString(2, Json.write(manifest));
                    s.setObject(3, UUID.fromString(manifest.exportId()));
                });
    }

    public void failed(UUID id, String error) {
        update("update export_manifest set status = 'failed', finished_at = ?, error = ? where id = ?"
                + " and status = 'streaming'", s -> {
                    s.setTimestamp(1, Timestamp.from(clock.instant()));
                    s.setString(2, error);
                    s.setObject(3, id);
                });
    }

    public Optional<Entry> find(UUID id) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select format, status, manifest::text, error from export_manifest where id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Entry(id, rs.getString(1), Status.valueOf(rs.getString(2).toUpperCase(
                        java.util.Locale.ROOT)), Optional.ofNullable(rs.getString(3)),
                        Optional.ofNullable(rs.getString(4))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the export manifest failed: " + e.getMessage(), e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("keeping the export manifest failed: " + e.getMessage(), e);
        }
    }
}
