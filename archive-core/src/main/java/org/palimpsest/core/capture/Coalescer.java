package org.palimpsest.core.capture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Serves items submitted one at a time by many threads in shared batches, as a database's group commit does. A
 * submitter whose item is still waiting, when fewer than {@code inFlight} batches are running, takes every waiting
 * item (up to {@code maxBatch}) and runs them as one batch; the other submitters wait for their answers. A lone
 * submitter waits for nothing (its item is a batch of one at once), and items that arrive while batches run go
 * together in the next: the batches grow with the load instead of with a timer.
 *
 * @param <T> what is submitted
 * @param <R> what each item is answered with: {@code work} answers a batch's items in their order
 */
final class Coalescer<T, R> {
    private final Function<List<T>, List<R>> work;
    private final int inFlight;
    private final int maxBatch;
    private final Deque<Waiting<T, R>> queue = new ArrayDeque<>();
    private int running;

    Coalescer(Function<List<T>, List<R>> work, int inFlight, int maxBatch) {
        if (inFlight < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("batches in flight and their size must be at least 1");
        }
        this.work = work;
        this.inFlight = inFlight;
        this.maxBatch = maxBatch;
    }

    private static final class Waiting<T, R> {
        final T item;
        boolean taken;
        boolean answered;
        R answer;
        RuntimeException failure;

        Waiting(T item) {
            this.item = item;
        }
    }

    /**
     * The item's answer, once the batch it went in has run; what {@code work} threw for that batch is thrown to each
     * of its submitters. Not interruptible: an item in a running batch is stored whatever its submitter does.
     */
    R submit(T item) {
        Waiting<T, R> me = new Waiting<>(item);
        boolean interrupted = false;
        try {
            synchronized (this) {
                queue.add(me);
            }
            while (true) {
                List<Waiting<T, R>> batch = new ArrayList<>();
                synchronized (this) {
                    while (!me.answered && (me.taken || running >= inFlight)) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                    if (me.answered) {
                        if (me.failure != null) {
                            throw me.failure;
                        }
                        return me.answer;
                    }
                    while (!queue.isEmpty() && batch.size() < maxBatch) {
                        Waiting<T, R> next = queue.poll();
                        next.taken = true;
                        batch.add(next);
                    }
                    running++;
                }
                run(batch);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run(List<Waiting<T, R>> batch) {
        List<R> answers = null;
        RuntimeException failure = null;
        try {
            answers = work.apply(batch.stream().map(w -> w.item).toList());
            if (answers.size() != batch.size()) {
                failure = new IllegalStateException(answers.size() + " answers for a batch of " + batch.size());
            }
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException("the batch failed: " + e, e);
        }
        synchronized (this) {
            for (int i = 0; i < batch.size(); i++) {
                Waiting<T, R> w = batch.get(i);
                w.answered = true;
                w.failure = failure;
                w.answer = failure == null ? answers.get(i) : null;
            }
            running--;
            notifyAll();
        }
    }

    /** How many items wait for a batch (for tests). */
    synchronized int waiting() {
        return queue.size();
    }
}
