package kefu.handoff;

import kefu.conversation.Attachment;
import kefu.conversation.Button;
import kefu.conversation.ConversationKey;

import java.util.List;

/**
 * Where staff see escalated conversations (port, implemented by a channel adapter): on Telegram a forum
 * supergroup with one topic per buyer. A thread is identified by the adapter's own reference string.
 */
public interface StaffDesk {

    /** Opens the buyer's thread, or reopens the one it had, and returns its reference. */
    String openThread(ConversationKey buyer, String title);

    /** Posts a message (summary card, relayed buyer text, reminder) into a thread. */
    void post(String threadRef, String text, List<Button> buttons);

    /** Relays a file the buyer sent into a thread. */
    void postFile(String threadRef, Attachment file, String caption);
}
