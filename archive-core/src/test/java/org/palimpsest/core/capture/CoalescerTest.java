package org.palimpsest.core.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CoalescerTest {
    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());

    /** Upper-cases a batch's items; the first batch runs until {@code firstMayFinish} is released. */
    private Function<List<String>, List<String>> upperCase(CountDownLatch firstMayFinish) {
        return items -> {
            batches.add(items);
            if (batches.size() == 1) {
                await(firstMayFinish);
            }
            return items.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
        };
    }

    @Test
    void aLoneSubmitterIsServedAtOnceInABatchOfItsOwn() {
        Coalescer<String, String> coalescer = new Coalescer<>(upperCase(new CountDownLatch(0)), 1, 100);
        assertEquals("A", coalescer.submit("a"));
        assertEquals("B", coalescer.submit("b"));
        assertEquals(List.of(List.of("a"), List.of("b")), batches);
    }

    @Test
    void itemsArrivingWhileABatchRunsGoTogetherInTheNextAndEachSubmitterGetsItsOwnAnswer() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Coalescer<String, String> coalescer = new Coalescer<>(upperCase(release), 1, 100);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            Future<String> first = threads.submit(() -> coalescer.submit("a"));
            waitUntil(() -> batches.size() == 1);
            Map<String, Future<String>> later = new HashMap<>();
            for (String item : List.of("b", "c", "d", "e", "f")) {
                later.put(item, threads.submit(() -> coalescer.submit(item)));
            }
            waitUntil(() -> coalescer.waiting() == 5);
            release.countDown();
            assertEquals("A", first.get(10, TimeUnit.SECONDS));
            for (Map.Entry<String, Future<String>> e : later.entrySet()) {
                assertEquals(e.getKey().toUpperCase(Locale.ROOT), e.getValue().get(10, TimeUnit.SECONDS));
            }
            assertEquals(2, batches.size());
            assertEquals(List.of("a"), batches.get(0));
            assertEquals(Set.of("b", "c", "d", "e", "f"), new TreeSet<>(batches.get(1)));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aBatchTakesNoMoreThanItsLimitAndTheRestFollowInTheNext() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Coalescer<String, String> coalescer = new Coalescer<>(upperCase(release), 1, 2);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            Future<String> first = threads.submit(() -> coalescer.submit("a"));
            waitUntil(() -> batches.size() == 1);
            List<Future<String>> later = new ArrayList<>();
            for (String item : List.of("b", "c", "d")) {
                later.add(threads.submit(() -> coalescer.submit(item)));
            }
            waitUntil(() -> coalescer.waiting() == 3);
            release.countDown();
            assertEquals("A", first.get(10, TimeUnit.SECONDS));
            for (Future<String> f : later) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertEquals(List.of(1, 2, 1), batches.stream().map(List::size).toList());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void whatABatchThrowsIsThrownToEachOfItsSubmitters() {
        IllegalStateException down = new IllegalStateException("database down");
        Coalescer<String, String> coalescer = new Coalescer<>(items -> {
            throw down;
        }, 2, 100);
        assertSame(down, assertThrows(IllegalStateException.class, () -> coalescer.submit("a")));
        assertSame(down, assertThrows(IllegalStateException.class, () -> coalescer.submit("b")));
        assertEquals(0, coalescer.waiting());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 10 s");
            }
            Thread.sleep(5);
        }
    }
}
