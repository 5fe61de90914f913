package kefu.handoff;

import kefu.conversation.Attachment;
import kefu.conversation.ConversationKey;
import kefu.conversation.Media;

/**
 * What staff do, as received by a channel adapter from the staff desk (implemented by the handoff capability,
 * {@link StaffActions}). The adapter admits members of the staff group; when {@code kefu.handoff.only-staff-ids}
 * lists ids, the inbox also ignores any id not listed. A thread reference names the buyer's conversation;
 * null means the desk's general thread. Answers to staff go back through {@link StaffDesk}; to the buyer
 * through {@link BuyerMessenger}. Every call changes the conversation under the buyer's lease, so it is safe
 * to call while the buyer is writing.
 */
public interface StaffInbox {

    /**
     * A staff member wrote in the buyer's thread: relayed to the buyer signed with the staff alias. Writing in a
     * queued thread takes the conversation (no {@code /claim} needed); a conversation another staff member
     * serves, or one the bot serves, is not written to and staff are told why.
     */
    void message(String staffId, String threadRef, String text);

    /** A staff member sent a file in the buyer's thread (not forwarded to buyers yet: staff are told so). */
    void file(String staffId, String threadRef, Attachment file, String caption);

    /** Voice, video, a sticker or other media staff sent in a buyer's thread: passed on whole where the channel can. */
    void media(String staffId, String threadRef, Media media);

    /**
     * {@code /claim}, {@code /close}, {@code /note ...}, {@code /order K...}, {@code /queue}, with or without the
     * leading slash and a {@code @BotName} suffix; {@code argument} is the rest of the line. threadRef may be null
     * for {@code /order} and {@code /queue}, and for {@code /claim <channel>:<user id>} (e.g. {@code /claim tg:123456}),
     * which steps into a conversation that has no thread yet by opening one.
     */
    void command(String staffId, String threadRef, String command, String argument);

    /** A staff member pressed a button on a card: {@code staff:claim} (接手) or {@code staff:close} (结束). */
    void button(String staffId, String threadRef, String data);

    /** The buyer's conversation behind a thread reference, or null when the thread is unknown. */
    ConversationKey buyerOf(String threadRef);

    /** The staff member's name on the channel (e.g. Telegram's first and last name), shown to buyers without an alias. */
    default void introduce(String staffId, String channelName) {
    }
}
