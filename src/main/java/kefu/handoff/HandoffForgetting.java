package kefu.handoff;

import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationState;
import kefu.conversation.ForgetListener;

/**
 * A buyer's {@code /forget} as far as staff takeover is concerned: the buyer leaves the queue and the idle-close
 * watch, their staff threads no longer lead to them, and their ratings keep the score without the buyer.
 * (The transcript is deleted with the conversation by the store.)
 */
public final class HandoffForgetting implements ForgetListener {

    private final HandoffQueue queue;
    private final StaffActivity activity;
    private final ThreadIndex threads;
    private final Ratings ratings;

    public HandoffForgetting(HandoffQueue queue, StaffActivity activity, ThreadIndex threads, Ratings ratings) {
        this.queue = queue;
        this.activity = activity;
        this.threads = threads;
        this.ratings = ratings;
    }

    @Override
    public void forgotten(ConversationKey buyer, ConversationState last) {
        queue.remove(buyer);
        activity.remove(buyer);
        threads.forget(buyer);
        ratings.anonymise(buyer);
    }
}
