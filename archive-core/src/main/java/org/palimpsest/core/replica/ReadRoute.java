package org.palimpsest.core.replica;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.Session;

/**
 * Where one request reads from. A request may read from the replica only when the HTTP layer allowed it (a GET or
 * HEAD of a read endpoint: {@link #allow()}); the choice is made once, at its first read, so that a page and its count
 * come from the same server. The replica session it opens is closed with the request.
 */
@RequestScoped
public class ReadRoute {
    private boolean allowed;
    private Boolean toReplica;
    private Session session;
    private Connection connection;

    /** This request only reads, from endpoints the replica may answer. */
    public void allow() {
        allowed = true;
    }

    boolean allowed() {
        return allowed;
    }

    Boolean decided() {
        return toReplica;
    }

    void decide(boolean replica) {
        toReplica = replica;
    }

    Session session() {
        return session;
    }

    void open(Session opened, Connection on) {
        session = opened;
        connection = on;
    }

    @PreDestroy
    void close() {
        if (session != null) {
            session.close();
        }
        closeQuietly(connection);
    }

    /** Gives a replica connection back to its pool (which discards one it cannot take back). */
    static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the pool has discarded it
            }
        }
    }
}
