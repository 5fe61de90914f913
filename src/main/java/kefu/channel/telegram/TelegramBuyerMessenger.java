package kefu.channel.telegram;

import kefu.conversation.ConversationKey;
import kefu.conversation.Reply;
import kefu.handoff.BuyerMessenger;

import java.util.List;

/** Writes to a Telegram buyer's private chat outside their turn (staff replies, rating requests). */
public final class TelegramBuyerMessenger implements BuyerMessenger {

    private final TelegramSender sender;

    public TelegramBuyerMessenger(TelegramSender sender) {
        this.sender = sender;
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
            if (sender.send(chatId, null, reply.text(), reply.buttons()) == TelegramSender.Delivery.BLOCKED) {
                return;
            }
        }
    }
}
