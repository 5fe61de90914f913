package kefu.handoff;

import kefu.conversation.Attachment;

/**
 * What staff do, as received by a channel adapter from the staff desk (implemented by the handoff capability).
 * The adapter has already checked that {@code staffId} belongs to a staff member; a thread reference
 * names the buyer's conversation. Replies to staff go back through {@link StaffDesk}; to the buyer
 * through {@link BuyerMessenger}.
 */
public interface StaffInbox {

    /** A staff member wrote in the buyer's thread: relayed to the buyer unless the conversation is not theirs. */
    void message(String staffId, String threadRef, String text);

    /** A staff member sent a file in the buyer's thread. */
    void file(String staffId, String threadRef, Attachment file, String caption);

    /** {@code /claim}, {@code /close}, {@code /note ...}, {@code /order K...}, {@code /queue}; threadRef may be null. */
    void command(String staffId, String threadRef, String command, String argument);

    /** A staff member pressed a button on a card (接手 / 结束). */
    void button(String staffId, String threadRef, String data);

    /** The buyer's conversation behind a thread reference, or null when the thread is unknown. */
    kefu.conversation.ConversationKey buyerOf(String threadRef);
}
