package kefu.console.tickets;

import kefu.conversation.ConversationKey;
import kefu.privacy.Masking;
import kefu.privacy.Pseudonym;
import kefu.shop.ListedTicket;
import kefu.shop.ShopTicket;
import kefu.shop.kept.KeptTicket;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One ticket as the tickets page shows it: the buyer by pseudonym, the messages masked as staff see them.
 *
 * @param kind   {@code cancel} for a cancel request, {@code ticket} for after-sales
 * @param keeper who keeps the ticket: {@code bot} (for a shop without tickets) or {@code shop}
 */
public record TicketRow(String ticketNo, String orderNo, String kind, String keeper, String reason, String status,
                        boolean open, Instant createdAt, String created, String buyer, int evidence, List<String> messages) {

    /** Where a ticket is kept, as the page's badge says. */
    public enum Keeper {
        BOT, SHOP;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static TicketRow of(KeptTicket kept, DateTimeFormatter time) {
        return of(kept.ticket(), kept.cancelRequest() ? "cancel" : "ticket", Keeper.BOT, kept.chatUser(),
                kept.evidence().size(), time);
    }

    static TicketRow of(ListedTicket listed, DateTimeFormatter time) {
        return of(listed.ticket(), "ticket", Keeper.SHOP, listed.chatUser(), 0, time);
    }

    private static TicketRow of(ShopTicket t, String kind, Keeper keeper, String chatUser, int evidence,
                                DateTimeFormatter time) {
        List<String> messages = t.messages().stream()
                .map(m -> time.format(m.at()) + " " + m.from() + ": " + Masking.inText(m.text())).toList();
        return new TicketRow(t.ticketNo(), t.orderNo(), kind, keeper.wireName(), t.reason(), t.status(), t.open(),
                t.createdAt(), time.format(t.createdAt()), pseudonym(chatUser), evidence, messages);
    }

    /** The buyer's pseudonym, or {@code -} for a ticket filed outside the bot. */
    static String pseudonym(String chatUser) {
        if (chatUser == null) {
            return "-";
        }
        try {
            return Pseudonym.of(ConversationKey.parse(chatUser));
        } catch (RuntimeException e) {
            return "-";
        }
    }
}
