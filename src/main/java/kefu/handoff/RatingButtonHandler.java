package kefu.handoff;

import kefu.conversation.Button;
import kefu.conversation.ButtonHandler;
import kefu.conversation.Buttons;
import kefu.conversation.ConversationState;
import kefu.conversation.HistoryEntry;
import kefu.conversation.Intent;
import kefu.conversation.Outcome;
import kefu.conversation.Reply;
import kefu.conversation.TurnContext;
import kefu.conversation.events.ConversationEvent.Rated;
import kefu.conversation.events.ConversationEvents;

import java.util.List;
import java.util.Map;

/** {@code rate:N}: the buyer rates the staff conversation that just ended, once; the rating goes to Redis. */
public final class RatingButtonHandler implements ButtonHandler {

    private final Ratings ratings;
    private final StaffDesk desk;
    private final StaffTexts texts;
    private final ConversationEvents events;

    private static final String ACTION = "rate";

    public RatingButtonHandler(Ratings ratings, StaffDesk desk, StaffTexts texts, ConversationEvents events) {
        this.events = events;
        this.ratings = ratings;
        this.desk = desk;
        this.texts = texts;
    }

    /** A button that rates the staff member who served with {@code score} (1 to 5). */
    static Button button(String label, int score) {
        return Button.of(label, ACTION, String.valueOf(score));
    }

    /** The conversation's facts say whether a rating still applies, so an earlier message's button gets its own answer. */
    @Override
    public boolean judgesOlderPresses() {
        return true;
    }

    @Override
    public String action() {
        return ACTION;
    }

    /** The buyer's last typed question the bot answered from the help center or could not answer. */
    static String lastQuestion(ConversationState s) {
        for (int i = s.history().size() - 1; i >= 0; i--) {
            HistoryEntry h = s.history().get(i);
            if (HistoryEntry.BUYER.equals(h.role()) && (Intent.FAQ.wireName().equals(h.intent())
                    || Intent.FALLBACK.wireName().equals(h.intent())) && h.text() != null && !h.text().startsWith("[")) {
                return h.text();
            }
        }
        return null;
    }

    @Override
    public Outcome press(TurnContext ctx, String argument) {
        ConversationState s = ctx.state();
        String staff = s.fact(Facts.RATE_STAFF);
        int score = argument.matches("[1-5]") ? Integer.parseInt(argument) : 0;
        if (staff == null || score == 0) {
            // A button of an earlier message: thank a buyer who rated already; otherwise there is nothing to rate
            // (the last conversation closed before staff answered), and a person is one tap away.
            return s.fact(Facts.RATING) != null
                    ? new Outcome(List.of(Reply.of(ctx.say("handoff.rate.done_before"))), s, null, 0, List.of(), false)
                    : new Outcome(List.of(Reply.of(ctx.say("handoff.rate.nothing"), List.of(Buttons.human(ctx)))),
                            s, null, 0, List.of(), false);
        }
        ratings.store(ctx.turn().key(), staff, score, ctx.now());
        events.publish(new Rated(ctx.turn().key(), ctx.now(), staff, score, lastQuestion(s)));
        String thread = s.fact(Facts.THREAD);
        if (thread != null) {
            desk.post(thread, texts.say("handoff.staff.rated", Map.of("score", score)), List.of());
        }
        ConversationState next = s.withFact(Facts.RATE_STAFF, null).withFact(Facts.RATING, argument);
        return new Outcome(List.of(Reply.of(ctx.say("handoff.rate.thanks"))), next, null, 0, List.of(), false);
    }
}
