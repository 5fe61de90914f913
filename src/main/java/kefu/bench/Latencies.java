package kefu.bench;

import java.util.Arrays;

/** Turn latencies of one run, in microseconds; thread-safe to record into. */
public final class Latencies {

    private long[] micros = new long[1024];
    private int size;

    public synchronized void record(long nanos) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = nanos / 1000;
    }

    public synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(micros, size);
        Arrays.sort(sorted);
        return new Summary(size, pick(sorted, 0.50), pick(sorted, 0.95), pick(sorted, 0.99),
                size == 0 ? 0 : sorted[size - 1] / 1000.0);
    }

    private static double pick(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }

    /** Latency percentiles in milliseconds. */
    public record Summary(int count, double p50, double p95, double p99, double max) { }
}
