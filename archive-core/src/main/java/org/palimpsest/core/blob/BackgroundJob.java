package org.palimpsest.core.blob;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.store.Sql;

/**
 * Work that runs in the background, one run at a time across every node, and its latest report, kept in PostgreSQL
 * ({@code background_report}) so that any node answers it. A running report not updated for {@link #ABANDONED} (its
 * node died) no longer holds the job: the next start begins a new run.
 */
final class BackgroundJob<R> {
    static final Duration ABANDONED = Duration.ofMinutes(2);

    private final String name;
    private final Class<R> type;
    private final Predicate<R> running;
    private final EntityManager em;
    private final ExecutorService worker;

    BackgroundJob(String name, Class<R> type, Predicate<R> running, EntityManager em) {
        this.name = name;
        this.type = type;
        this.running = running;
        this.em = em;
        this.worker = Executors.newSingleThreadExecutor(r -> new Thread(r, name));
    }

    /**
     * Starts a run with its first report, which the work is given; or answers the report of the run going on, on this
     * node or another. The claim is one statement: of two nodes starting at once, one runs.
     */
    R start(Supplier<R> first, Consumer<R> work) {
        R start = first.get();
        boolean claimed = QuarkusTransaction.requiringNew().call(() -> Sql.statement(em, "insert into"
                        + " background_report (job, report, running, updated_at) values (?1, cast(?2 as jsonb), true,"
                        + " now()) on conflict (job) do update set report = excluded.report, running = true,"
                        + " updated_at = now() where not background_report.running"
                        + " or background_report.updated_at < now() - cast(?3 as bigint) * interval '1 second'")
                .setParameter(1, name).setParameter(2, Json.write(start)).setParameter(3, ABANDONED.toSeconds())
                .executeUpdate() == 1);
        if (!claimed) {
            return latest().orElse(start);
        }
        worker.submit(() -> work.accept(start));
        return start;
    }

    Optional<R> latest() {
        return QuarkusTransaction.requiringNew().call(() -> Sql.list(Sql.rows(em, "select cast(report as text)"
                        + " as report from background_report where job = ?1").setParameter(1, name)).stream()
                .findFirst().map(r -> Json.read(r.get("report", String.class), type)));
    }

    void publish(R report) {
        QuarkusTransaction.requiringNew().run(() -> Sql.statement(em, "update background_report set"
                        + " report = cast(?2 as jsonb), running = ?3, updated_at = now() where job = ?1")
                .setParameter(1, name).setParameter(2, Json.write(report)).setParameter(3, running.test(report))
                .executeUpdate());
    }

    void stop() {
        worker.shutdownNow();
    }
}
