package kefu.conversation;


/** Another turn of the same buyer held the conversation for longer than a turn may wait. */
public class ConversationBusyException extends RuntimeException {

    public ConversationBusyException(ConversationKey key) {
        super("conversation " + key + " is busy with another turn");
    }
}
