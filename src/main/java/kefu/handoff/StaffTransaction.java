package kefu.handoff;

import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationState;
import kefu.conversation.ConversationStore;
import kefu.conversation.ConversationStore.Begin;
import kefu.conversation.Handover;
import kefu.conversation.events.ConversationEvents;
import kefu.session.SessionProperties;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Runs one staff action on a buyer's conversation under the conversation store's lease, like a buyer turn, so a
 * staff action and a buyer message never overwrite each other. Afterwards, with the state saved: the queue and
 * the staff-activity clock follow the new handover, the buyer gets their replies, the thread its notes, and the
 * events are published.
 */
public final class StaffTransaction {

    private final ConversationStore store;
    private final SessionProperties session;
    private final HandoffQueue queue;
    private final StaffActivity activity;
    private final Transcript transcript;
    private final SummaryCard card;
    private final StaffDesk desk;
    private final BuyerMessengers messengers;
    private final StaffTexts texts;
    private final HandoffProperties settings;
    private final Clock clock;
    private final ConversationEvents events;

    public StaffTransaction(ConversationStore store, SessionProperties session, HandoffQueue queue,
                            StaffActivity activity, Transcript transcript, SummaryCard card, StaffDesk desk,
                            BuyerMessengers messengers, StaffTexts texts, HandoffProperties settings, Clock clock,
                            ConversationEvents events) {
        this.store = store;
        this.session = session;
        this.queue = queue;
        this.activity = activity;
        this.transcript = transcript;
        this.card = card;
        this.desk = desk;
        this.messengers = messengers;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
    }

    /**
     * @param threadRef where notes go; null: the buyer's own thread as the new state names it
     * @return the step as carried out, its state as saved
     */
    public StaffStep run(ConversationKey buyer, String threadRef,
                         BiFunction<ConversationState, Instant, StaffStep> action) {
        // Not the buyer's turn: a banned or flooding buyer must not stop staff from answering or closing.
        Begin.Acquired acquired = store.beginAction(buyer, session.turnWait());
        StaffStep step;
        try {
            Instant now = clock.instant();
            transcript.sync(buyer, acquired.state().history());
            step = action.apply(acquired.state(), now);
            if (step.state() == acquired.state()) {
                store.release(acquired.lease());
            } else {
                transcript.sync(buyer, step.state().history());
                store.commit(acquired.lease(), step.state().touchedAt(now));
            }
        } catch (RuntimeException e) {
            store.release(acquired.lease());
            throw e;
        }
        followHandover(buyer, step.state().handover());
        messengers.send(buyer, step.toBuyer());
        String thread = threadRef != null ? threadRef : step.state().fact(Facts.THREAD);
        List<String> notes = new ArrayList<>(step.toStaff());
        if (step.showTranscript()) {
            notes.add(texts.say("handoff.staff.transcript", Map.of("transcript",
                    card.lines(transcript.last(buyer, settings.cardTurns())))));
        }
        for (String note : notes) {
            desk.post(thread, note, List.of());
        }
        step.events().forEach(events::publish);
        return step;
    }

    /** Served buyers leave the queue and start the idle clock; buyers back with the bot leave both. */
    private void followHandover(ConversationKey buyer, Handover owner) {
        if (owner.assignee().isPresent()) {
            queue.remove(buyer);
            activity.touch(buyer, clock.instant());
        } else if (!Handover.QUEUED.equals(owner)) {
            queue.remove(buyer);
            activity.remove(buyer);
        }
    }
}
