package kefu.channel.telegram;

import kefu.conversation.ConversationKey;
import kefu.conversation.Reply;
import kefu.handoff.BuyerMessenger;

import java.util.List;

/** Writes (through the send queue) to a Telegram buyer's private chat outside their turn (staff replies, rating requests). */
public final class TelegramBuyerMessenger implements BuyerMessenger {

    private final TelegramOutbox outbox;

    public TelegramBuyerMessenger(TelegramOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public String channel() {
        return BuyerUpdates.CHANNEL;
    }

    @Override
    public void send(ConversationKey buyer, List<Reply> replies) {
        // A Telegram user's private chat has the user's id.
        long chatId = Long.parseLong(buyer.userId());
        for (Reply reply : replies) {
            // Staff speak ahead of anything the bot still has queued for this buyer.
            outbox.urgent(chatId, 0, reply.text(), reply.buttons());
        }
    }
}
