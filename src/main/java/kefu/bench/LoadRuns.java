package kefu.bench;

import kefu.conversation.ConversationKey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/** The two ways of loading the engine: a fixed number of buyers as fast as they can, and a fixed arrival rate. */
final class LoadRuns {

    private final TurnDriver driver;
    private final BenchMix mix;

    LoadRuns(TurnDriver driver, BenchMix mix) {
        this.driver = driver;
        this.mix = mix;
    }

    /** Throughput with {@code buyers} always busy: each sends its next turn as soon as the last was answered. */
    record Closed(int buyers, long turns, double seconds, double turnsPerSecond, Latencies.Summary latency) { }

    /** Latency at a fixed offered load, measured from when each turn was due, so a stall shows in full. */
    record Open(double offeredPerSecond, long turns, double achievedPerSecond, long late,
                Latencies.Summary latency) { }

    Closed closed(int buyers, Duration length) throws InterruptedException {
        Latencies latencies = new Latencies();
        LongAdder turns = new LongAdder();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            long seed = 31L * i + buyers;
            Thread thread = new Thread(() -> {
                BenchMix.Picker picker = mix.picker(seed);
                while (System.nanoTime() < end) {
                    BenchMix.Visit visit = picker.next();
                    ConversationKey buyer = driver.newBuyer();
                    for (String text : visit.turns()) {
                        long t0 = System.nanoTime();
                        driver.send(buyer, visit.category(), text);
                        latencies.record(System.nanoTime() - t0);
                        turns.increment();
                    }
                }
            }, "bench-buyer-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Closed(buyers, turns.sum(), seconds, turns.sum() / seconds, latencies.summary());
    }

    Open open(double perSecond, Duration length, int workers) throws InterruptedException {
        Latencies latencies = new Latencies();
        LongAdder late = new LongAdder();
        int slots = 64;
        // Turns are dealt round-robin to 64 buyers in the middle of a visit, so visits interleave as in real life.
        List<Cursor> cursors = new ArrayList<>();
        BenchMix.Picker picker = mix.picker(Double.doubleToLongBits(perSecond));
        for (int i = 0; i < slots; i++) {
            cursors.add(new Cursor());
        }
        long total = Math.max(1, Math.round(perSecond * length.toNanos() / 1e9));
        long interval = Math.round(1e9 / perSecond);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> new Thread(r, "bench-open"));
        long start = System.nanoTime() + 5_000_000;
        try {
            for (long i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                Cursor c = cursors.get((int) (i % slots));
                if (c.visit == null || c.next >= c.visit.turns().size()) {
                    c.visit = picker.next();
                    c.buyer = driver.newBuyer();
                    c.next = 0;
                }
                ConversationKey buyer = c.buyer;
                String category = c.visit.category();
                String text = c.visit.turns().get(c.next++);
                pool.execute(() -> {
                    if (System.nanoTime() - due > 1_000_000) {
                        late.increment();
                    }
                    driver.send(buyer, category, text);
                    latencies.record(System.nanoTime() - due);
                });
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Open(perSecond, total, total / seconds, late.sum(), latencies.summary());
    }

    private static final class Cursor {
        private BenchMix.Visit visit;
        private ConversationKey buyer;
        private int next;
    }
}
