package kefu.handoff;

import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationStore;
import kefu.conversation.Lang;
import kefu.conversation.Reply;
import kefu.shop.ShopTicket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * Tells a buyer, in their conversation and language, that staff moved their ticket on — whether the bot keeps the
 * ticket or the shop does ({@code shop.kept.ticket.*}, {@code shop.kept.cancel.*} for a cancel request).
 */
public final class TicketChangeNotice {

    private static final Logger log = LoggerFactory.getLogger(TicketChangeNotice.class);

    private final BuyerMessengers messengers;
    private final ConversationStore store;
    private final StaffTexts texts;

    public TicketChangeNotice(BuyerMessengers messengers, ConversationStore store, StaffTexts texts) {
        this.messengers = messengers;
        this.store = store;
        this.texts = texts;
    }

    /**
     * Sends the notice for the ticket's new status; {@code chatUser} is who filed it. False when there is nobody to
     * tell (a ticket filed outside the bot, or one still open) or the message could not be sent; never throws.
     */
    public boolean tell(String chatUser, ShopTicket ticket, boolean cancelRequest, String note) {
        if (chatUser == null || "open".equals(ticket.status())) {
            return false;
        }
        try {
            ConversationKey buyer = ConversationKey.parse(chatUser);
            Lang lang = store.peek(buyer).map(s -> s.lang()).orElse(Lang.ZH);
            String kind = cancelRequest ? "cancel" : "ticket";
            String text = texts.buyerText(lang, "shop.kept." + kind + "." + ticket.status(), Map.of("ticket",
                    ticket.ticketNo(), "order", ticket.orderNo(), "note", note == null || note.isBlank() ? "-" : note.strip()));
            messengers.send(buyer, List.of(Reply.of(text)));
            return true;
        } catch (RuntimeException e) {
            log.warn("ticket {}: the buyer could not be told of the change: {}", ticket.ticketNo(), e.toString());
            return false;
        }
    }
}
