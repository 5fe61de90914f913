package kefu.console.tickets;

import kefu.conversation.ConversationKey;
import kefu.privacy.Masking;
import kefu.privacy.Pseudonym;
import kefu.shop.ShopTicket;
import kefu.shop.kept.KeptTicket;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One kept ticket as the tickets page shows it: the buyer by pseudonym, the messages masked as staff see them.
 *
 * @param kind {@code cancel} for a cancel request, {@code ticket} for after-sales
 */
public record TicketRow(String ticketNo, String orderNo, String kind, String reason, String status, boolean open,
                        String created, String buyer, int evidence, List<String> messages) {

    static TicketRow of(KeptTicket kept, DateTimeFormatter time) {
        ShopTicket t = kept.ticket();
        List<String> messages = t.messages().stream()
                .map(m -> time.format(m.at()) + " " + m.from() + ": " + Masking.inText(m.text())).toList();
        return new TicketRow(t.ticketNo(), t.orderNo(), kept.cancelRequest() ? "cancel" : "ticket", t.reason(), t.status(),
                t.open(), time.format(t.createdAt()), pseudonym(kept.chatUser()), kept.evidence().size(), messages);
    }

    static String pseudonym(String chatUser) {
        try {
            return Pseudonym.of(ConversationKey.parse(chatUser));
        } catch (RuntimeException e) {
            return "-";
        }
    }
}
