package kefu.shop;

import java.time.Instant;
import java.util.List;

/** An after-sales ticket: {@code status} is {@code open}, {@code processing}, {@code resolved} or {@code rejected}. */
public record ShopTicket(String ticketNo, String orderNo, String status, String reason, int slaHoursMin,
                         int slaHoursMax, Instant createdAt, List<Message> messages) {

    public ShopTicket {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    public record Message(Instant at, String from, String text) {
    }

    public boolean open() {
        return "open".equals(status) || "processing".equals(status);
    }
}
