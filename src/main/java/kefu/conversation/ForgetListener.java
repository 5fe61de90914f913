package kefu.conversation;

/**
 * Told when a buyer sent {@code /forget}, after the conversation's state and transcript were deleted: a capability
 * deletes what it keeps about the buyer elsewhere (queue entries, thread indexes) or anonymises it.
 */
public interface ForgetListener {

    /** @param last the conversation as it was just before it was deleted */
    void forgotten(ConversationKey buyer, ConversationState last);
}
