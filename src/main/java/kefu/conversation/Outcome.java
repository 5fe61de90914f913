package kefu.conversation;

import java.util.ArrayList;
import java.util.List;

/**
 * What a handler decided for one turn: the replies, the next conversation state, and how it understood
 * the turn. Handlers build one with {@link #of} and the {@code with...} methods.
 */
public record Outcome(List<Reply> replies, ConversationState state, Intent intent, double confidence,
                      List<Source> sources, boolean handoff) {

    public Outcome {
        replies = replies == null ? List.of() : List.copyOf(replies);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public static Outcome of(ConversationState state, Intent intent, double confidence, Reply... replies) {
        return new Outcome(List.of(replies), state, intent, confidence, List.of(), false);
    }

    public Outcome withState(ConversationState next) {
        return new Outcome(replies, next, intent, confidence, sources, handoff);
    }

    public Outcome withSources(List<Source> next) {
        return new Outcome(replies, state, intent, confidence, next, handoff);
    }

    public Outcome withHandoff(boolean next) {
        return new Outcome(replies, state, intent, confidence, sources, next);
    }

    public Outcome withIntent(Intent next, double nextConfidence) {
        return new Outcome(replies, state, next, nextConfidence, sources, handoff);
    }

    public Outcome plus(Reply reply) {
        List<Reply> next = new ArrayList<>(replies);
        next.add(reply);
        return new Outcome(next, state, intent, confidence, sources, handoff);
    }
}
