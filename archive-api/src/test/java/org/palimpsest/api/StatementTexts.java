package org.palimpsest.api;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Records the text of every SQL statement the request threads prepare while {@link #during} runs (the indexer's and
 * other background threads' statements are left out), as Hibernate hands them to JDBC: with collection parameters
 * expanded. A statement sent as a JDBC batch is prepared once for the batch.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class StatementTexts implements StatementInspector {
    private static final ConcurrentLinkedQueue<String> RECORDED = new ConcurrentLinkedQueue<>();
    private static volatile boolean recording;

    @Override
    public String inspect(String sql) {
        if (recording && Thread.currentThread().getName().startsWith("executor-thread")) {
            RECORDED.add(sql);
        }
        return sql;
    }

    /** The distinct statement texts sent while {@code work} ran; {@code done} receives its result. */
    static <T> Set<String> during(Supplier<T> work, Consumer<T> done) {
        return new TreeSet<>(prepared(work, done));
    }

    /** The statements prepared while {@code work} ran, in order; {@code done} receives its result. */
    static <T> List<String> prepared(Supplier<T> work, Consumer<T> done) {
        RECORDED.clear();
        recording = true;
        try {
            done.accept(work.get());
        } finally {
            recording = false;
        }
        return List.copyOf(RECORDED);
    }
}
