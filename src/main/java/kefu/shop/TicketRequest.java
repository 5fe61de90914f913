package kefu.shop;

import java.util.List;

/** An after-sales request: reason code, the buyer's words and the ids of evidence files already uploaded. */
public record TicketRequest(String orderNo, String chatUser, String reason, String description, List<String> evidence) {

    public TicketRequest {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
