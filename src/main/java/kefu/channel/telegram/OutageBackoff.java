package kefu.channel.telegram;

/**
 * How long to wait between tries while something keeps failing (Redis down): doubling from {@code baseMillis}
 * to {@code maxMillis}. It tells whether a failure opened an outage and whether a success closed one, so an
 * outage is logged once when it starts and once when it ends, however long it lasts.
 */
final class OutageBackoff {

    private final long baseMillis;
    private final long maxMillis;
    private int failures;
    private long since;

    OutageBackoff(long baseMillis, long maxMillis) {
        this.baseMillis = baseMillis;
        this.maxMillis = maxMillis;
    }

    /** Records a failure at {@code nowMillis}; returns how long to wait before the next try. */
    synchronized long failed(long nowMillis) {
        if (failures++ == 0) {
            since = nowMillis;
        }
        return Math.min(maxMillis, baseMillis << Math.min(failures - 1, 20));
    }

    /** True right after the failure that opened an outage. */
    synchronized boolean justStarted() {
        return failures == 1;
    }

    /** Records a success; returns how long the outage it ends lasted, or -1 when there was none. */
    synchronized long succeeded(long nowMillis) {
        if (failures == 0) {
            return -1;
        }
        failures = 0;
        return nowMillis - since;
    }
}
