package care.securebase.kit.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescingTest {

    @Test
    void everythingAddedBeforeARequestIsDrainedAndRoundsNeverOverlap() throws Exception {
        ConcurrentLinkedQueue<Integer> work = new ConcurrentLinkedQueue<>();
        List<Integer> drained = new ArrayList<>();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        Coalescing drain = new Coalescing("test", () -> {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                Thread.sleep(1); // long enough for other callers to arrive while this round runs
                for (Integer item; (item = work.poll()) != null; ) {
                    drained.add(item);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inside.decrementAndGet();
            }
        });
        int callers = 8;
        int perCaller = 200;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int base = c * perCaller;
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < perCaller; i++) {
                    work.add(base + i);
                    drain.run();
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertTrue(work.isEmpty(), "items left undrained after every caller returned: " + work.size());
        assertEquals(callers * perCaller, drained.size());
        assertEquals(1, mostInside.get(), "two rounds ran at once");
    }

    @Test
    void aRequestWhileARoundRunsMakesThatRoundGoAgain() throws Exception {
        ConcurrentLinkedQueue<String> work = new ConcurrentLinkedQueue<>(List.of("first"));
        List<String> drained = new ArrayList<>();
        CountDownLatch inFirstRound = new CountDownLatch(1);
        CountDownLatch secondArrived = new CountDownLatch(1);
        Coalescing drain = new Coalescing("test", () -> {
            for (String item; (item = work.poll()) != null; ) {
                drained.add(item);
            }
            if (inFirstRound.getCount() > 0) {
                inFirstRound.countDown();
                try {
                    secondArrived.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Thread first = new Thread(drain::run);
        first.start();
        assertTrue(inFirstRound.await(10, TimeUnit.SECONDS));

        work.add("second");
        drain.run(); // the first caller holds the round: this returns at once
        assertEquals(List.of("first"), drained);
        secondArrived.countDown();
        first.join(10_000);

        assertEquals(List.of("first", "second"), drained);
    }

    @Test
    void soonDrainsOnTheBackgroundThread() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        List<String> threads = new ArrayList<>();
        try (Coalescing drain = new Coalescing("drain-thread", () -> {
            threads.add(Thread.currentThread().getName());
            ran.countDown();
        })) {
            drain.soon();
            assertTrue(ran.await(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of("drain-thread"), threads);
    }

    @Test
    void aLoneCallerDrainsOnItsOwnThread() {
        List<String> ran = new ArrayList<>();
        new Coalescing("test", () -> ran.add(Thread.currentThread().getName())).run();
        assertEquals(List.of(Thread.currentThread().getName()), ran);
    }
}
