package kefu.nlu;

import kefu.conversation.Intent;

import java.util.Map;
import java.util.Optional;

/**
 * What a message does, beside which intent's examples it is closest to ({@code bot/dialogue.yml}): it asks a
 * question, demands something, names an order action, asks how a ticket is going, or is a bind / unbind request.
 *
 * @param actionWords an order action → the words that name it
 */
public record IntentCues(CuePatterns asks, CuePatterns demands, Map<Intent, CuePatterns> actionWords,
                         CuePatterns progress, CuePatterns bindRequest, CuePatterns unbindRequest) {

    public IntentCues {
        actionWords = Map.copyOf(actionWords);
    }

    public boolean asks(String text) {
        return asks.foundIn(text);
    }

    public boolean demands(String text) {
        return demands.foundIn(text);
    }

    /** The one order action the text names, or empty when it names none or several. */
    public Optional<Intent> namedAction(String text) {
        Intent named = null;
        for (var e : actionWords.entrySet()) {
            if (e.getValue().foundIn(text)) {
                if (named != null) {
                    return Optional.empty();
                }
                named = e.getKey();
            }
        }
        return Optional.ofNullable(named);
    }

    public boolean asksProgress(String text) {
        return progress.foundIn(text);
    }

    /** The whole message asks to link the shop account to this chat. */
    public boolean bindRequest(String text) {
        return bindRequest.matchesAll(text);
    }

    public boolean unbindRequest(String text) {
        return unbindRequest.matchesAll(text);
    }
}
