package kefu.handoff;

import kefu.conversation.ConversationState;
import kefu.conversation.Reply;
import kefu.conversation.events.ConversationEvent;

import java.util.List;

/**
 * What one staff action did to a conversation: the state to save (the same instance when nothing changed),
 * what goes to the buyer and into the staff thread, and the events to publish, all sent only once the state
 * is saved ({@link StaffTransaction}).
 *
 * @param refused        the action was refused; {@code toStaff} says why
 * @param showTranscript staff get the recent transcript after the notes (on takeover)
 */
public record StaffStep(ConversationState state, List<Reply> toBuyer, List<String> toStaff, boolean showTranscript,
                        List<ConversationEvent> events, boolean refused) {

    public static StaffStep done(ConversationState next, List<Reply> toBuyer, List<String> toStaff,
                                 List<ConversationEvent> events) {
        return new StaffStep(next, toBuyer, toStaff, false, events, false);
    }

    /** Nothing to do: the state stays as it was. */
    public static StaffStep unchanged(ConversationState state) {
        return new StaffStep(state, List.of(), List.of(), false, List.of(), false);
    }

    /** Only a line for staff; the state stays as it was. */
    public static StaffStep tellStaff(ConversationState unchanged, String text) {
        return new StaffStep(unchanged, List.of(), List.of(text), false, List.of(), false);
    }

    public static StaffStep refused(ConversationState unchanged, String why) {
        return new StaffStep(unchanged, List.of(), List.of(why), false, List.of(), true);
    }

    public StaffStep withTranscript() {
        return new StaffStep(state, toBuyer, toStaff, true, events, refused);
    }
}
