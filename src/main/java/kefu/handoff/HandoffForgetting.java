package kefu.handoff;

import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationState;
import kefu.conversation.ForgetListener;

import java.util.List;

/**
 * A buyer's {@code /forget} as far as staff takeover is concerned: the buyer leaves the queue and the idle-close
 * watch, their staff threads no longer lead to them (staff are told in the thread), and their ratings keep the
 * score without the buyer, and the staff transcript is deleted.
 */
public final class HandoffForgetting implements ForgetListener {

    private final HandoffQueue queue;
    private final StaffActivity activity;
    private final ThreadIndex threads;
    private final Ratings ratings;
    private final Transcript transcript;
    private final StaffDesk desk;
    private final StaffTexts texts;

    public HandoffForgetting(HandoffQueue queue, StaffActivity activity, ThreadIndex threads, Ratings ratings,
                             Transcript transcript, StaffDesk desk, StaffTexts texts) {
        this.queue = queue;
        this.activity = activity;
        this.threads = threads;
        this.ratings = ratings;
        this.transcript = transcript;
        this.desk = desk;
        this.texts = texts;
    }

    @Override
    public void forgotten(ConversationKey buyer, ConversationState last) {
        queue.remove(buyer);
        activity.remove(buyer);
        threads.forget(buyer);
        ratings.anonymise(buyer);
        transcript.forget(buyer);
        String thread = last.fact(Facts.THREAD);
        if (thread != null) {
            // Staff are told, so nobody keeps writing into a thread that reaches no one.
            desk.post(thread, texts.say("security.forget.staff_note"), List.of());
        }
    }
}
