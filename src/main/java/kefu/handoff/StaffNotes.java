package kefu.handoff;

import kefu.conversation.ConversationKey;
import kefu.conversation.HistoryEntry;

/**
 * {@code /note}: an internal note on a buyer's conversation. It goes into the transcript staff read, never into
 * the history answers may be built from, and never to the buyer.
 */
public final class StaffNotes {

    private final StaffTransaction transaction;
    private final Transcript transcript;
    private final StaffNames names;
    private final StaffTexts texts;

    public StaffNotes(StaffTransaction transaction, Transcript transcript, StaffNames names, StaffTexts texts) {
        this.transaction = transaction;
        this.transcript = transcript;
        this.names = names;
        this.texts = texts;
    }

    /** {@code text} is not empty. */
    public void note(String staffId, ConversationKey buyer, String threadRef, String text) {
        // Under the lease, so the note lands after the lines the transaction copies into the transcript.
        transaction.run(buyer, threadRef, (s, now) -> {
            transcript.append(buyer, new HistoryEntry(Transcript.NOTE, names.shown(staffId) + "：" + text, null, now));
            return StaffStep.tellStaff(s, texts.say("handoff.staff.noted"));
        });
    }
}
