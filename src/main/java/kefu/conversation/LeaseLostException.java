package kefu.conversation;


/** The turn took longer than the lease lasts and another turn took over; its changes were not saved. */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(ConversationKey key) {
        super("lease on conversation " + key + " expired before the turn was saved");
    }
}
