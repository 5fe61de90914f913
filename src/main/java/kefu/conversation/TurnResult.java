package kefu.conversation;

import java.util.List;

/** What the engine answers for one turn; {@code duplicate} means the turn was already handled and nothing was done. */
public record TurnResult(ConversationKey key, Intent intent, double confidence, List<Reply> replies,
                         List<Source> sources, boolean handoff, String flow, boolean duplicate) {

    public TurnResult {
        replies = replies == null ? List.of() : List.copyOf(replies);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public static TurnResult duplicateOf(ConversationKey key) {
        return new TurnResult(key, null, 0, List.of(), List.of(), false, null, true);
    }
}
