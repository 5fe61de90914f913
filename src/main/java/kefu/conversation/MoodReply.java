package kefu.conversation;

import java.util.ArrayList;
import java.util.List;

/**
 * An angry or urgent buyer gets one short apology in front of the concrete next step the handler chose (the
 * urge, the order question, the fitting part of an article); a complaint the bot cannot place gets the
 * apology and a person offered instead of "I don't understand".
 */
final class MoodReply {

    /** The recogniser's entity: {@code angry} or {@code urgent}. */
    static final String MOOD = "mood";

    Outcome soften(TurnContext ctx, Classification c, Outcome out) {
        String mood = c.entity(MOOD);
        if (mood == null || out.handoff() || out.replies().isEmpty() || out.intent() == Intent.HUMAN_HANDOFF) {
            return out;
        }
        String sorry = ctx.say("mood." + ("angry".equals(mood) ? "angry" : "urgent"));
        if (out.intent() == Intent.FALLBACK) {
            Button human = Buttons.human(ctx);
            Reply offer = Reply.of(sorry + "\n" + ctx.say("mood.offer_person"), List.of(human));
            return new Outcome(List.of(offer), out.state(), Intent.FAQ, out.confidence(), out.sources(), false);
        }
        List<Reply> replies = new ArrayList<>(out.replies());
        Reply first = replies.get(0);
        replies.set(0, new Reply(sorry + "\n" + first.text(), first.buttons(), first.privateOnly(), first.receipt()));
        return new Outcome(replies, out.state(), out.intent(), out.confidence(), out.sources(), out.handoff());
    }
}
