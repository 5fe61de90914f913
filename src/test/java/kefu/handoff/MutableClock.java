package kefu.handoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests set and advance, in the shop's time zone. */
final class MutableClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Instant> now;

    MutableClock(ZoneId zone, Instant start) {
        this.zone = zone;
        this.now = new AtomicReference<>(start);
    }

    void set(LocalDateTime local) {
        now.set(local.atZone(zone).toInstant());
    }

    void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(other, now.get());
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
