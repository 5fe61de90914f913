package kefu.handoff;

import kefu.conversation.Button;
import kefu.conversation.ConversationKey;
import kefu.conversation.ConversationState;
import kefu.conversation.ConversationStore;
import kefu.conversation.Handover;
import kefu.conversation.HistoryEntry;
import kefu.conversation.Intent;
import kefu.conversation.Reply;
import kefu.conversation.events.ConversationEvent.ConversationClosed;
import kefu.conversation.events.ConversationEvent.StaffJoined;
import kefu.session.SessionProperties;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Staff taking a conversation over and handing it back: claiming it (with a greeting to the buyer and the recent
 * transcript for staff), stepping into one that has no thread yet, closing it with the rating request, and
 * closing it by itself when staff left it quiet.
 */
public final class StaffTakeover {

    private final StaffTransaction transaction;
    private final StaffPolicy policy;
    private final ConversationStore store;
    private final HandoffEscalation escalations;
    private final StaffActivity activity;
    private final StaffNames names;
    private final StaffTexts texts;
    private final SessionProperties session;
    private final HandoffProperties settings;

    public StaffTakeover(StaffTransaction transaction, StaffPolicy policy, ConversationStore store,
                         HandoffEscalation escalations, StaffActivity activity, StaffNames names, StaffTexts texts,
                         SessionProperties session, HandoffProperties settings) {
        this.transaction = transaction;
        this.policy = policy;
        this.store = store;
        this.escalations = escalations;
        this.activity = activity;
        this.names = names;
        this.texts = texts;
        this.session = session;
        this.settings = settings;
    }

    /** The buyer's staff thread, or null when the buyer was never handed to staff. */
    public String threadOf(ConversationKey buyer) {
        return store.peek(buyer).map(s -> s.fact(Facts.THREAD)).orElse(null);
    }

    /** Opens a thread for a buyer who never had one (staff stepping in), with the summary card; returns it. */
    public String openThreadFor(ConversationKey buyer) {
        StaffStep step = transaction.run(buyer, null, (s, now) -> {
            if (s.fact(Facts.THREAD) != null) {
                return StaffStep.unchanged(s);
            }
            Intent last = lastIntent(s);
            String thread = escalations.openThread(buyer, s, last);
            ConversationState next = s.withFact(Facts.THREAD, thread);
            escalations.postCard(thread, buyer, next, last, "staff", texts.say("handoff.staff.queue_not_queued"),
                    null, true);
            return StaffStep.done(next, List.of(), List.of(), List.of());
        });
        return step.state().fact(Facts.THREAD);
    }

    public void claim(String staffId, ConversationKey buyer, String threadRef) {
        transaction.run(buyer, threadRef, (s, now) -> {
            Optional<StaffRefusal> refused = policy.refuseClaim(staffId, s.handover());
            if (refused.isPresent()) {
                return StaffStep.refused(s, refused.get().text(texts, names));
            }
            // Without a name the greeting says "staff has joined", never "客服「客服」".
            String hello = names.nameOf(staffId)
                    .map(name -> texts.buyerText(s.lang(), "handoff.claimed", Map.of("alias", name)))
                    .orElseGet(() -> texts.buyerText(s.lang(), "handoff.claimed_unnamed", Map.of()));
            ConversationState next = s.endFlow().withHandover(Handover.staff(staffId)).withFact(Facts.QUEUE_NOTED, null)
                    .withFact(Facts.RATE_STAFF, null)
                    .withHistory(new HistoryEntry(HistoryEntry.BOT, hello, null, now), session.historySize());
            return StaffStep.done(next, List.of(Reply.of(hello)),
                    List.of(texts.say("handoff.staff.claimed", Map.of("alias", names.shown(staffId)))),
                    List.of(new StaffJoined(buyer, now, staffId, Facts.sinceHandedOver(s, now)))).withTranscript();
        });
    }

    public void close(String staffId, ConversationKey buyer, String threadRef) {
        transaction.run(buyer, threadRef, (s, now) -> handBack(buyer, s, now, "handoff.closed",
                texts.say(s.handover().assignee().isPresent() ? "handoff.staff.closed" : "handoff.staff.closed_unserved",
                        Map.of("alias", names.shown(staffId))), false));
    }

    /** Closes a conversation staff left quiet since {@code quietSince}; does nothing if it woke up meanwhile. */
    public void closeIdle(ConversationKey buyer, Instant quietSince) {
        transaction.run(buyer, null, (s, now) -> {
            boolean stillQuiet = activity.lastSeen(buyer).map(t -> !t.isAfter(quietSince)).orElse(false);
            if (s.handover().assignee().isEmpty() || !stillQuiet) {
                return StaffStep.unchanged(s);
            }
            return handBack(buyer, s, now, "handoff.idle_closed", texts.say("handoff.staff.idle_closed",
                    Map.of("minutes", settings.idleClose().toMinutes())), true);
        });
    }

    private StaffStep handBack(ConversationKey buyer, ConversationState s, Instant now, String byeKey,
                               String staffNote, boolean idle) {
        Optional<StaffRefusal> refused = policy.refuseClosing(s.handover());
        if (refused.isPresent()) {
            return StaffStep.refused(s, refused.get().text(texts, names));
        }
        boolean rate = policy.asksRating(s.handover());
        String served = s.handover().assignee().orElse(null);
        String bye = texts.buyerText(s.lang(), rate ? byeKey : "handoff.closed_unserved", Map.of());
        List<Button> ratings = rate ? IntStream.rangeClosed(1, 5)
                .mapToObj(n -> RatingButtonHandler.button(texts.buyerText(s.lang(), "handoff.rate." + n, Map.of()), n))
                .toList() : List.of();
        ConversationState next = s.withHandover(Handover.CLOSED).withFallbackStreak(0).withFact(Facts.QUEUE_NOTED, null)
                .withFact(Facts.RATE_STAFF, served).withFact(Facts.RATING, null).withFact(Facts.HANDED_AT, null)
                .withHistory(new HistoryEntry(HistoryEntry.BOT, bye, null, now), session.historySize())
                .withOfferedButtons(ratings.stream().map(Button::data).toList());
        return StaffStep.done(next, List.of(Reply.of(bye, ratings)), List.of(staffNote),
                List.of(new ConversationClosed(buyer, now, served, idle)));
    }

    private static Intent lastIntent(ConversationState s) {
        for (int i = s.history().size() - 1; i >= 0; i--) {
            String intent = s.history().get(i).intent();
            if (intent != null) {
                return Intent.find(intent).orElse(null);
            }
        }
        return null;
    }
}
