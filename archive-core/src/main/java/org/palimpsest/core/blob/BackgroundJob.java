package org.palimpsest.core.blob;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Work that runs in the background, one run at a time, and its latest report (kept by this process until the next). */
final class BackgroundJob<R> {
    private final ExecutorService worker;
    private final Predicate<R> running;
    private R latest;

    BackgroundJob(String thread, Predicate<R> running) {
        this.worker = Executors.newSingleThreadExecutor(r -> new Thread(r, thread));
        this.running = running;
    }

    /** Starts a run with its first report, which the work is given; or answers the report of the run going on. */
    synchronized R start(Supplier<R> first, Consumer<R> work) {
        if (latest != null && running.test(latest)) {
            return latest;
        }
        R start = first.get();
        latest = start;
        worker.submit(() -> work.accept(start));
        return start;
    }

    synchronized Optional<R> latest() {
        return Optional.ofNullable(latest);
    }

    synchronized void publish(R report) {
        latest = report;
    }

    void stop() {
        worker.shutdownNow();
    }
}
