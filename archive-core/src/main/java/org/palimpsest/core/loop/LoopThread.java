package org.palimpsest.core.loop;

import java.time.Duration;

/**
 * The one daemon thread of a background loop (the indexer, the inbox's drain): started with the application, stopped
 * — interrupted, and waited for — before it shuts down, so that no round runs against a closing container. The loop's
 * body runs while {@link #running()}.
 */
public final class LoopThread {
    private final String name;
    private volatile Thread thread;

    public LoopThread(String name) {
        this.name = name;
    }

    public void start(Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Whether the loop should go on: started and not stopped. */
    public boolean running() {
        return thread != null;
    }

    /** Stops the loop: interrupts its thread and waits up to ten seconds for it to end. */
    public void stop() throws InterruptedException {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
            t.join(10_000);
        }
    }

    /** Sleeps for what is left of {@code interval} since {@code startedNanos} ({@link System#nanoTime()}), if any. */
    public static void restOf(Duration interval, long startedNanos) throws InterruptedException {
        long rest = interval.toNanos() - (System.nanoTime() - startedNanos);
        if (rest > 0) {
            Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
        }
    }
}
