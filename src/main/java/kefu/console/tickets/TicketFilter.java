package kefu.console.tickets;

import kefu.shop.kept.KeptTicket;

import java.util.Locale;
import java.util.function.Predicate;

/** Which tickets the tickets page lists: the ones still to handle (default), one status, or all. */
public enum TicketFilter {
    ACTIVE(t -> t.ticket().open()),
    OPEN(t -> "open".equals(t.ticket().status())),
    PROCESSING(t -> "processing".equals(t.ticket().status())),
    RESOLVED(t -> "resolved".equals(t.ticket().status())),
    REJECTED(t -> "rejected".equals(t.ticket().status())),
    ALL(t -> true);

    private final Predicate<KeptTicket> keeps;

    TicketFilter(Predicate<KeptTicket> keeps) {
        this.keeps = keeps;
    }

    boolean keeps(KeptTicket ticket) {
        return keeps.test(ticket);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TicketFilter of(String name) {
        for (TicketFilter f : values()) {
            if (f.wireName().equals(name)) {
                return f;
            }
        }
        return ACTIVE;
    }
}
