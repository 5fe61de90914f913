package kefu.handoff;

import kefu.conversation.Attachment;
import kefu.conversation.ConversationKey;
import kefu.conversation.Media;
import kefu.conversation.Reply;

import java.util.List;

/**
 * Sends messages to a buyer outside their own turn (port, implemented per channel): what staff write,
 * the claim notice, the rating request after {@code /close}, an automatic close notice. Buttons under these
 * replies ({@code rate:1..5}) are already recorded as offered to the buyer.
 */
public interface BuyerMessenger {

    /** The channel this messenger delivers to ({@code tg}, {@code cli}); matches {@link ConversationKey#channel()}. */
    String channel();

    void send(ConversationKey buyer, List<Reply> replies);

    /** Sends a file staff chose for the buyer; false when this channel cannot carry files. */
    default boolean sendFile(ConversationKey buyer, Attachment file, String caption) {
        return false;
    }

    /**
     * Passes on whole a voice message, video, sticker or other media staff sent on this channel ({@code media.ref}
     * names it where staff sent it); false when this channel cannot carry it.
     */
    default boolean sendMedia(ConversationKey buyer, Media media) {
        return false;
    }
}
