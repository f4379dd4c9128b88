package org.palimpsest.api;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Records the text of every SQL statement the request threads send while {@link #during} runs (the indexer's and
 * other background threads' statements are left out), as Hibernate hands them to JDBC: with collection parameters
 * expanded.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class StatementTexts implements StatementInspector {
    private static final Set<String> RECORDED = ConcurrentHashMap.newKeySet();
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
        RECORDED.clear();
        recording = true;
        try {
            done.accept(work.get());
        } finally {
            recording = false;
        }
        return new TreeSet<>(RECORDED);
    }
}
