package org.palimpsest.core.export;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Items made on a thread of their own while the caller consumes the ones before, at most {@code ahead} waiting in
 * memory. A failure of the producer is thrown to the consumer at the point it reached; closing early (the consumer
 * stopped) makes the producer stop at its next item.
 */
final class ReadAhead<T> implements Iterator<T>, AutoCloseable {

    /** What the producer thread hands over: an item, its end, or its failure. */
    private sealed interface Handed<T> {
    }

    private record Item<T>(T value) implements Handed<T> {
    }

    private record End<T>() implements Handed<T> {
    }

    private record Failed<T>(Throwable error) implements Handed<T> {
    }

    /** Unwinds the producer when the consumer has stopped. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super(null, null, false, false);
        }
    }

    private final BlockingQueue<Handed<T>> queue;
    private volatile boolean closed;
    private Handed<T> next;

    /** Starts {@code producer}, which hands each item to the consumer it is given, on a daemon thread. */
    ReadAhead(String threadName, int ahead, Consumer<Consumer<T>> producer) {
        this.queue = new ArrayBlockingQueue<>(ahead);
        Thread thread = new Thread(() -> {
            try {
                producer.accept(item -> hand(new Item<>(item)));
                hand(new End<>());
            } catch (Abandoned e) {
                // nobody is reading any more
            } catch (RuntimeException | Error e) {
                try {
                    hand(new Failed<>(e));
                } catch (Abandoned gone) {
                    // nobody is reading any more
                }
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("reading ahead was interrupted", e);
            }
        }
        if (next instanceof Failed<T> failed) {
            if (failed.error() instanceof RuntimeException e) {
                throw e;
            }
            throw (Error) failed.error();
        }
        return next instanceof Item<T>;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T value = ((Item<T>) next).value();
        next = null;
        return value;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Puts {@code handed} on the queue, waiting while it is full, unless the consumer has closed. */
    private void hand(Handed<T> handed) {
        try {
            while (!queue.offer(handed, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new Abandoned();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Abandoned();
        }
    }
}
