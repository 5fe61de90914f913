package kefu.channel.telegram;

import kefu.conversation.Attachment;
import kefu.conversation.ConversationKey;
import kefu.conversation.Media;
import kefu.conversation.Reply;
import kefu.handoff.BuyerMessenger;

import java.util.List;

/** Writes (through the send queue) to a Telegram buyer's private chat outside their turn (staff replies, rating requests). */
public final class TelegramBuyerMessenger implements BuyerMessenger {

    private final TelegramOutbox outbox;
    private final FileCopies copies;

    public TelegramBuyerMessenger(TelegramOutbox outbox, FileCopies copies) {
        this.outbox = outbox;
        this.copies = copies;
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

    @Override
    public boolean sendFile(ConversationKey buyer, Attachment file, String caption) {
        return copies.keep(file).map(copy -> {
            outbox.file(Long.parseLong(buyer.userId()), 0, copy, file.fileName(), file.mimeType(), caption);
            return true;
        }).orElse(false);
    }

    /** Copied from the staff group, where staff sent it, in the buyer's chat's order like a file. */
    @Override
    public boolean sendMedia(ConversationKey buyer, Media media) {
        outbox.copy(Long.parseLong(buyer.userId()), 0, media.ref());
        return true;
    }
}
