package kefu.console.tickets;

import kefu.shop.ShopTicket;

import java.util.List;
import java.util.Locale;

/** Which tickets the tickets page lists: the ones still to handle (default), one status, or all. */
public enum TicketFilter {
    ACTIVE(List.of("open", "processing")),
    OPEN(List.of("open")),
    PROCESSING(List.of("processing")),
    RESOLVED(List.of("resolved")),
    REJECTED(List.of("rejected")),
    ALL(List.of());

    private final List<String> statuses;

    TicketFilter(List<String> statuses) {
        this.statuses = statuses;
    }

    /** The statuses kept; empty for any status (as the shop's ticket list reads its {@code status} parameter). */
    List<String> statuses() {
        return statuses;
    }

    boolean keeps(ShopTicket ticket) {
        return statuses.isEmpty() || statuses.contains(ticket.status());
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
