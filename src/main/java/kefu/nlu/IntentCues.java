package kefu.nlu;

import kefu.conversation.Intent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a message does, beside which intent's examples it is closest to ({@code bot/dialogue.yml}): it asks a
 * question, demands something, names an order action, asks how a ticket is going, or is a bind / unbind request.
 *
 * @param actionWords an order action → the words that name it
 */
public record IntentCues(List<Pattern> asks, List<Pattern> demands, Map<Intent, List<Pattern>> actionWords,
                         List<Pattern> progress, List<Pattern> bindRequest, List<Pattern> unbindRequest) {

    public IntentCues {
        asks = List.copyOf(asks);
        demands = List.copyOf(demands);
        actionWords = Map.copyOf(actionWords);
        progress = List.copyOf(progress);
        bindRequest = List.copyOf(bindRequest);
        unbindRequest = List.copyOf(unbindRequest);
    }

    public boolean asks(String text) {
        return any(asks, text);
    }

    public boolean demands(String text) {
        return any(demands, text);
    }

    /** The one order action the text names, or empty when it names none or several. */
    public Optional<Intent> namedAction(String text) {
        List<Intent> named = actionWords.entrySet().stream().filter(e -> any(e.getValue(), text))
                .map(Map.Entry::getKey).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    public boolean asksProgress(String text) {
        return any(progress, text);
    }

    /** The whole message asks to link the shop account to this chat. */
    public boolean bindRequest(String text) {
        return whole(bindRequest, text);
    }

    public boolean unbindRequest(String text) {
        return whole(unbindRequest, text);
    }

    private static boolean any(List<Pattern> patterns, String text) {
        return patterns.stream().anyMatch(p -> p.matcher(text).find());
    }

    private static boolean whole(List<Pattern> patterns, String text) {
        return patterns.stream().anyMatch(p -> p.matcher(text).matches());
    }
}
