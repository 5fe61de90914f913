package kefu.handoff;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/** Whether staff are at work at a moment, by the shop's clock. */
public final class ServiceHours {

    private final LocalTime opens;
    private final LocalTime closes;
    private final ZoneId zone;

    public ServiceHours(LocalTime opens, LocalTime closes, ZoneId zone) {
        this.opens = opens;
        this.closes = closes;
        this.zone = zone;
    }

    public boolean isOpen(Instant at) {
        if (opens.equals(closes)) {
            return true;
        }
        LocalTime t = at.atZone(zone).toLocalTime();
        boolean overnight = !closes.equals(LocalTime.MIDNIGHT) && closes.isBefore(opens);
        if (overnight) {
            return !t.isBefore(opens) || t.isBefore(closes);
        }
        return !t.isBefore(opens) && (closes.equals(LocalTime.MIDNIGHT) || t.isBefore(closes));
    }
}
