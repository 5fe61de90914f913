package kefu.shop.kept;

import kefu.shop.ShopTicket;

import java.util.List;

/**
 * A ticket the bot keeps for a shop without its own: an after-sales request or a cancel request
 * ({@link #CANCEL_REQUEST} as reason), with the buyer it belongs to and the ids of its evidence files.
 */
public record KeptTicket(ShopTicket ticket, String chatUser, List<String> evidence) {

    public static final String CANCEL_REQUEST = "cancel_request";
    /** Statuses staff may set with {@code /ticket}; {@code open} is where every ticket starts. */
    public static final List<String> STATUSES = List.of("open", "processing", "resolved", "rejected");

    public KeptTicket {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public boolean cancelRequest() {
        return CANCEL_REQUEST.equals(ticket.reason());
    }
}
